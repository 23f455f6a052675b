/**
 * How an attached file's extracted text (PublicationFile.text, pages separated by form feeds) is cut up for
 * search: into its pages, and each page into pieces of at most CHUNK_CHARS, cut between words. The index
 * remembers where each piece starts, so a result card reads back only the piece its match is in (a few
 * kilobytes, never the whole document) to show a snippet and the page.
 *
 * Offsets are in code points, not UTF-16 units: SQLite's and PostgreSQL's substr count characters, and the
 * piece is read back with substr.
 */

/** The most UTF-16 units in one piece: a results page reads at most one piece per card. */
export const CHUNK_CHARS = 2000;
/** How far back from the limit a cut looks for a character outside a word before cutting anyway. */
const CUT_REACH = 200;

export type TextChunk = {
  text: string;
  /** The page it is on (from 1), or null when the file has no pages (DOCX, plain text). */
  page: number | null;
  /** Where it starts in the file's text and how long it is, in code points. */
  start: number;
  length: number;
  /** The first piece of a page: a phrase never runs from the previous page into it. */
  pageStart: boolean;
};

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const HIGH_SURROGATE = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Code points in `text`. */
export function codePoints(text: string): number {
  if (!/[\uD800-\uDBFF]/.test(text)) return text.length;
  return text.length - (text.match(HIGH_SURROGATE)?.length ?? 0);
}

/** Whether cutting before `text[i]` would part a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  const code = text.charCodeAt(i - 1);
  return code >= 0xd800 && code <= 0xdbff;
}

/** Where to cut `page` at most `limit` units from `from`: after a character outside a word, never inside a surrogate pair. */
function cutAt(page: string, from: number, limit: number): number {
  const end = from + limit;
  if (end >= page.length) return page.length;
  for (let i = end; i > end - CUT_REACH && i > from; i--) {
    if (!splitsPair(page, i) && !(WORD_CHAR.test(page[i - 1]!) && WORD_CHAR.test(page[i]!))) return i;
  }
  // One "word" longer than the reach (a run of digits, a base64 blob): cut it, but not between surrogates.
  return splitsPair(page, end) ? end - 1 : end;
}

/** The pieces of a file's text; `paged`: whether its form feeds separate numbered pages (PDF). */
export function documentChunks(text: string, paged: boolean, limit = CHUNK_CHARS): TextChunk[] {
  const chunks: TextChunk[] = [];
  let offset = 0;
  const pages = text.split('\f');
  pages.forEach((page, i) => {
    for (let at = 0, first = true; at < page.length; first = false) {
      const end = cutAt(page, at, limit);
      const piece = page.slice(at, end);
      const length = codePoints(piece);
      chunks.push({ text: piece, page: paged ? i + 1 : null, start: offset, length, pageStart: first });
      offset += length;
      at = end;
    }
    offset += 1; // the form feed
  });
  return chunks;
}
