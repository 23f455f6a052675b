import type { CatalogueIndex } from './catalogue-index';
import { parseQuery } from './query';
import { maxDistanceFor } from './spelling';
import { tokenize } from './tokenize';
import { spellingVariants } from './variants';

/**
 * Spelling correction of a search box query, over the index's own vocabulary.
 *
 * A word of the query (a word or a phrase's word that must match; not an exclusion, not a prefix) that
 * finds nothing is replaced by a word of the index within `maxDistanceFor` its length that finds something
 * (`correctQuery`). A word that finds a few (fewer than RARE) is searched as typed, as it may well be right
 * (a French plural beside a Spanish word two letters off: `personnes`, `personas`): when a close word finds
 * at least BETTER times as many and at least MIN_BETTER, the page only offers it (`rareWordHint`).
 * Of the close words, the one finding the most publications wins (then the nearer, then the first
 * alphabetically). Frequencies are over the whole catalogue, not the current filters: the correction is
 * of the words, and the page's counts are those of the query searched.
 */
export const RARE = 3;
export const BETTER = 10;
export const MIN_BETTER = 10;
/** "Did you mean": at most this many alternative queries. */
export const MAX_SUGGESTIONS = 3;
/** Close words tried per word for "Did you mean". */
const CANDIDATES_PER_WORD = 5;

export type WordCorrection = { from: string; to: string };
export type QueryCorrection = { q: string; words: WordCorrection[] };

type Candidate = { word: string; distance: number; frequency: number };

/** The folded words of the query that must match (term and phrase words, not the spellings the parser added), each once, in order. */
export function positiveWords(q: string): string[] {
  const words: string[] = [];
  const add = (surface: string) => {
    if (!words.includes(surface) && !words.some((w) => spellingVariants(w).includes(surface))) words.push(surface);
  };
  for (const group of parseQuery(q).must) {
    for (const clause of group) {
      if (clause.kind === 'term') add(clause.surface);
      if (clause.kind === 'phrase') clause.surfaces.forEach(add);
    }
  }
  return words;
}

/** The close words of `word` that find something, the most-found first. */
function candidatesFor(index: CatalogueIndex, word: string): Candidate[] {
  return index
    .spellingNeighbours(word, maxDistanceFor(word.length))
    .map((n) => ({ ...n, frequency: index.wordFrequency(n.word) }))
    .filter((c) => c.frequency > 0)
    .sort((a, b) => b.frequency - a.frequency || a.distance - b.distance || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/** `q` with every occurrence of the words (as folded) replaced, prefixes (`word*`) left alone. */
export function replaceWords(q: string, replacements: ReadonlyMap<string, string>): string {
  let out = '';
  let at = 0;
  for (const token of tokenize(q)) {
    const to = replacements.get(token.surface);
    if (to === undefined || q[token.end] === '*') continue;
    out += q.slice(at, token.start) + to;
    at = token.end;
  }
  return out + q.slice(at);
}

/** The query's words finding fewer than RARE publications, each with its best close word, where `accept` takes it. */
function closeWords(index: CatalogueIndex, q: string, accept: (frequency: number, best: Candidate) => boolean): WordCorrection[] {
  const words: WordCorrection[] = [];
  for (const word of positiveWords(q)) {
    if (index.wordFindsAtLeast(word, RARE)) continue;
    const frequency = index.wordFrequency(word);
    const best = candidatesFor(index, word)[0];
    if (best !== undefined && accept(frequency, best)) words.push({ from: word, to: best.word });
  }
  return words;
}

/** The query with its words that find nothing corrected, or null when there are none (or nothing close is known). */
export function correctQuery(index: CatalogueIndex, q: string): QueryCorrection | null {
  const words = closeWords(index, q, (frequency) => frequency === 0);
  if (words.length === 0) return null;
  return { q: replaceWords(q, new Map(words.map((w) => [w.from, w.to]))), words };
}

/** The query with its rare words replaced by close words finding far more, or null: a "Did you mean" beside results. */
export function rareWordHint(index: CatalogueIndex, q: string): string | null {
  const words = closeWords(index, q, (frequency, best) => frequency > 0 && best.frequency >= Math.max(MIN_BETTER, BETTER * frequency));
  return words.length === 0 ? null : replaceWords(q, new Map(words.map((w) => [w.from, w.to])));
}

/**
 * Alternative queries for a query that found nothing: each replaces one word by a close word of the index;
 * those `finds` (how many results the alternative gives) keeps above zero, the most results first.
 */
export function suggestQueries(index: CatalogueIndex, q: string, finds: (q: string) => number): string[] {
  const found: { q: string; count: number }[] = [];
  for (const word of positiveWords(q)) {
    for (const candidate of candidatesFor(index, word).slice(0, CANDIDATES_PER_WORD)) {
      const alternative = replaceWords(q, new Map([[word, candidate.word]]));
      if (alternative === q || found.some((f) => f.q === alternative)) continue;
      const count = finds(alternative);
      if (count > 0) found.push({ q: alternative, count });
    }
  }
  return found
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_SUGGESTIONS)
    .map((f) => f.q);
}
