import { describe, expect, it } from 'vitest';
import { CatalogueIndex, type IndexDoc } from './catalogue-index';

function doc(id: number, title: string, year: number | null, fields: Partial<IndexDoc> = {}): IndexDoc {
  return { id, title, summary: '', names: '', year, category: null, countries: [], regions: [], authors: [], languages: ['en'], ...fields };
}

function build(): CatalogueIndex {
  const index = new CatalogueIndex();
  index.upsert(doc(1, 'Trafficking in persons report', 2019, { countries: ['RS'], authors: ['iom'] }));
  index.upsert(doc(2, 'Trafficking in persons report', 2021, { countries: ['RS', 'BA'] }));
  index.upsert(doc(3, 'Anti-trafficking handbook', 2022, { countries: ['BA'], authors: ['iom'] }));
  index.upsert(doc(4, 'Human traffic: a study', 2010));
  index.upsert(doc(5, 'Étude régionale sur la traite', 2015));
  index.upsert(doc(6, 'Counter-Trafficking (CT) guidance', null));
  return index;
}

describe('CatalogueIndex.suggestTitles', () => {
  it.each<[string[], number[]]>([
    // titles starting with the first word first (newest first), then the others (newest first)
    [['traff'], [2, 1, 3, 4, 6]],
    // every word at a word start, in any order; punctuation separates words
    [['persons', 'traff'], [2, 1]],
    [['anti'], [3]],
    [['ct'], [6]],
    // folded: accents and case do not matter
    [['etude'], [5]],
    [['regio'], [5]],
    // inside a word is no match
    [['ffick'], []],
    [['zzz'], []],
  ])('%j → %j', (words, ids) => {
    expect(build().suggestTitles(words, 10)).toEqual(ids);
  });

  it('stops at the limit and follows updates and removals', () => {
    const index = build();
    expect(index.suggestTitles(['traff'], 2)).toEqual([2, 1]);
    index.remove(2);
    index.upsert(doc(1, 'Renamed report', 2019));
    expect(index.suggestTitles(['traff'], 10)).toEqual([3, 4, 6]);
    expect(index.suggestTitles(['renamed'], 10)).toEqual([1]);
    expect(index.suggestTitles([], 10)).toEqual([]);
  });
});

describe('CatalogueIndex.suggestValues', () => {
  const names = (code: string) => ({ RS: ['serbia', 'serbie'], BA: ['bosnia and herzegovina'] })[code] ?? [];

  it('finds values by their names at word starts, with live counts, the most held first', () => {
    const index = build();
    index.upsert(doc(7, 'Another', 2020, { authors: ['maria-lopez', 'lopez-institute'] }));
    index.upsert(doc(8, 'Another', 2020, { authors: ['lopez-institute'] }));
    expect(index.suggestValues('country', ['ser'], 3, names)).toEqual([{ value: 'RS', count: 2 }]);
    expect(index.suggestValues('country', ['herz', 'bos'], 3, names)).toEqual([{ value: 'BA', count: 2 }]);
    expect(index.suggestValues('country', ['erbia'], 3, names)).toEqual([]);
    // Without names: the value as words (an author slug).
    expect(index.suggestValues('author', ['lop'], 3)).toEqual([
      { value: 'lopez-institute', count: 2 },
      { value: 'maria-lopez', count: 1 },
    ]);
    expect(index.suggestValues('author', ['lop'], 1)).toEqual([{ value: 'lopez-institute', count: 2 }]);
    index.remove(1);
    index.remove(2);
    expect(index.suggestValues('country', ['s'], 3, names)).toEqual([]);
    expect(index.suggestValues('country', ['b'], 3, names)).toEqual([{ value: 'BA', count: 1 }]);
    expect(index.suggestValues('author', ['iom'], 3)).toEqual([{ value: 'iom', count: 1 }]);
  });
});

describe('CatalogueIndex.suggestTitles at scale', () => {
  // Enough titles that common words take the walking paths (past 5,000 candidates) and rare ones the direct one.
  // Half the words start with t: a title's first word starts with "t" in 6,000 titles (the walk of rank 0).
  const WORDS = ['trafficking', 'report', 'trade', 'labour', 'travel', 'nigeria', 'kafala', 'tribunal', 'guide', 'tool'];
  const titleOf = (i: number) => [WORDS[i % 10], WORDS[(i * 7 + 3) % 10], WORDS[(i * i) % 10], i % 13 === 0 ? 'zanzibar' : ''].join(' ').trim();
  const index = new CatalogueIndex();
  const docs: { id: number; key: string; title: string; year: number | null }[] = [];
  for (let id = 1; id <= 12_000; id++) {
    const year = id % 17 === 0 ? null : 1990 + (id % 31);
    index.upsert(doc(id, titleOf(id), year));
    docs.push({ id, key: ` ${titleOf(id)}`, title: titleOf(id), year });
  }
  for (let id = 2; id <= 12_000; id += 250) {
    index.remove(id);
    docs.splice(docs.findIndex((d) => d.id === id), 1);
  }

  /** What type-ahead promises, by brute force: every word at a word start; first word first, newest, title. */
  function expected(words: string[], limit: number): number[] {
    const needles = words.map((w) => ` ${w}`);
    const rank = (d: (typeof docs)[number]) => (d.key.startsWith(needles[0]!) ? 0 : 1);
    return docs
      .filter((d) => needles.every((n) => d.key.includes(n)))
      .sort((a, b) => rank(a) - rank(b) || (b.year || -1) - (a.year || -1) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
      .slice(0, limit)
      .map((d) => d.id);
  }

  it.each([['tr'], ['traff'], ['t'], ['kaf'], ['nigeria', 'rep'], ['travel', 'lab'], ['zanz'], ['zanzibar', 'gui'], ['re', 'tr'], ['nomatch']])(
    '%s agrees with the brute force',
    (...words) => {
      for (const limit of [1, 5, 20]) expect(index.suggestTitles(words, limit)).toEqual(expected(words, limit));
    },
  );
});
