import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, codePoints, documentChunks } from './document-text';

/** What SQL's substr(text, start + 1, length) gives: code points, not UTF-16 units. */
const substr = (text: string, start: number, length: number) => [...text].slice(start, start + length).join('');

describe('documentChunks', () => {
  it('numbers the pages of a paged text from 1, with code point offsets substr reads back', () => {
    const text = 'First page about labour.\fSecond 😀 page on traite.\f\fFourth page.';
    const chunks = documentChunks(text, true);
    expect(chunks.map((c) => [c.page, c.pageStart])).toEqual([[1, true], [2, true], [4, true]]);
    for (const chunk of chunks) expect(substr(text, chunk.start, chunk.length)).toBe(chunk.text);
    expect(chunks[1]!.text).toBe('Second 😀 page on traite.');
  });

  it('gives no page numbers to an unpaged text', () => {
    expect(documentChunks('A DOCX text.\fwith a form feed', false).map((c) => c.page)).toEqual([null, null]);
  });

  it('cuts a long page between words into pieces of at most the limit, only the first starting the page', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const chunks = documentChunks(`intro\f${words}`, true);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.text.length <= CHUNK_CHARS)).toBe(true);
    expect(chunks.filter((c) => c.pageStart).length).toBe(2);
    expect(chunks.slice(1).every((c) => c.page === 2)).toBe(true);
    // No word is cut: the pieces' words are the page's words.
    const pieceWords = chunks.slice(1).flatMap((c) => c.text.split(/\s+/).filter(Boolean));
    expect(pieceWords).toEqual(words.split(' '));
    const text = `intro\f${words}`;
    for (const chunk of chunks) expect(substr(text, chunk.start, chunk.length)).toBe(chunk.text);
  });

  it('cuts a word longer than the reach, never between the halves of a surrogate pair', () => {
    const chunks = documentChunks('😀'.repeat(1500), false, 101);
    expect(chunks.map((c) => c.text).join('')).toBe('😀'.repeat(1500));
    expect(chunks.every((c) => codePoints(c.text) * 2 === c.text.length)).toBe(true);
  });
});
