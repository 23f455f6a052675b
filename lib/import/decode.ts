import type { FileProblem } from './types';

/** Larger files are refused: split them. 100,000 short records fit; a 50 MB upload does not. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

export type Decoded = { text: string; problems: FileProblem[] };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function sizeProblem(bytes: number, maxBytes = MAX_IMPORT_BYTES): FileProblem | null {
  if (bytes === 0) return { message: 'The file is empty.' };
  if (bytes > maxBytes) {
    return { message: `The file is ${megabytes(bytes)}; the limit is ${megabytes(maxBytes)}. Split it into smaller files and import them one after another.` };
  }
  return null;
}

/** Where the first byte that is not UTF-8 sits, or null when the bytes are valid UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number | null {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += extra + 1;
  }
  return null;
}

/**
 * Bytes → text. Refuses empty and oversized files; text that is not UTF-8 is reported with the line and
 * column of the first bad byte (the text is still decoded, with U+FFFD in its place, so that the
 * records and fields it touches can be named too).
 */
export function decodeImport(input: Uint8Array | string, maxBytes = MAX_IMPORT_BYTES): Decoded {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const size = sizeProblem(bytes.length, maxBytes);
  if (size) return { text: '', problems: [size] };
  const problems: FileProblem[] = [];
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const bad = typeof input === 'string' ? null : firstInvalidByte(bytes);
  if (bad !== null) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    problems.push({
      line,
      message: `The file is not UTF-8 text: byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${column} is not valid UTF-8. Save the file as UTF-8 (in Excel: “CSV UTF-8”) and import it again.`,
    });
  }
  if (text.trim() === '') problems.push({ message: 'The file is empty: it has no text but white space.' });
  return { text: text.replace(/\r\n?/g, '\n'), problems };
}
