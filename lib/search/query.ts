import { tokenize, type Token } from '@/lib/search/tokenize';

/**
 * The researcher's query language:
 * - `word word` — every word must occur (AND); words are folded and stemmed exactly like indexed text;
 * - `"exact phrase"` — the words in this order;
 * - `word*` — any word starting with the folded (unstemmed) prefix;
 * - `-word`, `-word*`, `-"a phrase"` — exclude;
 * - `a OR b` — the uppercase `OR` joins the clauses on either side into one group (`a b OR c d` → a AND (b OR c) AND d);
 *   lowercase `or` is an ordinary word.
 * Anything else is a separator: malformed input never throws, it is searched as plain words.
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
type Item = { kind: 'or' } | { kind: 'clause'; negated: boolean; clause: Clause };

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

function termClause(token: Token): Clause {
  return { kind: 'term', term: token.term, surface: token.surface };
}

function phraseClause(tokens: readonly Token[]): Clause | null {
  const first = tokens[0];
  if (first === undefined) return null;
  if (tokens.length === 1) return termClause(first);
  return { kind: 'phrase', terms: tokens.map((t) => t.term), surfaces: tokens.map((t) => t.surface) };
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
    if (prefix !== null) return [{ kind: 'clause', negated, clause: { kind: 'prefix', prefix } }];
    const clause = phraseClause(words);
    return clause === null ? [] : [{ kind: 'clause', negated, clause }];
  }

  const items: Item[] = [];
  for (const piece of pieces) {
    const tokens = tokenize(piece.text);
    if (piece.quoted) {
      const clause = phraseClause(tokens);
      if (clause !== null) items.push({ kind: 'clause', negated, clause });
      continue;
    }
    for (const token of tokens) {
      const clause: Clause = isPrefix(piece.text, token) ? { kind: 'prefix', prefix: token.surface } : termClause(token);
      items.push({ kind: 'clause', negated, clause });
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
        not.push(item.clause);
        previousWasPositive = false;
        pendingOr = false;
        continue;
      }
      const last = must[must.length - 1];
      if (pendingOr && last !== undefined) last.push(item.clause);
      else must.push([item.clause]);
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
