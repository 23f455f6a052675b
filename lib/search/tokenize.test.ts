import { describe, expect, it } from 'vitest';
import { stemKey, stemOf, termKeys, terms, textLanguage, tokenize } from '@/lib/search/tokenize';
import { foldText } from '@/lib/text';

const stem = (word: string): string => {
  const tokens = tokenize(word);
  expect(tokens).toHaveLength(1);
  return tokens[0]!.term;
};

describe('tokenize: words, surfaces, offsets', () => {
  it('splits on everything that is not a letter or a digit', () => {
    expect(tokenize('Human trafficking: a (2019) report — anti-trafficking, e-mail & U.S.A.!')).toEqual([
      { term: 'human', surface: 'human', start: 0, end: 5 },
      { term: 'traffick', surface: 'trafficking', start: 6, end: 17 },
      { term: 'a', surface: 'a', start: 19, end: 20 },
      { term: '2019', surface: '2019', start: 22, end: 26 },
      { term: 'report', surface: 'report', start: 28, end: 34 },
      { term: 'anti', surface: 'anti', start: 37, end: 41 },
      { term: 'traffick', surface: 'trafficking', start: 42, end: 53 },
      { term: 'e', surface: 'e', start: 55, end: 56 },
      { term: 'mail', surface: 'mail', start: 57, end: 61 },
      { term: 'u', surface: 'u', start: 64, end: 65 },
      { term: 's', surface: 's', start: 66, end: 67 },
      { term: 'a', surface: 'a', start: 68, end: 69 },
    ]);
  });

  it('returns nothing for empty, blank or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   \n\t ')).toEqual([]);
    expect(tokenize('-- ;; () "" ** ^~ … — 👍🏽 ❤️')).toEqual([]);
    expect(terms('-- ;; ()')).toEqual([]);
  });

  it.each([
    ["Côte d'Ivoire", [['cote', 'cote'], ['d', 'd'], ['ivoir', 'ivoire']]],
    ['Côte d’Ivoire', [['cote', 'cote'], ['d', 'd'], ['ivoir', 'ivoire']]],
    ['Étude', [['etud', 'etude']]],
    ['etude', [['etud', 'etude']]],
    ['ÉTUDE', [['etud', 'etude']]],
    ['sécurité', [['securit', 'securite']]],
    ['securite', [['securit', 'securite']]],
    ['São Tomé', [['sao', 'sao'], ['tome', 'tome']]],
    ['naïve façade', [['naiv', 'naive'], ['facad', 'facade']]],
    ['Łódź', [['łodz', 'łodz']]], // Ł has no decomposition: only the accents of ó and ź go
    ['İstanbul', [['istanbul', 'istanbul']]],
    ['Москва', [['москва', 'москва']]],
    ['北京市', [['北京市', '北京市']]], // like unicode61: a run of CJK letters is one token
    ['COVID-19', [['covid', 'covid'], ['19', '19']]],
    ['1990s', [['1990', '1990s']]],
    ["don't", [['don', 'don'], ['t', 't']]],
  ])('folds diacritics and case: %s', (text, expected) => {
    expect(tokenize(text).map((t) => [t.term, t.surface])).toEqual(expected);
  });

  it('keeps digits-only tokens as they are', () => {
    expect(tokenize('2019 000123 ٣٤').map((t) => t.term)).toEqual(['2019', '000123', '٣٤']);
  });

  it('maps offsets back to the original text when folding changes lengths', () => {
    // 'ﬁ' (1 unit) folds to 'fi' (2); 'e' + U+0301 (2 units) to 'e'; '𝐀' is a surrogate pair folding to 'a';
    // emoji and the variation selector of ❤️ are separators; '½' is a digit whose NFKD '1⁄2' contains a non-digit.
    const text = 'ﬁnance 👍🏽 e\u0301tude ❤️naïve 𝐀𝐁c ½ ⑴ Ⅻ ﬂows';
    const tokens = tokenize(text);
    expect(tokens).toEqual([
      { term: 'financ', surface: 'finance', start: 0, end: 6 },
      { term: 'etud', surface: 'etude', start: 12, end: 18 },
      { term: 'naiv', surface: 'naive', start: 21, end: 26 },
      { term: 'abc', surface: 'abc', start: 27, end: 32 },
      { term: '12', surface: '12', start: 33, end: 34 },
      { term: '1', surface: '1', start: 35, end: 36 },
      { term: 'xii', surface: 'xii', start: 37, end: 38 },
      { term: 'flow', surface: 'flows', start: 39, end: 43 },
    ]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'ﬁnance',
      'e\u0301tude',
      'naïve',
      '𝐀𝐁c',
      '½',
      '⑴',
      'Ⅻ',
      'ﬂows',
    ]);
  });

  it('slices of the original always fold back to the surface', () => {
    const text =
      'Ｆｕｌｌｗｉｄｔｈ ﬁ ﬂ ß Æ œ Ǆ ǅ İ ŉ ﬀ 𝔗𝔯𝔞𝔣𝔣𝔦𝔠𝔨𝔦𝔫𝔤 Ω Å e\u0301\u0327 ｶﾞ ﾞ ❶ ² ⅷ 👩‍👩‍👧 🇫🇷 Ce\u0301te ক্ষ हिन्दी';
    for (const token of tokenize(text)) {
      expect(foldText(text.slice(token.start, token.end)).replace(/[^\p{L}\p{N}]/gu, '')).toBe(token.surface);
      expect(token.surface).not.toBe('');
    }
    expect(tokenize('ＦＵＬＬ 𝔗𝔯𝔞𝔣𝔣𝔦𝔠𝔨𝔦𝔫𝔤').map((t) => t.term)).toEqual(['full', 'traffick']);
  });

  it('never lets a combining mark, a lone surrogate or a zero-width joiner start a word', () => {
    expect(tokenize('\u0301abc')).toEqual([{ term: 'abc', surface: 'abc', start: 1, end: 4 }]);
    expect(tokenize('a\u200db \ud800c')).toEqual([
      { term: 'a', surface: 'a', start: 0, end: 1 },
      { term: 'b', surface: 'b', start: 2, end: 3 },
      { term: 'c', surface: 'c', start: 5, end: 6 },
    ]);
  });

  it('skips a letter that folds to nothing (halfwidth katakana sound mark)', () => {
    expect(tokenize('ﾞ a')).toEqual([{ term: 'a', surface: 'a', start: 2, end: 3 }]);
  });
});

describe('tokenize: Porter stemming (what wooorm/stemmer 2.0.1 does)', () => {
  it.each([
    // Forms that DO share a stem.
    ['trafficked', 'traffick'],
    ['trafficking', 'traffick'],
    ['trafficker', 'traffick'],
    ['traffickers', 'traffick'],
    ['Trafficking', 'traffick'],
    ['victims', 'victim'],
    ['exploitation', 'exploit'],
    ['exploitative', 'exploit'],
    ['exploited', 'exploit'],
    ['recruitment', 'recruit'],
    ['recruiters', 'recruit'],
    ['prosecution', 'prosecut'],
    ['prosecute', 'prosecut'],
    ['policies', 'polici'],
    ['policy', 'polici'],
    ['studies', 'studi'],
    ['studying', 'studi'],
    ['forced', 'forc'],
    ['forces', 'forc'],
    ['migration', 'migrat'],
    ['migrate', 'migrat'],
    ['labourers', 'labour'],
    // Forms that do NOT share a stem with their obvious relatives.
    ['traffic', 'traffic'], // ≠ traffick(ing)
    ['smuggling', 'smuggl'],
    ['smugglers', 'smuggler'], // ≠ smuggl(ing): "er" only goes when the rest is long enough
    ['prosecutors', 'prosecutor'], // ≠ prosecut(ion)
    ['migrants', 'migrant'], // ≠ migrat(ion)
    ['children', 'children'], // irregular plurals are untouched
    ['child', 'child'],
    ['women', 'women'],
    ['woman', 'woman'],
    ['labor', 'labor'], // US and UK spellings stay apart
    ['organisation', 'organis'],
    ['organization', 'organ'], // …and collides with organ / organs / organic
    ['organs', 'organ'],
    ['victimisation', 'victimis'],
    ['victimization', 'victim'],
    ['analysis', 'analysi'],
    ['analyses', 'analys'],
    ['Europe', 'europ'],
    ['European', 'european'],
    // Over-stemming collisions.
    ['news', 'new'],
    ['international', 'intern'],
    ['internal', 'intern'],
    ['university', 'univers'],
    ['universal', 'univers'],
    ['general', 'gener'],
    ['generation', 'gener'],
    ['business', 'busi'],
    ['busy', 'busi'],
    ['information', 'inform'],
    ['informal', 'inform'],
    ['communities', 'commun'],
    ['communication', 'commun'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('terms', () => {
  it('is exactly the stems of tokenize', () => {
    const text =
      "Côte d'Ivoire: ﬁnance, 𝐀𝐁c ½ e\u0301tude — TRAFFICKING of children (2019-2020); ｶﾞ ﾞ x; organ-trafficking in São Tomé";
    expect(terms(text)).toEqual(tokenize(text).map((t) => t.term));
    expect(terms(text)).toEqual([
      'cote', 'd', 'ivoir', 'financ', 'abc', '12', 'etud', 'traffick', 'of', 'children', '2019', '2020', 'カ', 'x',
      'organ', 'traffick', 'in', 'sao', 'tome',
    ]);
  });

  it('stays correct when the stem memo is cleared (more than 200k distinct words)', () => {
    const words: string[] = [];
    for (let i = 0; i < 210_000; i++) words.push(`w${i.toString(36)}ing`);
    const out = terms(words.join(' '));
    expect(out).toHaveLength(210_000);
    expect(out[0]).toBe('w0ing'); // "w0" has no vowel: -ing stays
    expect(terms('trafficking Trafficked')).toEqual(['traffick', 'traffick']);
    expect(tokenize('walking')[0]!.term).toBe('walk');
  });

  it('is fast: 100k words in well under a second', () => {
    const vocabulary = ['trafficking', 'victims', 'of', 'forced', 'labour', 'in', 'the', 'Côte', "d'Ivoire", 'reports'];
    const text = Array.from({ length: 100_000 }, (_, i) => vocabulary[(i * 7) % vocabulary.length]).join(' ');
    const started = performance.now();
    expect(terms(text)).toHaveLength(110_000);
    expect(tokenize(text)).toHaveLength(110_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('French and Spanish stemming', () => {
  it('stems a folded word with Snowball, the key marked with its language; digits are the same in every language', () => {
    expect(tokenize('Traités des personnes', 'fr').map((t) => t.term)).toEqual(['fr:trait', 'fr:de', 'fr:person']);
    expect(tokenize('la traite', 'fr').map((t) => t.term)).toEqual(['fr:la', 'fr:trait']);
    expect(terms('Trata de Personas en México 2019', 'es')).toEqual(['es:trat', 'es:de', 'es:person', 'es:en', 'es:mexic', '2019']);
    expect(terms('persona víctimas', 'es')).toEqual(['es:person', 'es:victim']);
    expect(stemOf('personas', 'es')).toBe('person');
    expect(stemOf('2019', 'fr')).toBe('2019');
    // Offsets and surfaces do not depend on the language.
    expect(tokenize('Évaluation des lacunes', 'fr').map((t) => [t.surface, t.start, t.end])).toEqual([
      ['evaluation', 0, 10], ['des', 11, 14], ['lacunes', 15, 22],
    ]);
  });

  it('leaves English as it was', () => {
    const text = 'Trafficked persons and traites';
    expect(tokenize(text, 'en')).toEqual(tokenize(text));
    expect(terms(text)).toEqual(['traffick', 'person', 'and', 'trait']);
    expect(stemKey('trafficking', 'en')).toBe('traffick');
  });

  it('gives a query word one key per language', () => {
    expect(termKeys('personnes')).toEqual(['personn', 'fr:person', 'es:personn']);
    expect(termKeys('2019')).toEqual(['2019']);
  });

  it('stems French and Spanish only; any other language as English', () => {
    expect(['fr', 'es', 'en', 'de', 'sr', undefined, null].map(textLanguage)).toEqual(['fr', 'es', 'en', 'en', 'en', 'en', 'en']);
  });
});
