import { decodeImport, MAX_IMPORT_BYTES } from './decode';
import { detectFormat, parseImportText } from './formats';
import type { FileProblem, ImportFormat, ParsedFile, SourceRecord } from './types';

/** Names the records and fields that hold text that was not UTF-8 (decoded as U+FFFD). */
function markUndecodable(records: SourceRecord[]): void {
  for (const record of records) {
    for (const [field, value] of Object.entries(record.data)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      if (text.includes('\uFFFD')) {
        record.errors.push({ field: field as SourceRecord['errors'][number]['field'], message: `${field} holds bytes that are not UTF-8 (shown as �)` });
      }
    }
  }
}

export type ReadResult = { parsed: ParsedFile | null; problems: FileProblem[]; bytes: number };

/** Bytes → records: decoded, the format detected (unless given), parsed; every problem with the file collected. */
export function readImportFile(input: Uint8Array | string, { format, maxBytes = MAX_IMPORT_BYTES }: { format?: ImportFormat; maxBytes?: number } = {}): ReadResult {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;
  const decoded = decodeImport(input, maxBytes);
  const problems = [...decoded.problems];
  if (!decoded.text.trim()) return { parsed: null, problems, bytes };
  const chosen = format ?? detectFormat(decoded.text);
  if (!chosen) {
    problems.push({ message: 'Cannot tell the format: the file is not a JSON array, has no CSV header row, and has no listing labels (Country, Region, Year). Name the format.' });
    return { parsed: null, problems, bytes };
  }
  const parsed = parseImportText(decoded.text, chosen);
  if (decoded.problems.length > 0) markUndecodable(parsed.records);
  return { parsed, problems: [...problems, ...parsed.problems], bytes };
}
