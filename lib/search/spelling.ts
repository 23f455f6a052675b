/**
 * Words of the index's vocabulary close to a misspelt one, for "Showing results for … — search instead for …".
 *
 * Distance 1 comes from a deletion neighbourhood (after SymSpell): every vocabulary word is filed under itself
 * and each string one deletion away, so the words within one edit of a query word are those filed under the
 * query word or one of its one-deletion strings (then checked with `editDistance`). Distance 2 is a scan of
 * the words within two letters of its length, each compared with a distance that gives up past 2: filing two
 * deletions of every word would take about five times the memory, and the scan runs only for a word that
 * finds almost nothing. Built lazily from the vocabulary list and extended with the words the list has gained
 * since (the index only ever appends to it).
 */

/** Words shorter than this are never corrected (too many neighbours to choose from); longer ones are not filed. */
export const MIN_CORRECTED_LENGTH = 3;
const MAX_FILED_LENGTH = 32;
const LETTERS = /^\p{L}+$/u;

/** The edit distance allowed for a word of this length: 1 up to 5 letters, 2 from 6. */
export function maxDistanceFor(length: number): number {
  return length < MIN_CORRECTED_LENGTH ? 0 : length <= 5 ? 1 : 2;
}

/** Rows of the distance table, reused (queries run one at a time). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions counted as one edit), or
 * `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[n]!, limit + 1);
}

/** Every string `depth` or fewer deletions away from `word`, itself included. */
function deletions(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

export type Neighbour = { word: string; distance: number };

export class Speller {
  /** A string → the vocabulary words (their index in `words`) filed under it. */
  private readonly filed = new Map<string, number | number[]>();
  /** Word length → the filed words of that length. */
  private readonly byLength: number[][] = [];
  private indexed = 0;

  /** `words`: the vocabulary, folded, which may grow at its end (never change in place). */
  constructor(private readonly words: readonly string[]) {}

  get size(): number {
    return this.filed.size;
  }

  private file(key: string, id: number): void {
    const known = this.filed.get(key);
    if (known === undefined) this.filed.set(key, id);
    else if (Array.isArray(known)) {
      if (known[known.length - 1] !== id) known.push(id);
    } else if (known !== id) this.filed.set(key, [known, id]);
  }

  /** Files the words the vocabulary gained since the last call. */
  private catchUp(): void {
    const words = this.words;
    for (; this.indexed < words.length; this.indexed++) {
      const word = words[this.indexed]!;
      if (word.length < MIN_CORRECTED_LENGTH || word.length > MAX_FILED_LENGTH || !LETTERS.test(word)) continue;
      for (const key of deletions(word, 1)) this.file(key, this.indexed);
      (this.byLength[word.length] ??= []).push(this.indexed);
    }
  }

  /** The vocabulary words other than `word` itself within `maxDistance` (1 or 2) of it, nearest first. */
  neighbours(word: string, maxDistance: number): Neighbour[] {
    this.catchUp();
    if (maxDistance <= 0 || word.length > MAX_FILED_LENGTH + 2 || !LETTERS.test(word)) return [];
    const seen = new Set<number>();
    const found: Neighbour[] = [];
    const consider = (id: number, limit: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const candidate = this.words[id]!;
      if (candidate === word) return;
      const distance = editDistance(word, candidate, limit);
      if (distance <= limit) found.push({ word: candidate, distance });
    };
    for (const key of deletions(word, 1)) {
      const ids = this.filed.get(key);
      if (ids === undefined) continue;
      if (Array.isArray(ids)) for (const id of ids) consider(id, 1);
      else consider(ids, 1);
    }
    if (maxDistance >= 2) {
      // Every word within 1 is in `seen` already; the scan adds those at exactly 2.
      for (let length = Math.max(MIN_CORRECTED_LENGTH, word.length - 2); length <= word.length + 2; length++) {
        for (const id of this.byLength[length] ?? []) consider(id, 2);
      }
    }
    return found.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  }
}
