import { tokenize, type Token } from '@/lib/search/tokenize';
import { spellingVariants } from '@/lib/search/variants';

/**
 * The researcher's query language:
 * - `word word` — every word must occur (AND); words are folded and stemmed exactly like indexed text;
 * - `"exact phrase"` — the words in this order;
 * - `word*` — any word starting with the folded (unstemmed) prefix;
 * - `-word`, `-word*`, `-"a phrase"` — exclude;
 * - `a OR b` — the uppercase `OR` joins the clauses on either side into one group (`a b OR c d` → a AND (b OR c) AND d);
 *   lowercase `or` is an ordinary word.
 * Anything else is a separator: malformed input never throws, it is searched as plain words.
 *
 * A word with other spellings (labour/labor, lib/search/variants.ts) is searched as itself OR them, and a phrase
 * as each of its spellings (up to MAX_PHRASE_SPELLINGS); a prefix is taken literally. The alternatives join the
 * word's own group (or `not`), so every reader of a SearchQuery (the index, both databases' full text,
 * highlighting) treats them alike, and they count as one clause.
 */
export type Clause =
  | { kind: 'term'; term: string; surface: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; terms: string[]; surfaces: string[] };
/** Alternatives joined by OR (length ≥ 1). */
export type Group = Clause[];
/** `must`: every group must match; `not`: no clause may match; `empty`: nothing to search for at all. */
export type SearchQuery = { must: Group[]; not: Clause[]; empty: boolean };

/** At most this many clauses (must and not together); the rest of the query is ignored. */
export const MAX_CLAUSES = 32;

type Piece = { quoted: boolean; text: string };
/** A whitespace-separated token of the query, split into quoted and unquoted pieces. */
type Chunk = { negated: boolean; pieces: Piece[] };
/** `clauses`: one clause as written and its other spellings, alternatives of one another. */
type Item = { kind: 'or' } | { kind: 'clause'; negated: boolean; clauses: Clause[] };

/** At most this many spellings of one phrase (each word's variants multiply). */
export const MAX_PHRASE_SPELLINGS = 8;

const WHITESPACE = /\s/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Pairs double quotes left to right; an unpaired last quote is a mere separator (the rest reads as plain words).
 * Typographic quotes “…” and „…“ count as straight quotes, as researchers paste them from documents.
 */
function lex(q: string): Chunk[] {
  let text = q.replace(/[“”„‟″]/g, '"');
  let quotes = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes++;
  if (quotes % 2 === 1) {
    const unpaired = text.lastIndexOf('"');
    text = `${text.slice(0, unpaired)} ${text.slice(unpaired + 1)}`;
  }

  const chunks: Chunk[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && WHITESPACE.test(text[i]!)) i++;
    if (i >= n) break;
    // Exclusion: exactly one `-` opening a whitespace-separated token, directly followed by a word or a phrase.
    // `--x` (SQL comment) and a lone `-` are separators.
    let negated = false;
    if (text[i] === '-' && i + 1 < n && text[i + 1] !== '-' && !WHITESPACE.test(text[i + 1]!)) {
      negated = true;
      i++;
    }
    const pieces: Piece[] = [];
    let plain = '';
    while (i < n && !WHITESPACE.test(text[i]!)) {
      if (text[i] === '"') {
        // Every quote left is paired, so a closing one follows.
        const close = text.indexOf('"', i + 1);
        if (plain !== '') pieces.push({ quoted: false, text: plain });
        plain = '';
        pieces.push({ quoted: true, text: text.slice(i + 1, close) });
        i = close + 1;
      } else {
        plain += text[i];
        i++;
      }
    }
    if (plain !== '') pieces.push({ quoted: false, text: plain });
    chunks.push({ negated, pieces });
  }
  return chunks;
}

/** A folded word as a token of its own (the stem its spelling has). */
function tokenOf(surface: string): Token {
  return tokenize(surface)[0] ?? { term: surface, surface, start: 0, end: surface.length };
}

/** The word as written, then its other spellings. */
function spellings(token: Token): Token[] {
  return [token, ...spellingVariants(token.surface).map(tokenOf)];
}

function termClauses(token: Token): Clause[] {
  return spellings(token).map((t) => ({ kind: 'term', term: t.term, surface: t.surface }));
}

function phraseClauses(tokens: readonly Token[]): Clause[] {
  const first = tokens[0];
  if (first === undefined) return [];
  if (tokens.length === 1) return termClauses(first);
  // Every combination of the words' spellings, the phrase as written first.
  let combinations: Token[][] = [[]];
  for (const token of tokens) {
    combinations = combinations.flatMap((head) => spellings(token).map((t) => [...head, t])).slice(0, MAX_PHRASE_SPELLINGS);
  }
  return combinations.map((words) => ({ kind: 'phrase', terms: words.map((t) => t.term), surfaces: words.map((t) => t.surface) }));
}

/** A word followed directly by `*` (and then by no further word character) is a prefix. */
function isPrefix(text: string, token: Token): boolean {
  return text[token.end] === '*' && !WORD_CHAR.test(text[token.end + 1] ?? '');
}

function chunkItems(chunk: Chunk): Item[] {
  const { negated, pieces } = chunk;
  const only = pieces[0];
  if (!negated && pieces.length === 1 && only !== undefined && !only.quoted && only.text === 'OR') return [{ kind: 'or' }];

  if (negated) {
    // `-word` / `-word*` exclude one word; `-"a phrase"` and `-anti-trafficking` exclude the words as a phrase
    // (excluding each word on its own would hide far more than asked for).
    const words: Token[] = [];
    let prefix: string | null = null;
    for (const piece of pieces) {
      const tokens = tokenize(piece.text);
      words.push(...tokens);
      const last = tokens[tokens.length - 1];
      if (pieces.length === 1 && !piece.quoted && tokens.length === 1 && last !== undefined && isPrefix(piece.text, last)) {
        prefix = last.surface;
      }
    }
    if (prefix !== null) return [{ kind: 'clause', negated, clauses: [{ kind: 'prefix', prefix }] }];
    const clauses = phraseClauses(words);
    return clauses.length === 0 ? [] : [{ kind: 'clause', negated, clauses }];
  }

  const items: Item[] = [];
  for (const piece of pieces) {
    const tokens = tokenize(piece.text);
    if (piece.quoted) {
      const clauses = phraseClauses(tokens);
      if (clauses.length > 0) items.push({ kind: 'clause', negated, clauses });
      continue;
    }
    for (const token of tokens) {
      const clauses: Clause[] = isPrefix(piece.text, token) ? [{ kind: 'prefix', prefix: token.surface }] : termClauses(token);
      items.push({ kind: 'clause', negated, clauses });
    }
  }
  return items;
}

/** Parses a search box query; never throws. */
export function parseQuery(q: string): SearchQuery {
  const must: Group[] = [];
  const not: Clause[] = [];
  let count = 0;
  // OR joins the positive clause just before it with the one just after it; an OR with no positive clause on
  // either side (at an end, after another OR's right side is missing, next to an exclusion) does nothing.
  let previousWasPositive = false;
  let pendingOr = false;

  outer: for (const chunk of lex(typeof q === 'string' ? q : '')) {
    for (const item of chunkItems(chunk)) {
      if (item.kind === 'or') {
        if (previousWasPositive) pendingOr = true;
        continue;
      }
      if (count >= MAX_CLAUSES) break outer;
      count++;
      if (item.negated) {
        not.push(...item.clauses);
        previousWasPositive = false;
        pendingOr = false;
        continue;
      }
      const last = must[must.length - 1];
      if (pendingOr && last !== undefined) last.push(...item.clauses);
      else must.push([...item.clauses]);
      previousWasPositive = true;
      pendingOr = false;
    }
  }
  return { must, not, empty: must.length === 0 && not.length === 0 };
}

/** Every clause that must (or may, within an OR group) match, for highlighting and ranking. */
export function positiveClauses(query: SearchQuery): Clause[] {
  return query.must.flat();
}
