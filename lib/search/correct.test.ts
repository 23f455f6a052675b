import { describe, expect, it } from 'vitest';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { CatalogueIndex, type IndexDoc } from './catalogue-index';
import { correctQuery, positiveWords, rareWordHint, replaceWords, suggestQueries } from './correct';
import { parseQuery } from './query';

function doc(id: number, title: string, summary = ''): IndexDoc {
  return { id, title, summary, names: '', year: 2020, category: null, countries: [], regions: [], authors: [], languages: ['en'] };
}

/** 24 records on trafficking, 2 with the misspelling "traficking" (a real typo in real data), 1 on trafficked children. */
function build(): CatalogueIndex {
  const index = new CatalogueIndex();
  let id = 1;
  for (let i = 0; i < 24; i++) index.upsert(doc(id++, `Trafficking report ${i}`, i < 4 ? 'Victims of forced labour.' : 'Migrants.'));
  index.upsert(doc(id++, 'Traficking review', 'Victims.'));
  index.upsert(doc(id++, 'Another traficking note'));
  index.upsert(doc(id++, 'Children trafficked', 'Smuggling of migrants.'));
  index.upsert(doc(id++, 'Smuggling handbook'));
  return index;
}

const total = (index: CatalogueIndex, q: string) => index.search(parseCatalogueParams({ q }), parseQuery(q)).total;

describe('correctQuery', () => {
  const index = build();

  it.each<[string, string | null]>([
    // finds nothing: the most frequent close word wins
    ['trafficing', 'trafficking'],
    ['Trafficing victims', 'trafficking victims'],
    ['"trafficing report"', '"trafficking report"'],
    ['victmis OR migrnats', 'victims OR migrants'],
    // finds a few: searched as typed (rareWordHint may offer the close word)
    ['traficking', null],
    // finds a few, and no close word finds 10 times as many: left alone
    ['smuggling', null],
    ['trafficked', null],
    // fine words, exclusions, prefixes, short words and words with no close word are left alone
    ['trafficking', null],
    ['trafficking -trafficing', null],
    ['trafficin*', null],
    ['rpt', null],
    ['zzzzzzzz', null],
    // a spelling variant is no misspelling (labor finds the labour records)
    ['labor', null],
  ])('%j → %j', (q, corrected) => {
    expect(correctQuery(index, q)?.q ?? null).toBe(corrected);
  });

  it('names each word corrected', () => {
    expect(correctQuery(index, 'trafficing victmis')?.words).toEqual([
      { from: 'trafficing', to: 'trafficking' },
      { from: 'victmis', to: 'victims' },
    ]);
  });

  it('counts over live publications only', () => {
    const changing = build();
    expect(correctQuery(changing, 'smugling')?.q).toBe('smuggling');
    changing.remove(27);
    changing.remove(28);
    expect(correctQuery(changing, 'smugling')).toBeNull();
    changing.upsert(doc(99, 'Smugglers and smuggling'));
    expect(correctQuery(changing, 'smugling')?.q).toBe('smuggling');
  });
});

describe('rareWordHint', () => {
  const index = build();

  it.each<[string, string | null]>([
    // finds 2 while a close word finds 24 (≥ 10 and ≥ 10 × 2)
    ['traficking', 'trafficking'],
    ['traficking victims', 'trafficking victims'],
    // finds 1 (smuggling) or more: no close word finds 10 times as many
    ['smuggling', null],
    ['trafficked', null],
    // finds nothing: that is correctQuery's
    ['trafficing', null],
  ])('%j → %j', (q, hint) => {
    expect(rareWordHint(index, q)).toBe(hint);
  });
});

describe('suggestQueries', () => {
  const index = build();

  it('offers alternatives that find something, the most results first', () => {
    const finds = (q: string) => total(index, q);
    // "traficking" is corrected to trafficking, which with "handbook" finds nothing; each alternative replaces one word.
    expect(suggestQueries(index, 'trafficking handbok', finds)).toEqual([]);
    expect(suggestQueries(index, 'smugling handbok', finds)).toEqual(['smuggling handbok'].filter((q) => finds(q) > 0).concat(['smugling handbook'].filter((q) => finds(q) > 0)));
    expect(suggestQueries(index, 'smuggling handbok', finds)).toEqual(['smuggling handbook']);
    expect(suggestQueries(index, 'zzzzzz', finds)).toEqual([]);
  });
});

describe('positiveWords and replaceWords', () => {
  it('lists the words written, not the spellings added, exclusions nor prefixes', () => {
    expect(positiveWords('labour "forced labor" -children migra* sex OR slavery')).toEqual(['labour', 'forced', 'sex', 'slavery']);
  });

  it('replaces words as written, keeping the rest of the query', () => {
    const map = new Map([['trafficing', 'trafficking']]);
    expect(replaceWords('Trafficing, "trafficing victims" -x trafficing*', map)).toBe('trafficking, "trafficking victims" -x trafficing*');
  });
});

describe('CatalogueIndex.wordFindsAtLeast', () => {
  it('agrees with the count, dead slots and variants included', () => {
    const index = build();
    for (const [word, n] of [['trafficking', 3], ['traficking', 3], ['traficking', 2], ['smuggling', 2], ['smuggling', 3], ['labor', 4], ['labor', 5]] as const) {
      expect(index.wordFindsAtLeast(word, n), `${word} ${n}`).toBe(index.wordFrequency(word) >= n);
    }
    for (let id = 1; id <= 24; id++) index.remove(id);
    expect(index.wordFindsAtLeast('trafficking', 3)).toBe(false);
    expect(index.wordFrequency('trafficking')).toBe(1); // "Children trafficked": one stem
  });
});
