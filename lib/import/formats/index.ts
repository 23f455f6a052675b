import { CSV_COLUMNS } from '../schema';
import type { ImportFormat, ParsedFile } from '../types';
import { parseCsvFile } from './csv';
import { parseJsonFile } from './json';
import { looksLikeListing, parseListingFile } from './listing';

/** Which format the text is in, from its content: JSON starts with "[", CSV with a header row, the listing has field labels. */
export function detectFormat(text: string): ImportFormat | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  const firstLine = start.split('\n', 1)[0] ?? '';
  const cells = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (cells.length >= 2 && cells.some((c) => (CSV_COLUMNS as readonly string[]).includes(c))) return 'csv';
  if (looksLikeListing(start)) return 'listing';
  if (cells.length >= 5) return 'csv';
  return null;
}

export function parseImportText(text: string, format: ImportFormat): ParsedFile {
  switch (format) {
    case 'csv':
      return parseCsvFile(text);
    case 'json':
      return parseJsonFile(text);
    case 'listing':
      return parseListingFile(text);
  }
}
