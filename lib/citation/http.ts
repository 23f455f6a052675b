import { z } from 'zod';
import { escapeHtml } from '@/lib/search/highlight';
import { toCsl, type CitablePublication, type CslItem } from './csl';
import { formatReferences, toBibtex, toRis } from './format';
import { CITATION_STYLES, STYLE_LABELS, type CitationStyle } from './styles';

/**
 * Citation downloads over HTTP: one publication (/publications/<slug>/cite.bib, cite.ris, cite.json,
 * cite?style=…) and whole result sets (/api/publications.bib, .ris, .csl.json, .html?style=…).
 */

export const CITATION_FORMATS = ['bib', 'ris', 'csl.json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export const CITATION_CONTENT_TYPES: Record<CitationFormat, string> = {
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  'csl.json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
};

const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** `style` from the query string: apa (the default), chicago or harvard. */
export const CitationStyleSchema = z.enum(CITATION_STYLES, {
  error: `Unknown citation style: use one of ${CITATION_STYLES.join(', ')}`,
});

export const CiteQuerySchema = z.object({ style: CitationStyleSchema.default('apa') });

/** The style asked for, or a 400 response saying what is allowed. */
export function parseStyle(search: URLSearchParams): { style: CitationStyle } | { response: Response } {
  const parsed = CiteQuerySchema.safeParse({ style: search.get('style') ?? undefined });
  if (parsed.success) return { style: parsed.data.style };
  const message = z.flattenError(parsed.error).fieldErrors.style?.[0] ?? 'Invalid query';
  return { response: new Response(`${message}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }) };
}

/** A small complete HTML document around references formatted by citeproc-js (which escapes the data). */
function htmlHead(title: string): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<main>\n<h1>${escapeHtml(title)}</h1>\n<div class="csl-bib-body">\n`;
}
const HTML_TAIL = '</div>\n</main>\n</body>\n</html>\n';

/** One formatted reference as an HTML page. */
export function referencePage(item: CslItem, style: CitationStyle, { heading }: { heading: string }): string {
  return `${htmlHead(`${heading} — ${STYLE_LABELS[style]}`)}${formatReferences([item], style, 'html').join('\n')}\n${HTML_TAIL}`;
}

function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}

/** One publication's citation as a download named after its slug. */
export function recordCitationResponse(publication: CitablePublication, format: CitationFormat, origin: string): Response {
  const item = toCsl(publication, { origin });
  const body = format === 'bib' ? toBibtex([item]) : format === 'ris' ? toRis([item]) : `${JSON.stringify([item], null, 2)}\n`;
  const extension = format === 'csl.json' ? 'json' : format;
  return new Response(body, {
    headers: {
      'Content-Type': CITATION_CONTENT_TYPES[format],
      'Content-Disposition': attachment(`${publication.slug}.${extension}`),
    },
  });
}

type Output = CitationFormat | { style: CitationStyle };

// citeproc is synchronous and slow (1–3 ms a reference here): a batch of 500 would hold the server's one
// thread for over a second. A few at a time, with other requests served in between.
const FORMAT_TURN = 25;

async function formatInTurns(items: CslItem[], style: CitationStyle): Promise<string> {
  let html = '';
  for (let start = 0; start < items.length; start += FORMAT_TURN) {
    html += `${formatReferences(items.slice(start, start + FORMAT_TURN), style, 'html').join('\n')}\n`;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return html;
}

/**
 * A result set's citations as a byte stream, a batch at a time (lib/data/catalogue.ts
 * listAllPublications): BibTeX and RIS entries, a CSL-JSON array with one item a line, or an HTML page
 * of formatted references in the catalogue's order.
 */
export function citationStream(
  output: Output,
  batches: AsyncIterable<CitablePublication[]>,
  { origin }: { origin: string },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const head = output === 'csl.json' ? '[' : typeof output === 'object' ? htmlHead(`Publications — ${STYLE_LABELS[output.style]}`) : '';
  let pending = head;
  let count = 0;
  return new ReadableStream<Uint8Array>({
    // Each pull enqueues something (or closes): a pull that enqueued nothing would not be repeated.
    async pull(controller) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          if (output === 'csl.json') pending += count === 0 ? ']\n' : '\n]\n';
          else if (typeof output === 'object') pending += HTML_TAIL;
          if (pending) controller.enqueue(encoder.encode(pending));
          controller.close();
          return;
        }
        const items = next.value.map((p) => toCsl(p, { origin }));
        if (items.length === 0) continue;
        if (output === 'bib') pending += toBibtex(items);
        else if (output === 'ris') pending += (count > 0 ? '\r\n' : '') + toRis(items);
        else if (output === 'csl.json') pending += items.map((item, i) => `${count + i === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`).join('');
        else pending += await formatInTurns(items, output.style);
        count += items.length;
        controller.enqueue(encoder.encode(pending));
        pending = '';
        return;
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The HTTP response for a result set's citations: streamed; the files as downloads named after the date. */
export function citationSetResponse(output: Output, batches: AsyncIterable<CitablePublication[]>, origin: string): Response {
  const date = new Date().toISOString().slice(0, 10);
  const headers: Record<string, string> =
    typeof output === 'object'
      ? { 'Content-Type': HTML_CONTENT_TYPE }
      : { 'Content-Type': CITATION_CONTENT_TYPES[output], 'Content-Disposition': attachment(`publications-${date}.${output}`) };
  return new Response(citationStream(output, batches, { origin }), { headers: { ...headers, 'Cache-Control': 'no-store' } });
}

export { HTML_CONTENT_TYPE };
