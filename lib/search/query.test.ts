import { describe, expect, it } from 'vitest';
import { MAX_CLAUSES, MAX_PHRASE_SPELLINGS, parseQuery, positiveClauses, type Clause, type SearchQuery } from '@/lib/search/query';

const t = (term: string, surface = term): Clause => ({ kind: 'term', term, surface });
const p = (prefix: string): Clause => ({ kind: 'prefix', prefix });
const ph = (terms: string[], surfaces: string[] = terms): Clause => ({ kind: 'phrase', terms, surfaces });
const q = (must: Clause[][], not: Clause[] = []): SearchQuery => ({
  must,
  not,
  empty: must.length === 0 && not.length === 0,
});
const EMPTY = q([]);

describe('parseQuery: words, stemming, folding', () => {
  it.each<[string, SearchQuery]>([
    ['trafficking', q([[t('traffick', 'trafficking')]])],
    ['human trafficking', q([[t('human')], [t('traffick', 'trafficking')]])],
    ['Trafficked', q([[t('traffick', 'trafficked')]])],
    ['TRAFFICKERS', q([[t('traffick', 'traffickers')]])],
    ['Étude', q([[t('etud', 'etude')]])],
    ['etude', q([[t('etud', 'etude')]])],
    ['sécurité', q([[t('securit', 'securite')]])],
    ['SECURITE', q([[t('securit', 'securite')]])],
    ["Côte d'Ivoire", q([[t('cote')], [t('d')], [t('ivoir', 'ivoire')]])],
    ['  spaced\tout\nwords  ', q([[t('space', 'spaced')], [t('out')], [t('word', 'words')]])],
    ['2019', q([[t('2019')]])],
    // lowercase `or` (and `Or`) are ordinary words
    ['work or sex', q([[t('work')], [t('or')], [t('sex')]])],
    ['work Or sex', q([[t('work')], [t('or')], [t('sex')]])],
    // a hyphen inside a word splits it like the tokenizer does; it is no exclusion
    ['anti-trafficking', q([[t('anti')], [t('traffick', 'trafficking')]])],
    ['COVID-19 impact', q([[t('covid')], [t('19')], [t('impact')]])],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it('is empty for blank or punctuation-only input', () => {
    for (const input of ['', '   ', '""', '" "', '-', '*', '-*', '- * OR', 'OR', 'OR OR', '()', '^~:;', '--', '-""', '"-"']) {
      expect(parseQuery(input), input).toEqual(EMPTY);
    }
  });
});

describe('parseQuery: phrases', () => {
  it.each<[string, SearchQuery]>([
    ['"human trafficking"', q([[ph(['human', 'traffick'], ['human', 'trafficking'])]])],
    ['"forced work" Asia', q([[ph(['forc', 'work'], ['forced', 'work'])], [t('asia')]])],
    ['"Côte d\'Ivoire"', q([[ph(['cote', 'd', 'ivoir'], ['cote', 'd', 'ivoire'])]])],
    // one-word phrase → a term
    ['"victims"', q([[t('victim', 'victims')]])],
    ['"  victims!! "', q([[t('victim', 'victims')]])],
    // inside quotes OR, -, * are words or separators
    ['"sex OR work"', q([[ph(['sex', 'or', 'work'])]])],
    ['"anti-trafficking law*"', q([[ph(['anti', 'traffick', 'law'], ['anti', 'trafficking', 'law'])]])],
    // quotes glued to words
    ['a"b c"d', q([[t('a')], [ph(['b', 'c'])], [t('d')]])],
    // typographic quotes count as quotes
    ['“forced work”', q([[ph(['forc', 'work'], ['forced', 'work'])]])],
    ['„forced work“', q([[ph(['forc', 'work'], ['forced', 'work'])]])],
    // a phrase whose words all vanish is dropped
    ['"!!! ???" victims', q([[t('victim', 'victims')]])],
    ['"" a', q([[t('a')]])],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });
});

describe('parseQuery: exclusion', () => {
  it.each<[string, SearchQuery]>([
    ['trafficking -work', q([[t('traffick', 'trafficking')]], [t('work')])],
    ['-work trafficking', q([[t('traffick', 'trafficking')]], [t('work')])],
    ['trafficking -"forced work"', q([[t('traffick', 'trafficking')]], [ph(['forc', 'work'], ['forced', 'work'])])],
    ['trafficking -traffic*', q([[t('traffick', 'trafficking')]], [p('traffic')])],
    ['-Étude', q([], [t('etud', 'etude')])],
    // only exclusions: must = [] ("everything except"), not empty
    ['-work -sex', q([], [t('work'), t('sex')])],
    // a hyphenated exclusion excludes the words as a phrase
    ['x -anti-trafficking', q([[t('x')]], [ph(['anti', 'traffick'], ['anti', 'trafficking'])])],
    ['x -anti-traff*', q([[t('x')]], [ph(['anti', 'traff'])])],
    // -"one word" is a term
    ['x -"work"', q([[t('x')]], [t('work')])],
    // a hyphen inside a word or after a quote is no exclusion
    ['a-b', q([[t('a')], [t('b')]])],
    ['a -b-', q([[t('a')]], [t('b')])],
    // a lone or doubled hyphen is a separator
    ['a - b', q([[t('a')], [t('b')]])],
    ['a --b', q([[t('a')], [t('b')]])],
    ['-- a', q([[t('a')]])],
    ['a -', q([[t('a')]])],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });
});

describe('parseQuery: prefixes', () => {
  it.each<[string, SearchQuery]>([
    ['traffick*', q([[p('traffick')]])],
    ['Traffick*', q([[p('traffick')]])],
    // folded, NOT stemmed
    ['trafficking*', q([[p('trafficking')]])],
    ['sécu*', q([[p('secu')]])],
    ['e*', q([[p('e')]])],
    ['20*', q([[p('20')]])],
    ['anti-traf*', q([[t('anti')], [p('traf')]])],
    ['traf*, work', q([[p('traf')], [t('work')]])],
    ['traf** work', q([[p('traf')], [t('work')]])],
    // a star inside a word or before it is a separator
    ['a*b', q([[t('a')], [t('b')]])],
    ['*traffic', q([[t('traffic')]])],
    ['* a *', q([[t('a')]])],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });
});

describe('parseQuery: OR', () => {
  it.each<[string, SearchQuery]>([
    ['a OR b', q([[t('a'), t('b')]])],
    ['a b OR c d', q([[t('a')], [t('b'), t('c')], [t('d')]])],
    ['a OR b OR c', q([[t('a'), t('b'), t('c')]])],
    ['a OR b c OR d', q([[t('a'), t('b')], [t('c'), t('d')]])],
    ['"forced work" OR slavery', q([[ph(['forc', 'work'], ['forced', 'work']), t('slaveri', 'slavery')]])],
    ['traff* OR smuggl*', q([[p('traff'), p('smuggl')]])],
    // OR binds the word next to it, also when the operand is a hyphenated word split in two
    ['a OR anti-trafficking', q([[t('a'), t('anti')], [t('traffick', 'trafficking')]])],
    // (parentheses are separators: the grouping happens to be the same)
    ['(a OR b)', q([[t('a'), t('b')]])],
    ['x (a OR b) y', q([[t('x')], [t('a'), t('b')], [t('y')]])],
    // OR at either end, doubled, or next to an exclusion does nothing
    ['OR a', q([[t('a')]])],
    ['a OR', q([[t('a')]])],
    ['OR a OR', q([[t('a')]])],
    ['a OR OR b', q([[t('a'), t('b')]])],
    ['a OR -b c', q([[t('a')], [t('c')]], [t('b')])],
    ['-b OR c', q([[t('c')]], [t('b')])],
    ['a -b OR c', q([[t('a')], [t('c')]], [t('b')])],
    ['a OR "" b', q([[t('a'), t('b')]])],
    // OR as part of a longer token is a word
    ['a OR(b)', q([[t('a')], [t('or')], [t('b')]])],
    ['-OR', q([], [t('or')])],
    ['"OR"', q([[t('or')]])],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });
});

describe('parseQuery: malformed input never throws and is read as plain words', () => {
  it.each<[string, SearchQuery]>([
    // unbalanced quote: the rest is plain words
    ['"human trafficking', q([[t('human')], [t('traffick', 'trafficking')]])],
    ['human "trafficking', q([[t('human')], [t('traffick', 'trafficking')]])],
    ['"a b" "c d', q([[ph(['a', 'b'])], [t('c')], [t('d')]])],
    ['"a b" c "d OR e', q([[ph(['a', 'b'])], [t('c')], [t('d'), t('e')]])],
    ['-"forced work', q([[t('forc', 'forced')], [t('work')]])],
    ['a"', q([[t('a')]])],
    // FTS5 syntax is nothing but words and separators
    ['a NEAR/3 b', q([[t('a')], [t('near')], [t('3')], [t('b')]])],
    ['NEAR(a b, 2)', q([[t('near')], [t('a')], [t('b')], [t('2')]])],
    ['title:foo', q([[t('titl', 'title')], [t('foo')]])],
    ['a^2', q([[t('a')], [t('2')]])],
    ['{a b}:c', q([[t('a')], [t('b')], [t('c')]])],
    ['+a ~b [c]', q([[t('a')], [t('b')], [t('c')]])],
    ['a AND b', q([[t('a')], [t('and')], [t('b')]])],
    ['a NOT b', q([[t('a')], [t('not')], [t('b')]])],
    // SQL injection attempts
    ["'; DROP TABLE Publication; --", q([[t('drop')], [t('tabl', 'table')], [t('public', 'publication')]])],
    ["' OR 1=1 --", q([[t('1')], [t('1')]])],
    ["x' OR '1'='1", q([[t('x'), t('1')], [t('1')]])],
    ['1); DELETE FROM "Publication" WHERE (1=1', q([[t('1')], [t('delet', 'delete')], [t('from')], [t('public', 'publication')], [t('where')], [t('1')], [t('1')]])],
    // markup
    ['<mark>', q([[t('mark')]])],
    ['<script>alert("x")</script>', q([[t('script')], [t('alert')], [t('x')], [t('script')]])],
    // emoji and control characters are separators
    ['👍 a\u0000b\u200b', q([[t('a')], [t('b')]])],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it('caps the query at 32 clauses, must and not together', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const parsed = parseQuery(['-x', ...words].join(' '));
    expect(parsed.not).toEqual([t('x')]);
    expect(parsed.must).toHaveLength(MAX_CLAUSES - 1);
    expect(parsed.must.at(-1)).toEqual([t('w30')]);
    expect(positiveClauses(parseQuery(words.join(' OR ')))).toHaveLength(MAX_CLAUSES);
  });

  it('handles 5,000 characters of hostile input quickly', () => {
    const hostile = '"a -b OR (c* NEAR/2 d^3 \'; -- ) OR OR -"e f" ** ﬁ é ';
    const inputs = [
      hostile.repeat(Math.ceil(5000 / hostile.length)).slice(0, 5000),
      '"'.repeat(5000),
      '-'.repeat(5000),
      'a'.repeat(5000),
      'OR '.repeat(1667),
      '"a '.repeat(1667),
      'x'.repeat(4999) + '*',
    ];
    for (const input of inputs) {
      expect(input.length).toBeGreaterThanOrEqual(5000);
      const started = performance.now();
      const parsed = parseQuery(input);
      expect(performance.now() - started).toBeLessThan(50);
      expect(parsed.must.length + parsed.not.length).toBeLessThanOrEqual(MAX_CLAUSES);
    }
    expect(parseQuery('"'.repeat(5000))).toEqual(EMPTY);
    expect(parseQuery('OR '.repeat(1667))).toEqual(EMPTY);
    expect(parseQuery('x'.repeat(4999) + '*')).toEqual(q([[p('x'.repeat(4999))]]));
  });

  it('never throws on random input', () => {
    const alphabet = ['a', 'b', 'OR', 'or', ' ', ' ', '"', '-', '*', '(', ')', ':', '^', '\u0301', 'é', '😀', '\ud800', "'", '/', '2'];
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    for (let run = 0; run < 2000; run++) {
      let input = '';
      const length = next() % 30;
      for (let i = 0; i < length; i++) input += alphabet[next() % alphabet.length];
      const parsed = parseQuery(input);
      expect(parsed.empty).toBe(parsed.must.length === 0 && parsed.not.length === 0);
      for (const group of parsed.must) expect(group.length).toBeGreaterThan(0);
      for (const clause of [...parsed.must.flat(), ...parsed.not]) {
        if (clause.kind === 'term') expect(clause.term).not.toBe('');
        if (clause.kind === 'prefix') expect(clause.prefix.length).toBeGreaterThanOrEqual(1);
        if (clause.kind === 'phrase') expect(clause.terms.length).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('positiveClauses', () => {
  it('flattens the must groups and leaves out exclusions', () => {
    expect(positiveClauses(parseQuery('a OR b* "c d" -e -f*'))).toEqual([t('a'), p('b'), ph(['c', 'd'])]);
    expect(positiveClauses(parseQuery('-e'))).toEqual([]);
  });
});

describe('parseQuery: spelling variants', () => {
  it.each<[string, SearchQuery]>([
    // British and American spellings are alternatives of one group, the word as written first.
    ['labour', q([[t('labour'), t('labor')]])],
    ['labor', q([[t('labor'), t('labour')]])],
    ['organisations', q([[t('organis', 'organisations'), t('organ', 'organizations')]])],
    ['child labour', q([[t('child')], [t('labour'), t('labor')]])],
    // they exclude together
    ['-labour', q([], [t('labour'), t('labor')])],
    // and OR with their neighbours
    ['sex OR labour', q([[t('sex'), t('labour'), t('labor')]])],
    // a phrase is searched in each of its spellings
    ['"forced labour"', q([[ph(['forc', 'labour'], ['forced', 'labour']), ph(['forc', 'labor'], ['forced', 'labor'])]])],
    // a prefix is literal
    ['labour*', q([[p('labour')]])],
  ])('%j', (input, expected) => {
    expect(parseQuery(input)).toEqual(expected);
  });

  it('caps the spellings of a phrase and counts a word with its variants as one clause', () => {
    const phrase = parseQuery('"labour organisation programme centre defence"');
    expect(phrase.must).toHaveLength(1);
    expect(phrase.must[0]!.length).toBe(MAX_PHRASE_SPELLINGS);
    const words = Array.from({ length: MAX_CLAUSES + 5 }, () => 'labour');
    expect(parseQuery(words.join(' ')).must).toHaveLength(MAX_CLAUSES);
  });
});
