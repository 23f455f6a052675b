import type { PublicationDetail } from '@/lib/data/catalogue';
import { CSV_HEADER, csvRow, jsonItem, toExportRecord } from './records';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * The export as a byte stream, pulled a batch at a time from `batches` (lib/data/catalogue.ts
 * listAllPublications): memory stays flat however large the result set. CSV starts with a UTF-8 byte
 * order mark so that spreadsheets read the accents right; the import skips it.
 */
export function exportStream(
  format: ExportFormat,
  batches: AsyncIterable<PublicationDetail[]>,
  { onRecords }: { onRecords?: (count: number) => void } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  let first = true;
  let count = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format === 'csv' ? `\uFEFF${CSV_HEADER}` : '['));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        if (format === 'json') controller.enqueue(encoder.encode(first ? ']\n' : '\n]\n'));
        controller.close();
        return;
      }
      let chunk = '';
      for (const publication of next.value) {
        const record = toExportRecord(publication);
        chunk += format === 'csv' ? csvRow(record) : jsonItem(record, first);
        first = false;
      }
      count += next.value.length;
      onRecords?.(count);
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The HTTP response for an export: streamed, offered as a download named after the format and the date. */
export function exportResponse(format: ExportFormat, batches: AsyncIterable<PublicationDetail[]>): Response {
  const date = new Date().toISOString().slice(0, 10);
  return new Response(exportStream(format, batches), {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="publications-${date}.${format}"`,
      'Cache-Control': 'no-store',
    },
  });
}
