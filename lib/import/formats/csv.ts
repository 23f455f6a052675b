import { z } from 'zod';
import { editDistance } from '@/lib/normalize/keys';
import { CSV_COLUMN_ALIASES, CSV_COLUMNS, OPTIONAL_CSV_COLUMNS, type CsvColumn } from '../schema';
import type { ParsedFile, SourceRecord } from '../types';
import { parseCsv, unguardCell } from './csv-parse';

const KNOWN: readonly string[] = [...CSV_COLUMNS, ...OPTIONAL_CSV_COLUMNS];

/** The header row: every column named once, from the known set, the nine required ones all there. */
const HeaderSchema = z
  .array(z.string())
  .superRefine((cells, ctx) => {
    cells.forEach((cell, i) => {
      if (KNOWN.includes(cell)) return;
      const near = cell && KNOWN.find((k) => editDistance(k, cell, 3) <= 3 || k.startsWith(cell.slice(0, 5)));
      ctx.addIssue({
        code: 'custom',
        message: cell
          ? `column ${i + 1} is “${cell}”, which is not a column the import knows${near ? ` (did you mean “${near}”?)` : ''}`
          : `column ${i + 1} has no name`,
      });
    });
    const seen = new Set<string>();
    for (const cell of cells) {
      if (seen.has(cell) && KNOWN.includes(cell)) ctx.addIssue({ code: 'custom', message: `the column “${cell}” appears twice` });
      seen.add(cell);
    }
    const missing = CSV_COLUMNS.filter((c) => !cells.includes(c));
    if (missing.length > 0) ctx.addIssue({ code: 'custom', message: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `“${m}”`).join(', ')}` });
  })
  .transform((cells) => cells as CsvColumn[]);

const splitList = (cell: string) =>
  cell
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

/** CSV with a header row; lists (countries, regions, authors) separated by “;”. */
export function parseCsvFile(text: string): ParsedFile {
  const body = text.replace(/^\uFEFF/, '');
  const { rows, error } = parseCsv(body);
  if (error) return { format: 'csv', records: [], problems: [{ line: error.line, message: `The CSV cannot be read: ${error.message}.` }], notes: [] };
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { format: 'csv', records: [], problems: [{ message: 'The file is empty.' }], notes: [] };
  const header = HeaderSchema.safeParse(headerRow.cells.map((c) => c.trim().toLowerCase()).map((c) => CSV_COLUMN_ALIASES[c] ?? c));
  if (!header.success) {
    return {
      format: 'csv',
      records: [],
      problems: [
        {
          line: headerRow.line,
          message: `Wrong header on line ${headerRow.line}: ${header.error.issues.map((i) => i.message).join('; ')}. The first row must name the columns: ${CSV_COLUMNS.join(',')} (and optionally slug, translationGroup and files).`,
        },
      ],
      notes: [],
    };
  }
  const columns = header.data;
  if (dataRows.length === 0) return { format: 'csv', records: [], problems: [{ line: headerRow.line, message: 'The file has a header but no records.' }], notes: [] };

  const records: SourceRecord[] = dataRows.map((row, i) => {
    const get = (column: CsvColumn) => {
      const at = columns.indexOf(column);
      return at < 0 ? undefined : unguardCell(row.cells[at] ?? '');
    };
    const errors: SourceRecord['errors'] =
      row.cells.length === columns.length
        ? []
        : [{ field: 'record', message: `line ${row.line} has ${row.cells.length} cells where the header has ${columns.length} (a missing or extra comma, or a quote left open)` }];
    return {
      index: i + 1,
      line: row.line,
      errors,
      data: {
        title: get('title') ?? '',
        summary: get('summary') ?? '',
        countries: splitList(get('countries') ?? ''),
        regions: splitList(get('regions') ?? ''),
        authors: splitList(get('authors') ?? ''),
        year: get('year') ?? null,
        category: get('category') ?? null,
        languages: splitList(get('languages') ?? ''),
        url: get('url') ?? null,
        slug: get('slug')?.trim() || null,
        ...(get('translationGroup')?.trim() && { translationGroup: get('translationGroup')!.trim() }),
        ...(get('files')?.trim() && { files: get('files')!.trim() }),
      },
    };
  });
  return { format: 'csv', records, problems: [], notes: [] };
}
