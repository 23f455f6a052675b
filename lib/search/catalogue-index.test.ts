import { describe, expect, it } from 'vitest';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { CatalogueIndex, type IndexDoc } from './catalogue-index';
import { parseQuery } from './query';

function doc(id: number, fields: Partial<IndexDoc>): IndexDoc {
  return {
    id,
    title: `Publication ${id}`,
    summary: '',
    names: '',
    year: null,
    category: null,
    countries: [],
    regions: [],
    authors: [],
    languages: [],
    ...fields,
  };
}

const docs = [
  doc(1, { title: 'Étude régionale', summary: 'Traite des personnes.', year: 2017, category: 'handbook', countries: ['RS'], regions: ['south-eastern-europe'] }),
  doc(2, { title: 'Labour exploitation', summary: 'Victims trafficked for forced labour.', year: 2014, category: 'report', countries: ['RS', 'BA'], regions: ['south-eastern-europe'] }),
  doc(3, { title: 'Referral mechanisms', summary: 'National referral mechanisms for trafficking victims.', year: 2019, category: 'handbook', countries: ['ML'], regions: ['west-africa'], authors: ['iom'] }),
  doc(4, { title: 'Children on the move', summary: 'Child labour and trafficking in mining.', year: null, regions: ['worldwide'], authors: ['iom', 'g-liu'], names: 'IOM ; G. Liu' }),
];

function build(records = docs) {
  const index = new CatalogueIndex();
  for (const record of records) index.upsert(record);
  return index;
}

const run = (index: CatalogueIndex, query: string) => {
  const params = parseCatalogueParams(new URLSearchParams(query));
  return index.search(params, parseQuery(params.q));
};
const counts = (result: ReturnType<typeof run>, facet: 'country' | 'category' | 'year' | 'region' | 'author') =>
  Object.fromEntries(result.facets[facet].map((f) => [f.value, f.count]));

describe('CatalogueIndex facets', () => {
  const index = build();

  it('returns everything, newest first, with records lacking a year last', () => {
    const result = run(index, '');
    expect(result.total).toBe(4);
    expect(result.ids).toEqual([3, 1, 2, 4]);
    expect(run(index, 'sort=oldest').ids).toEqual([2, 1, 3, 4]);
    expect(run(index, 'sort=title').ids).toEqual([4, 1, 2, 3]);
    expect(counts(result, 'country')).toEqual({ RS: 2, BA: 1, ML: 1 });
  });

  it('ORs values within a facet and ANDs facets', () => {
    expect(run(index, 'country=BA&country=ML').ids.sort()).toEqual([2, 3]);
    expect(run(index, 'country=RS&category=handbook').ids).toEqual([1]);
  });

  it("counts a facet without its own selection but with every other's", () => {
    const result = run(index, 'country=RS&category=handbook');
    expect(counts(result, 'country')).toEqual({ RS: 1, ML: 1 });
    expect(counts(result, 'category')).toEqual({ handbook: 1, report: 1 });
    expect(result.facets.country.find((f) => f.value === 'RS')?.selected).toBe(true);
  });

  it('keeps a selected value with no matches at a count of zero', () => {
    expect(run(index, 'category=report&country=ML').facets.country.find((f) => f.value === 'ML')).toEqual({
      value: 'ML',
      count: 0,
      selected: true,
    });
  });

  it('filters a year range and excludes records without a year', () => {
    expect(run(index, 'yearFrom=2015').ids).toEqual([3, 1]);
    expect(run(index, 'yearFrom=2014&yearTo=2017').ids).toEqual([1, 2]);
    expect(counts(run(index, 'yearTo=2016'), 'year')).toEqual({ 2014: 1 });
  });

  it('limits the values listed, keeps selected ones, and reports how many there are', () => {
    const all = index.search(parseCatalogueParams({}), parseQuery(''), { facetLimit: 1 });
    expect(all.facetSizes.country).toBe(3);
    expect(all.facets.country).toEqual([{ value: 'RS', count: 2, selected: false }]);
    const selected = index.search(parseCatalogueParams({ country: 'ML' }), parseQuery(''), { facetLimit: 1 });
    expect(selected.facets.country).toEqual([
      { value: 'RS', count: 2, selected: false },
      { value: 'ML', count: 1, selected: true },
    ]);
  });

  it('lists only the values a find filter accepts, with exact counts', () => {
    const result = index.search(parseCatalogueParams({}), parseQuery(''), { facetFilter: { country: (c) => c === 'BA' } });
    expect(result.facets.country).toEqual([{ value: 'BA', count: 1, selected: false }]);
    expect(result.facetSizes.country).toBe(3);
  });

  it('counts every year for the histogram with the year choice and range left out, the other filters kept', () => {
    const histogram = (query: string) => {
      const params = parseCatalogueParams(new URLSearchParams(query));
      return index.search(params, parseQuery(params.q), { yearHistogram: true }).yearHistogram;
    };
    const all = [
      { year: 2014, count: 1 },
      { year: 2017, count: 1 },
      { year: 2019, count: 1 },
    ];
    expect(histogram('')).toEqual(all);
    // The year facet's own counts, where no year is chosen.
    expect(Object.fromEntries(histogram('')!.map((b) => [String(b.year), b.count]))).toEqual(counts(run(index, ''), 'year'));
    expect(histogram('year=2014')).toEqual(all);
    expect(histogram('yearFrom=2015&yearTo=2018')).toEqual(all);
    expect(histogram('yearFrom=2015&year=2019&country=RS')).toEqual([
      { year: 2014, count: 1 },
      { year: 2017, count: 1 },
    ]);
    expect(histogram('q=referral')).toEqual([{ year: 2019, count: 1 }]);
    expect(run(index, '').yearHistogram).toBeNull();
  });

  it('takes a per-facet limit over the common one', () => {
    const params = parseCatalogueParams(new URLSearchParams(''));
    const result = index.search(params, parseQuery(''), { facetLimit: 1, facetLimits: { country: Infinity } });
    expect(result.facets.country).toHaveLength(3);
    expect(result.facets.category).toHaveLength(1);
  });

  it('clamps the page to the last one', () => {
    const result = run(index, 'page=50');
    expect(result.page).toBe(1);
    expect(result.pageCount).toBe(1);
  });
});

describe('CatalogueIndex text search', () => {
  const index = build();
  const ids = (q: string) => run(index, `q=${encodeURIComponent(q)}&sort=newest`).ids;

  it('ignores case and accents and stems English words', () => {
    expect(ids('ETUDE')).toEqual([1]);
    expect(ids('trafficking')).toEqual([3, 2, 4]);
    expect(ids('trafficked')).toEqual([3, 2, 4]);
  });

  it('ANDs words, supports phrases, exclusions, prefixes and OR', () => {
    expect(ids('labour trafficking')).toEqual([2, 4]);
    expect(ids('"forced labour"')).toEqual([2]);
    expect(ids('"labour forced"')).toEqual([]);
    expect(ids('trafficking -child')).toEqual([3, 2]);
    expect(ids('referr*')).toEqual([3]);
    expect(ids('mining OR etude')).toEqual([1, 4]);
    expect(ids('-trafficking')).toEqual([1]);
  });

  it('searches the names a publication is filed under', () => {
    expect(ids('liu')).toEqual([4]);
  });

  it('ranks a title match above a summary-only match', () => {
    const ranked = build([
      doc(1, { title: 'Annual overview', summary: 'A section on labour migration among many other topics of the year.', year: 2020 }),
      doc(2, { title: 'Labour migration', summary: 'An overview.', year: 2010 }),
    ]);
    const params = parseCatalogueParams({ q: 'labour' });
    expect(params.sort).toBe('relevance');
    expect(ranked.search(params, parseQuery(params.q)).ids).toEqual([2, 1]);
  });

  it('never fails on malformed queries', () => {
    for (const q of ['"unbalanced', '-', 'NEAR/3 (a OR', '*', 'OR', 'a'.repeat(5000), '"" -"" OR OR']) {
      expect(() => ids(q)).not.toThrow();
    }
  });
});

describe('CatalogueIndex updates', () => {
  it('re-indexes an updated record and forgets a removed one', () => {
    const index = build();
    index.upsert(doc(2, { title: 'Labour exploitation', year: 2021, category: 'handbook', countries: ['ML'] }));
    expect(run(index, '').ids).toEqual([2, 3, 1, 4]);
    expect(counts(run(index, ''), 'country')).toEqual({ RS: 1, ML: 2 });
    expect(run(index, 'q=forced').ids).toEqual([]);
    index.remove(3);
    expect(run(index, '').total).toBe(3);
    expect(run(index, 'q=referral').ids).toEqual([]);
    expect(counts(run(index, ''), 'category')).toEqual({ handbook: 2 });
    expect(index.size).toBe(3);
    expect(index.deadSlots).toBe(2);
  });

  it('keeps phrases, removals and updates right with a vocabulary of 70,000 words, and after compacting', () => {
    const index = build();
    // 70,000 distinct made-up words: term ids well past two bytes.
    const word = (n: number) => `w${n.toString(36)}q`;
    for (let i = 0; i < 70; i++) {
      index.upsert(doc(100 + i, { title: `forced labour ${word(i)}`, summary: Array.from({ length: 1000 }, (_, j) => word(i * 1000 + j)).join(' ') }));
    }
    index.upsert(doc(500, { title: `labour forced ${word(69_999)} ${word(5)}`, summary: 'labour' }));
    expect(run(index, `q="forced labour"`).total).toBe(71); // 70 new titles + record 2's summary
    expect(run(index, `q="${word(69_998)} ${word(69_999)}"`).ids).toEqual([169]);
    expect(run(index, `q="${word(69_999)} ${word(5)}"`).ids).toEqual([500]);
    // A phrase never spans two fields: the last title word and the first summary word are not adjacent.
    expect(run(index, `q="${word(5)} labour"`).ids).toEqual([]);
    // Title and summary never join either, while words within one field do.
    expect(run(index, 'q="move child"').ids).toEqual([]);
    expect(run(index, 'q="the move"').ids).toEqual([4]);
    index.compact();
    index.remove(169);
    expect(run(index, `q=${word(69_999)}`).ids).toEqual([500]);
    index.upsert(doc(2, { title: 'Labour exploitation', summary: 'no longer forced' }));
    expect(run(index, `q="forced labour"`).total).toBe(69);
    expect(run(index, 'q=exploitation').ids).toEqual([2]);
  });

  it('finds a phrase wherever its words stand, also when a word repeats', () => {
    const index = build([
      doc(1, { title: 'kafala systems', summary: 'Reform of the kafala system and labour kafala rules.' }),
      doc(2, { title: 'Labour rules', summary: 'Kafala first; later on labour and more labour.' }),
      doc(3, { title: 'labour', summary: 'labour labour labour' }),
    ]);
    // In record 2 "Kafala" opens the summary, before any "labour"; record 1 holds "labour kafala" once, late.
    expect(run(index, 'q="labour kafala"').ids).toEqual([1]);
    expect(run(index, 'q="kafala system"').ids).toEqual([1]);
    expect(run(index, 'q="labour labour"').ids).toEqual([3]);
    // Record 2's title ends in "rules" and its summary opens with "Kafala": two fields, no phrase.
    expect(run(index, 'q="rules kafala"').ids).toEqual([]);
  });

  it('grows past its initial capacity', () => {
    const index = new CatalogueIndex();
    for (let i = 1; i <= 3000; i++) index.upsert(doc(i, { year: 1990 + (i % 30), countries: [i % 2 ? 'RS' : 'BA'] }));
    const result = run(index, 'country=RS');
    expect(result.total).toBe(1500);
    expect(counts(result, 'country')).toEqual({ RS: 1500, BA: 1500 });
  });
});

describe('CatalogueIndex against a plain reading of its records', () => {
  // A seeded generator, so a failure can be replayed.
  let seed = 7;
  // Park–Miller: exact in doubles (a larger multiplier would round away the low bits).
  const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
  const pick = <T,>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'kappa', 'sigma'] as const;
  const COUNTRIES = ['RS', 'BA', 'ML', 'NG', 'TH'] as const;
  const text = (length: number) => Array.from({ length }, () => pick(WORDS)).join(' ');
  const randomDoc = (id: number) =>
    doc(id, {
      title: text(1 + Math.floor(random() * 4)),
      summary: text(Math.floor(random() * 12)),
      year: random() < 0.1 ? null : 2000 + Math.floor(random() * 20),
      category: random() < 0.2 ? null : pick(['report', 'handbook']),
      // Skewed: "RS" is on most records, so counting a facet goes through both of its paths.
      countries: [...new Set([...(random() < 0.8 ? ['RS'] : []), ...Array.from({ length: Math.floor(random() * 3) }, () => pick(COUNTRIES))])],
    });
  const tally = (values: string[]) => {
    const out: Record<string, number> = {};
    for (const value of values) out[value] = (out[value] ?? 0) + 1;
    return out;
  };
  const hasPhrase = (field: string, ...phrase: string[]) =>
    field.split(' ').some((_, i, words) => phrase.every((word, j) => words[i + j] === word));
  const queries: [string, (d: IndexDoc) => boolean][] = [
    ['', () => true],
    ['q=alpha', (d) => `${d.title} ${d.summary}`.split(' ').includes('alpha')],
    ['q=%22alpha+beta%22', (d) => hasPhrase(d.title, 'alpha', 'beta') || hasPhrase(d.summary, 'alpha', 'beta')],
    ['q=%22beta+beta+gamma%22', (d) => hasPhrase(d.title, 'beta', 'beta', 'gamma') || hasPhrase(d.summary, 'beta', 'beta', 'gamma')],
    ['q=-gamma', (d) => !`${d.title} ${d.summary}`.split(' ').includes('gamma')],
    ['country=ML', (d) => d.countries.includes('ML')],
  ];

  it('agrees on matches, facet counts and every page, through updates and removals', () => {
    const index = new CatalogueIndex();
    const records = new Map<number, IndexDoc>();
    for (let step = 0; step < 1500; step++) {
      const id = 1 + Math.floor(random() * 400);
      if (random() < 0.2) {
        index.remove(id);
        records.delete(id);
      } else {
        const record = randomDoc(id);
        index.upsert(record);
        records.set(id, record);
      }
      if (step % 250 !== 249) continue;
      if (step === 749) index.compact();
      for (const [query, test] of queries) {
        const expected = [...records.values()].filter(test);
        const all = run(index, `${query}&sort=newest`);
        expect(all.total, query).toBe(expected.length);
        // Disjunctive counts: a facet's own selection does not narrow its counts.
        const countryScope = query.startsWith('country=') ? [...records.values()] : expected;
        expect(counts(all, 'country'), query).toEqual(tally(countryScope.flatMap((record) => record.countries)));
        expect(counts(all, 'category'), query).toEqual(tally(expected.flatMap((record) => record.category ?? [])));
        // Page by page, the same records in the same order as one long page.
        const params = parseCatalogueParams(new URLSearchParams(`${query}&sort=newest`));
        const whole = index.search(params, parseQuery(params.q), { pageSize: 1_000 });
        const paged = Array.from({ length: all.pageCount }, (_, p) => run(index, `${query}&sort=newest&page=${p + 1}`).ids).flat();
        expect(paged, query).toEqual(whole.ids);
        expect(new Set(paged), query).toEqual(new Set(expected.map((record) => record.id)));
      }
    }
  });
});

describe('CatalogueIndex translation groups', () => {
  // 1 and 2 are one work (group 7), 3 and 4 another (group 8), 5 stands alone.
  const grouped = [
    doc(1, { title: 'Trafficking handbook', year: 2019, countries: ['RS'], group: 7 }),
    doc(2, { title: 'Manuel sur la traite', summary: 'trafficking', year: 2020, countries: ['ML'], group: 7 }),
    doc(3, { title: 'Forced labour study', year: 2015, group: 8 }),
    doc(4, { title: 'Estudio sobre trabajo forzoso', summary: 'forced labour', year: 2016, group: 8 }),
    doc(5, { title: 'Trafficking in mining', year: 2018 }),
  ];
  const index = build(grouped);

  it('shows each work once, as its best-ranked matching member, and counts publications in the facets', () => {
    const result = run(index, '');
    expect(result).toMatchObject({ total: 5, results: 3, pageCount: 1, ids: [2, 5, 4], translations: [[1], [], [3]] });
    expect(counts(result, 'country')).toEqual({ RS: 1, ML: 1 });
    expect(run(index, 'sort=oldest')).toMatchObject({ ids: [3, 5, 1], translations: [[4], [], [2]] });
    // Relevance: the title match outranks the summary match.
    expect(run(index, 'q=trafficking')).toMatchObject({ total: 3, results: 2, ids: [1, 5], translations: [[2], []] });
  });

  it('lists only the members that match, and every publication when asked', () => {
    expect(run(index, 'country=RS')).toMatchObject({ total: 1, results: 1, ids: [1], translations: [[]] });
    expect(run(index, 'translations=separate')).toMatchObject({ total: 5, results: 5, ids: [2, 1, 5, 4, 3], translations: null });
  });

  it('pages over results, not publications', () => {
    // 60 publications, 30 works of two (the newer member of each is the better-ranked), 30 results.
    const many = build(Array.from({ length: 60 }, (_, i) => doc(i + 1, { year: 1950 + i, group: (i % 30) + 1 })));
    const [first, second] = [run(many, ''), run(many, 'page=2')];
    expect([first, second].map((r) => [r.total, r.results, r.pageCount, r.ids.length])).toEqual([[60, 30, 2, 20], [60, 30, 2, 10]]);
    // Newest first: ids 60 … 31, each with its older translation 30 … 1.
    expect([...first.ids, ...second.ids]).toEqual(Array.from({ length: 30 }, (_, i) => 60 - i));
    expect([...first.translations!, ...second.translations!]).toEqual(Array.from({ length: 30 }, (_, i) => [30 - i]));
    expect(run(many, 'page=9').page).toBe(2);
    expect(run(many, 'translations=separate&page=3')).toMatchObject({ results: 60, pageCount: 3, page: 3 });
  });

  it('follows a member that moves to another group or leaves it', () => {
    const moving = build(grouped);
    moving.upsert(doc(2, { title: 'Manuel sur la traite', year: 2020, group: null }));
    expect(run(moving, '')).toMatchObject({ results: 4, ids: [2, 1, 5, 4] });
    moving.upsert(doc(5, { title: 'Trafficking in mining', year: 2018, group: 8 }));
    expect(run(moving, '')).toMatchObject({ results: 3, ids: [2, 1, 5], translations: [[], [], [4, 3]] });
    moving.remove(5);
    expect(run(moving, '')).toMatchObject({ results: 3, ids: [2, 1, 4], translations: [[], [], [3]] });
  });
});

describe('CatalogueIndex in French and Spanish', () => {
  const index = build([
    doc(1, { title: 'Les traites des personnes en Afrique', summary: 'A French-language study.', languages: ['fr'] }),
    doc(2, { title: 'Trata de persona en Guatemala', summary: 'A Spanish-language study.', languages: ['es', 'en'] }),
    // The same words in an English title are stemmed as English.
    doc(3, { title: 'Les traitées personnes', summary: 'An English record.', languages: ['en'] }),
    doc(4, { title: 'Personas', summary: 'Traite des personnes, quoted in an English summary.', languages: ['es'] }),
  ]);
  const ids = (query: string) => run(index, query).ids.sort();

  it('matches a title in its own language, whatever the language of the query word', () => {
    expect(ids('q=traite+des+personnes')).toEqual([1, 4]);
    expect(ids('q=trata+de+personas')).toEqual([2]);
    // The query's language is unknown: "personas" stemmed as French is "person", as "personnes" is.
    expect(ids('q=personas')).toEqual([1, 2, 4]);
    // Folded "traitees" stems to "traite" in French and English alike, "traites" to "trait": only record 3 has it.
    expect(ids('q=traitées')).toEqual([3]);
  });

  it('matches phrases within one field in its language, and excludes by language too', () => {
    expect(ids('q=%22traite+des+personnes%22')).toEqual([1, 4]);
    expect(ids('q=%22trata+de+personas%22')).toEqual([2]);
    expect(ids('q=%22personas+de+trata%22')).toEqual([]);
    // Record 4's English summary has "Traite des" too.
    expect(ids('q=personnes+-%22traites+des%22')).toEqual([3]);
  });

  it('matches a prefix on the words as written, whichever language stemmed them', () => {
    expect(ids('q=person*')).toEqual([1, 2, 3, 4]);
    expect(ids('q=traite*')).toEqual([1, 3, 4]);
  });

  it('ranks a title match in French above a summary match', () => {
    expect(run(index, 'q=traite+personnes').ids).toEqual([1, 4]);
  });

  it('counts languages as a facet, a bilingual record in both', () => {
    const result = run(index, 'language=es');
    expect(result.ids.sort()).toEqual([2, 4]);
    expect(Object.fromEntries(result.facets.language.map((f) => [f.value, f.count]))).toEqual({ fr: 1, es: 2, en: 2 });
  });
});

describe('CatalogueIndex document text', () => {
  const pdf = (id: number, text: string, language: string | null = null) => ({ id, text, language, paged: true });
  const records = [
    doc(1, { title: 'Screening handbook', summary: 'Guidance for labour inspectors.', languages: ['en'], files: [pdf(11, 'Intro page.\fThe inspectors met quokka farmers.\fA third page about wallaby ranching and more.')] }),
    doc(2, { title: 'Quokka observations', summary: 'A short note.', languages: ['en'] }),
    doc(3, { title: 'Rapport', summary: 'Report in French.', languages: ['fr'], files: [pdf(31, 'La traite des êtres humains.', null)] }),
    doc(4, { title: 'Plain', summary: 'A DOCX.', languages: ['en'], files: [{ id: 41, text: 'quokka '.repeat(300), language: null, paged: false }] }),
    doc(5, { title: 'Ends at the page', summary: 'x', files: [pdf(51, 'the end of wallaby\franching starts here')] }),
    doc(6, { title: 'Summary mention', summary: 'A quokka is mentioned once here, among many other words of a longer summary.', languages: ['en'] }),
  ];
  const index = build(records);

  it('finds records by their document words, in the file language (else the main language)', () => {
    expect(run(index, 'q=farmers').ids).toEqual([1]);
    // "traite" in a French document: stemmed in French, as the title is.
    expect(run(index, 'q=traitement').ids).toEqual([3]);
  });

  it('ranks a title or summary match above a document-only match, however often the document repeats it', () => {
    const ids = run(index, 'q=quokka').ids;
    expect(ids.slice(0, 2).sort()).toEqual([2, 6]);
    expect(ids.slice(2).sort()).toEqual([1, 4]);
  });

  it('matches phrases within a page, never across fields or pages', () => {
    expect(run(index, 'q="wallaby ranching"').ids).toEqual([1]);
    expect(run(index, 'q="note quokka"').ids).toEqual([]);
    expect(run(index, 'q="summary intro"').ids).toEqual([]);
  });

  it('says which page of which file a document-only match is on, and nothing when the card shows the match', () => {
    const hits = index.documentHits([1, 2, 3, 4, 5, 6], parseQuery('quokka'));
    expect([...hits.keys()].sort()).toEqual([1, 4]);
    expect(hits.get(1)).toMatchObject({ fileId: 11, page: 2 });
    const text = 'Intro page.\fThe inspectors met quokka farmers.\fA third page about wallaby ranching and more.';
    const { start, length } = hits.get(1)!;
    expect(text.slice(start, start + length)).toBe('The inspectors met quokka farmers.');
    expect(hits.get(4)).toMatchObject({ fileId: 41, page: null });
    expect(index.documentHits([1], parseQuery('"wallaby ranching"')).get(1)).toMatchObject({ page: 3 });
    // One word in the summary, another only in the document: the document's is still worth showing.
    expect(index.documentHits([1], parseQuery('inspectors wallaby')).get(1)).toMatchObject({ page: 3 });
    // Every word visible on the card: no line.
    expect(index.documentHits([1], parseQuery('inspectors')).size).toBe(0);
    expect(index.documentHits([1], parseQuery('handbook OR quokka')).size).toBe(0);
  });

  it('forgets a record\'s document when it is updated without it or removed, and survives its state', () => {
    const again = build(records);
    again.upsert(doc(1, { title: 'Screening handbook', summary: 'Guidance for labour inspectors.', languages: ['en'] }));
    expect(run(again, 'q=farmers').ids).toEqual([]);
    expect(again.documentHits([1], parseQuery('handbook')).size).toBe(0);
    again.remove(4);
    const restored = CatalogueIndex.fromState(again.state());
    expect(run(restored, 'q=quokka').ids.sort()).toEqual([2, 6]);
    expect(restored.documentHits([5], parseQuery('ranching'))).toEqual(new Map([[5, { fileId: 51, page: 2, start: 19, length: 20 }]]));
  });
});
