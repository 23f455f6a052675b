import { describe, expect, it } from 'vitest';
import { CatalogueIndex, type IndexDoc } from './catalogue-index';
import { compareRelated, facetScore, idf, pickRelated, selectTerms, type Scored } from './related';

function doc(id: number, fields: Partial<IndexDoc>): IndexDoc {
  return { id, title: `Record ${id}`, summary: '', names: '', year: null, category: null, countries: [], regions: [], authors: [], languages: ['en'], ...fields };
}

function build(records: IndexDoc[]) {
  const index = new CatalogueIndex();
  for (const record of records) index.upsert(record);
  return index;
}

const related = (index: CatalogueIndex, record: IndexDoc, limit?: number) => index.related(record.id, record, limit);

describe('the scoring parts', () => {
  it('weighs a rare value above a common one', () => {
    expect(idf(2, 1000)).toBeGreaterThan(idf(300, 1000));
    expect(facetScore('author', 3, 1000)).toBeGreaterThan(facetScore('region', 300, 1000));
    // Even a common author against a rare region of the same spread: the author's facet weighs more.
    expect(facetScore('author', 50, 1000)).toBeGreaterThan(facetScore('region', 50, 1000));
    expect(facetScore('region', 50, 1000)).toBeGreaterThan(facetScore('category', 50, 1000));
  });

  it('chooses distinctive terms others share, at most the limit', () => {
    const terms = [
      { id: 1, weight: 4, df: 1 }, // only the record itself
      { id: 2, weight: 4, df: 900 }, // most of the catalogue
      { id: 3, weight: 1, df: 5 },
      { id: 4, weight: 4, df: 5 },
      { id: 5, weight: 4, df: 50 },
    ];
    expect(selectTerms(terms, 1000).map((t) => t.id)).toEqual([4, 5, 3]);
    expect(selectTerms(terms, 1000, 1).map((t) => t.id)).toEqual([4]);
  });

  it('orders by score, then the later year (year-less last), then the lower id', () => {
    const list: Scored[] = [
      { id: 5, score: 1, year: null, group: null },
      { id: 4, score: 1, year: 2010, group: null },
      { id: 3, score: 2, year: 2000, group: null },
      { id: 2, score: 1, year: 2010, group: null },
    ];
    expect([...list].sort(compareRelated).map((s) => s.id)).toEqual([3, 2, 4, 5]);
  });

  it('keeps one member per translation group and nothing unscored', () => {
    const list: Scored[] = [
      { id: 1, score: 3, year: 2020, group: 7 },
      { id: 2, score: 2, year: 2020, group: 7 },
      { id: 3, score: 1, year: 2020, group: null },
      { id: 4, score: 0, year: 2020, group: null },
    ];
    expect(pickRelated(list).map((s) => s.id)).toEqual([1, 3]);
    expect(pickRelated(list, 1).map((s) => s.id)).toEqual([1]);
  });
});

describe('CatalogueIndex.related', () => {
  const base = doc(1, { title: 'Kafala sponsorship and domestic workers', summary: 'Migrant domestic workers under kafala.', year: 2018, countries: ['LB'], regions: ['middle-east'], authors: ['ilo'], category: 'report' });
  // Filler: the region is common, the author rare.
  const filler = Array.from({ length: 40 }, (_, i) => doc(100 + i, { title: `Filler ${i}`, summary: 'Unrelated words entirely.', year: 2000 + (i % 20), regions: ['middle-east'] }));

  it('never lists the record itself, and nothing for a record not in the index', () => {
    const index = build([base, ...filler]);
    expect(related(index, base)).not.toContain(1);
    expect(index.related(999, { title: 'x', summary: 'y' })).toEqual([]);
  });

  it('ranks a shared rare author above a shared common region', () => {
    const byAuthor = doc(2, { title: 'Wages', summary: 'Pay.', year: 2001, authors: ['ilo'] });
    const byRegion = doc(3, { title: 'Borders', summary: 'Crossings.', year: 2022, regions: ['middle-east'] });
    const index = build([base, byAuthor, byRegion, ...filler]);
    const ids = related(index, base, 50);
    expect(ids.indexOf(2)).toBeLessThan(ids.indexOf(3));
    expect(ids[0]).toBe(2);
  });

  it('finds text likeness without any shared facet', () => {
    const alike = doc(2, { title: 'Kafala reform', summary: 'Domestic workers and the kafala system.', year: 2015 });
    const index = build([base, alike, ...filler]);
    expect(related(index, base)[0]).toBe(2);
  });

  it('leaves out its own translations, and lists one member of another work', () => {
    const own = doc(2, { title: 'Kafala et travailleurs domestiques', languages: ['fr'], group: 9, authors: ['ilo'], countries: ['LB'] });
    const other = [
      doc(3, { title: 'ILO one', authors: ['ilo'], group: 10, year: 2019 }),
      doc(4, { title: 'ILO two', authors: ['ilo'], group: 10, year: 2020 }),
    ];
    const index = build([{ ...base, group: 9 }, own, ...other, ...filler]);
    const ids = related(index, { ...base, group: 9 });
    expect(ids).not.toContain(2);
    expect(ids.filter((id) => id === 3 || id === 4)).toEqual([4]);
  });

  it('is deterministic: ties by the later year, then the lower id, the same after updates leave dead slots', () => {
    const tied = [
      doc(5, { year: 2010, authors: ['ilo'] }),
      doc(4, { year: 2012, authors: ['ilo'] }),
      doc(3, { year: 2010, authors: ['ilo'] }),
    ];
    const index = build([base, ...tied, ...filler]);
    expect(related(index, base).slice(0, 3)).toEqual([4, 3, 5]);
    // Re-indexing leaves dead slots behind: the answer must not change.
    for (const record of [...tied, ...filler.slice(0, 10)]) index.upsert(record);
    expect(index.deadSlots).toBeGreaterThan(0);
    expect(related(index, base)).toEqual(related(build([base, ...tied, ...filler]), base));
  });

  it('keeps the best of many ties when only a few fit (the heap and the final order agree)', () => {
    const tied = Array.from({ length: 12 }, (_, i) => doc(50 - i, { year: 2010, authors: ['ilo'] }));
    const index = build([base, ...tied]);
    expect(related(index, base, 1)).toEqual([39]);
    expect(related(index, base, 3)).toEqual([39, 40, 41]);
  });

  describe('with values common enough to be walked last (more than 256 publications)', () => {
    const crowd = Array.from({ length: 600 }, (_, i) => doc(1000 + i, { year: 1990 + (i % 30), regions: i < 400 ? ['big'] : [] }));

    it('finds the records sharing only a common value (everything walked)', () => {
      const lone = doc(1, { title: 'Lonely', regions: ['big'] });
      const expected = crowd
        .filter((d) => d.regions.length > 0)
        .sort((a, b) => b.year! - a.year! || a.id - b.id)
        .slice(0, 6)
        .map((d) => d.id);
      expect(related(build([lone, ...crowd]), lone)).toEqual(expected);
    });

    it('adds a common value to the candidates the rest found', () => {
      const withAuthor = doc(1, { title: 'Lonely', regions: ['big'], authors: ['rare'] });
      const coauthored = Array.from({ length: 8 }, (_, i) => doc(10 + i, { year: 2000, authors: ['rare'], regions: i % 2 === 0 ? [] : ['big'] }));
      expect(related(build([withAuthor, ...coauthored, ...crowd]), withAuthor)).toEqual([11, 13, 15, 17, 10, 12]);
    });
  });

  it('lists at most the limit, removed records never', () => {
    const index = build([base, ...Array.from({ length: 10 }, (_, i) => doc(2 + i, { authors: ['ilo'] })), ...filler]);
    expect(related(index, base)).toHaveLength(6);
    index.remove(2);
    expect(related(index, base, 50)).not.toContain(2);
  });
});
