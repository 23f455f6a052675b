import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import { stemmer } from 'stemmer';
import { foldText } from '@/lib/text';

/**
 * The languages text is stemmed in. French and Spanish have Snowball stemmers (the algorithms PostgreSQL's
 * `french`/`spanish` dictionaries run); every other language is stemmed as English, as all text was before.
 */
export const TEXT_LANGUAGES = ['en', 'fr', 'es'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** The stemming language of text in the ISO 639-1 language `code` (none: English). */
export function textLanguage(code: string | null | undefined): TextLanguage {
  return code === 'fr' || code === 'es' ? code : 'en';
}

/**
 * One word of a text.
 * - `surface`: the folded word (`foldText`: NFKD, combining marks stripped, lower-cased), used for prefix matching;
 * - `term`: the stem of `surface` in the text's language, used for term and phrase matching (see `stemKey`);
 * - `start`/`end`: UTF-16 offsets of the word in the ORIGINAL text, so `text.slice(start, end)` is the word as written.
 */
export type Token = { term: string; surface: string; start: number; end: number };

/**
 * A word is a run of Unicode letters and digits (like SQLite FTS5's unicode61 tokenizer with
 * remove_diacritics 2); combining marks are kept inside a word (`e` + U+0301 is one word, folded to `e`)
 * but never start one, so a stray mark, an emoji's variation selector or any punctuation separates words.
 * The hyphen of `anti-trafficking` and the apostrophe of `d'Ivoire` therefore split words.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** Characters that folding can introduce although the original was a letter or digit (NFKD of '½' is '1⁄2', of '⑴' is '(1)'). */
const NOT_WORD_CHAR = /[^\p{L}\p{N}]+/gu;
const DIGITS_ONLY = /^\p{N}+$/u;
const ASCII_LOWER = /^[a-z0-9]+$/;

type Entry = { surface: string; term: string };

/** Memo of original word → folded surface and stem: real texts repeat a small vocabulary, stemming is the hot spot. */
const memo = new Map<string, Entry | null>();
const MEMO_LIMIT = 200_000;
/** Longer "words" (hashes, base64, run-together URLs) are rare and would only bloat the memo. */
const MEMO_MAX_WORD_LENGTH = 48;

function analyse(word: string): Entry | null {
  let surface: string;
  if (ASCII_LOWER.test(word)) {
    surface = word;
  } else {
    surface = foldText(word);
    NOT_WORD_CHAR.lastIndex = 0;
    if (NOT_WORD_CHAR.test(surface)) surface = surface.replace(NOT_WORD_CHAR, '');
    // A halfwidth katakana sound mark (a letter) folds to a bare combining mark, then to nothing.
    if (surface === '') return null;
  }
  const term = DIGITS_ONLY.test(surface) ? surface : stemmer(surface);
  return { surface, term };
}

function lookup(word: string): Entry | null {
  let entry = memo.get(word);
  if (entry === undefined) {
    entry = analyse(word);
    if (word.length <= MEMO_MAX_WORD_LENGTH) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, entry);
    }
  }
  return entry;
}

const SNOWBALL: Record<Exclude<TextLanguage, 'en'>, (word: string) => string> = { fr: frenchStemmer, es: spanishStemmer };
/** Folded surface → key, per language other than English (whose keys the word memo holds). */
const keyMemo: Record<Exclude<TextLanguage, 'en'>, Map<string, string>> = { fr: new Map(), es: new Map() };

/**
 * The index key of a folded word in a text of `language`. English keys are the Porter stems the catalogue has
 * always used. French and Spanish keys carry their language (`fr:trait`), so that a French stem never meets
 * an English one that happens to be spelt alike: a query word, whose language nobody knows, matches a field
 * when its stem in the field's language equals the field's word's (`termKeys`). Both run on the folded word:
 * PostgreSQL's configurations likewise unaccent before stemming, so the two stem the same input. Digits-only
 * words are the same key in every language.
 */
export function stemKey(surface: string, language: TextLanguage): string {
  if (DIGITS_ONLY.test(surface)) return surface;
  if (language === 'en') return lookup(surface)?.term ?? surface;
  const memo = keyMemo[language];
  let key = memo.get(surface);
  if (key === undefined) {
    key = `${language}:${SNOWBALL[language](surface)}`;
    if (surface.length <= MEMO_MAX_WORD_LENGTH) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(surface, key);
    }
  }
  return key;
}

/** The stem itself, as a database stores it: `stemKey` without the language mark. */
export function stemOf(surface: string, language: TextLanguage): string {
  const key = stemKey(surface, language);
  return language !== 'en' && key.startsWith(`${language}:`) ? key.slice(language.length + 1) : key;
}

/** The keys a query word (folded) matches, one per language, duplicates removed. */
export function termKeys(surface: string): string[] {
  return [...new Set(TEXT_LANGUAGES.map((language) => stemKey(surface, language)))];
}

/**
 * Calls `each` with every word of `text` as written (a run the tokenizer reads as one word, before folding):
 * the indexing fast path, which caches per written word what `analyseWord` gives.
 */
export function forEachWord(text: string, each: (word: string) => void): void {
  const re = new RegExp(WORD.source, WORD.flags);
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) each(match[0]);
}

/** A written word's folded surface and its key in `language`, as `tokenize` gives them; null when it folds to nothing. */
export function analyseWord(word: string, language: TextLanguage): { surface: string; term: string } | null {
  const entry = lookup(word);
  if (entry === null) return null;
  return { surface: entry.surface, term: language === 'en' ? entry.term : stemKey(entry.surface, language) };
}

/** Splits `text` (in `language`) into words with their folded surface, stem and offsets in the original text. */
export function tokenize(text: string, language: TextLanguage = 'en'): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const word = match[0];
    const entry = lookup(word);
    if (entry === null) continue;
    const term = language === 'en' ? entry.term : stemKey(entry.surface, language);
    tokens.push({ term, surface: entry.surface, start: match.index, end: match.index + word.length });
  }
  return tokens;
}

/** The stems of `text` in order: `tokenize(text).map((t) => t.term)` without building tokens (the indexing fast path). */
export function terms(text: string, language: TextLanguage = 'en'): string[] {
  const words = text.match(WORD);
  if (words === null) return [];
  const out: string[] = [];
  for (const word of words) {
    const entry = lookup(word);
    if (entry !== null) out.push(language === 'en' ? entry.term : stemKey(entry.surface, language));
  }
  return out;
}
