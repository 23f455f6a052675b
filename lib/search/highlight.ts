import { positiveClauses, type SearchQuery } from '@/lib/search/query';
import { stemKey, tokenize, type TextLanguage, type Token } from '@/lib/search/tokenize';

/** A piece of the original text; `mark` pieces matched the query. Concatenating every `text` gives the text back. */
export type Segment = { text: string; mark: boolean };

export const ELLIPSIS = '…';

/**
 * Which tokens (of a text in `language`) to mark: stem of a positive term or phrase word, or surface
 * starting with a positive prefix. The query's words are stemmed in the text's language, as the index matches them.
 */
function markedTokens(tokens: readonly Token[], query: SearchQuery, language: TextLanguage): boolean[] {
  const key = (surface: string) => stemKey(surface, language);
  const terms = new Set<string>();
  const prefixes: string[] = [];
  for (const clause of positiveClauses(query)) {
    if (clause.kind === 'term') terms.add(key(clause.surface));
    else if (clause.kind === 'prefix') prefixes.push(clause.prefix);
    else for (const surface of clause.surfaces) terms.add(key(surface));
  }
  const notTerms = new Set<string>();
  const notPrefixes: string[] = [];
  const notPhrases: string[][] = [];
  for (const clause of query.not) {
    if (clause.kind === 'term') notTerms.add(key(clause.surface));
    else if (clause.kind === 'prefix') notPrefixes.push(clause.prefix);
    else notPhrases.push(clause.surfaces.map(key));
  }

  const marked = tokens.map(
    (token) =>
      (terms.has(token.term) || prefixes.some((p) => token.surface.startsWith(p))) &&
      !notTerms.has(token.term) &&
      !notPrefixes.some((p) => token.surface.startsWith(p)),
  );
  // Words forming an occurrence of an excluded phrase are never marked either.
  for (const phrase of notPhrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((term, k) => tokens[i + k]?.term === term)) marked.fill(false, i, i + phrase.length);
    }
  }
  return marked;
}

/** Segments of text[from, to), marking the marked tokens inside it; marks separated only by whitespace are merged. */
function segmentsOf(
  text: string,
  tokens: readonly Token[],
  marked: readonly boolean[],
  from: number,
  to: number,
  firstToken: number,
  lastToken: number,
): Segment[] {
  const segments: Segment[] = [];
  const push = (piece: string, mark: boolean) => {
    if (piece === '') return;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.mark === mark) last.text += piece;
    else segments.push({ text: piece, mark });
  };
  let cursor = from;
  for (let i = firstToken; i <= lastToken; i++) {
    const token = tokens[i];
    if (token === undefined || !marked[i]) continue;
    const gap = text.slice(cursor, token.start);
    const last = segments[segments.length - 1];
    push(gap, last !== undefined && last.mark && gap.trim() === '');
    push(text.slice(token.start, token.end), true);
    cursor = token.end;
  }
  push(text.slice(cursor, to), false);
  return segments;
}

/** The whole text (in `language`) as segments, the words matching the query marked. */
export function highlight(text: string, query: SearchQuery, language: TextLanguage = 'en'): Segment[] {
  const tokens = tokenize(text, language);
  return segmentsOf(text, tokens, markedTokens(tokens, query, language), 0, text.length, 0, tokens.length - 1);
}

const WHITESPACE = /\s/u;
/** How far a cut may move to reach whitespace (so `anti-trafficking` is not cut in two); past it the cut stays at a word edge. */
const MAX_EXTEND = 32;

function extendBackward(text: string, index: number): number {
  const limit = Math.max(0, index - MAX_EXTEND);
  for (let i = index; i > limit; i--) if (WHITESPACE.test(text[i - 1]!)) return i;
  return limit === 0 ? 0 : index;
}

function extendForward(text: string, index: number): number {
  const limit = Math.min(text.length, index + MAX_EXTEND);
  for (let i = index; i < limit; i++) if (WHITESPACE.test(text[i]!)) return i;
  return limit === text.length ? text.length : index;
}

/**
 * About `maxWords` words of `text` around the most marked words (ties → earliest cluster, then centred on its marks),
 * with `…` segments where the text was cut; with nothing marked, the first `maxWords` words. Cuts fall on whitespace
 * when there is some within reach, otherwise at a word edge: never inside a word. `language`: the text's, as for `highlight`.
 */
export function snippet(text: string, query: SearchQuery, maxWords = 36, language: TextLanguage = 'en'): Segment[] {
  const tokens = tokenize(text, language);
  const marked = markedTokens(tokens, query, language);
  const size = Math.max(1, Math.floor(maxWords));
  if (tokens.length <= size) return segmentsOf(text, tokens, marked, 0, text.length, 0, tokens.length - 1);

  // Sliding window over `size` tokens: the earliest window with the most marks.
  let count = 0;
  for (let i = 0; i < size; i++) if (marked[i]) count++;
  let best = count;
  let bestStart = 0;
  for (let start = 1; start + size <= tokens.length; start++) {
    if (marked[start - 1]) count--;
    if (marked[start + size - 1]) count++;
    if (count > best) {
      best = count;
      bestStart = start;
    }
  }
  // Centre the window on the marks it holds: it still holds all of them, and cannot hold more (it was the best).
  let start = bestStart;
  if (best > 0) {
    let first = bestStart;
    while (!marked[first]) first++;
    let last = bestStart + size - 1;
    while (!marked[last]) last--;
    const slack = size - (last - first + 1);
    start = Math.min(Math.max(0, first - Math.floor(slack / 2)), tokens.length - size);
  }
  let end = start + size - 1;

  const from = start === 0 ? 0 : extendBackward(text, tokens[start]!.start);
  const to = end === tokens.length - 1 ? text.length : extendForward(text, tokens[end]!.end);
  // Words the extension to whitespace took in (`anti-` of `anti-trafficking`) are highlighted like the others.
  while (start > 0 && tokens[start - 1]!.start >= from) start--;
  while (end < tokens.length - 1 && tokens[end + 1]!.end <= to) end++;
  const segments = segmentsOf(text, tokens, marked, from, to, start, end);
  if (from > 0) {
    const first = segments[0];
    if (first !== undefined && !first.mark) first.text = ELLIPSIS + first.text;
    else segments.unshift({ text: ELLIPSIS, mark: false });
  }
  if (to < text.length) {
    const last = segments[segments.length - 1];
    if (last !== undefined && !last.mark) last.text += ELLIPSIS;
    else segments.push({ text: ELLIPSIS, mark: false });
  }
  return segments;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** HTML for the JSON API: every segment escaped, marked ones wrapped in `<mark>`. */
export function segmentsToHtml(segments: readonly Segment[]): string {
  let html = '';
  for (const segment of segments) {
    const escaped = escapeHtml(segment.text);
    html += segment.mark ? `<mark>${escaped}</mark>` : escaped;
  }
  return html;
}
