import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileKind } from './detect';
import { runLimited, type Limits } from './run-limited';

/**
 * A file's text and cover, from tools run in their own processes with limits (lib/files/run-limited.ts):
 * PDF through Debian's poppler-utils (pdfinfo, pdftotext, pdftoppm: the extractor EPrints uses, and a
 * renderer), Word documents through mammoth (scripts/extract-docx.mjs). A file they cannot read is still
 * stored, with a status saying why it has no text; nothing here throws for a bad file.
 */

export const TEXT_STATUSES = ['ok', 'no-text', 'encrypted', 'damaged', 'too-big', 'failed'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

/** What readers and editors are told of each status. */
export const TEXT_STATUS_NOTICES: Record<TextStatus, string> = {
  ok: 'Text extracted: the document is searchable.',
  'no-text': 'The document has no text layer (a scan?): it is stored, but its content is not searchable.',
  encrypted: 'The PDF is encrypted: it is stored, but its text could not be read, so its content is not searchable.',
  damaged: 'The file is damaged: it is stored, but its text could not be read, so its content is not searchable.',
  'too-big': 'The document unpacks to more than the extraction limit: it is stored, but its content is not searchable.',
  failed: 'Text extraction did not finish within its limits: the file is stored, but its content is not searchable.',
};

export type Extraction = {
  status: TextStatus;
  /** Pages separated by form feeds (PDF); one piece for other kinds. "" unless status is ok. */
  text: string;
  pageCount: number | null;
  /** A PNG of the first page, or null. */
  cover: Buffer | null;
  /** The tool's own words when it failed, for the log. */
  detail?: string;
};

export type ExtractionLimits = { timeoutMs: number; memoryBytes: number };

/** Text beyond this is cut: a 2,000-page report is some 8 MB of text, far past what search needs of it. */
export const MAX_TEXT_BYTES = 16 << 20;
/** How far a Word document may unpack (its XML) before it counts as a zip bomb. */
const MAX_DOCX_INFLATED = 256 << 20;
const COVER_WIDTH = 360;

// PostgreSQL text cannot hold NUL; some PDFs' text layers have them, and stray control characters.
 
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, ' ').replace(/\r\n?/g, '\n');
const hasText = (text: string) => /[\p{L}\p{N}]/u.test(text);

export async function extractFile(bytes: Buffer, kind: FileKind, limits: ExtractionLimits): Promise<Extraction> {
  if (kind === 'text') {
    const text = clean(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
    return hasText(text) ? { status: 'ok', text: cut(text), pageCount: null, cover: null } : { status: 'no-text', text: '', pageCount: null, cover: null };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'catalogue-file-'));
  try {
    const input = path.join(dir, kind === 'pdf' ? 'input.pdf' : 'input.docx');
    await writeFile(input, bytes);
    return kind === 'pdf' ? await extractPdf(input, dir, limits) : await extractDocx(input, limits);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function cut(text: string): string {
  if (Buffer.byteLength(text) <= MAX_TEXT_BYTES) return text;
  return Buffer.from(text).subarray(0, MAX_TEXT_BYTES).toString('utf8').replace(/\uFFFD$/, '');
}

const toolLimits = (limits: ExtractionLimits, maxOutputBytes: number): Limits => ({ ...limits, maxOutputBytes });

async function extractPdf(input: string, dir: string, limits: ExtractionLimits): Promise<Extraction> {
  const info = await runLimited('pdfinfo', [input], toolLimits(limits, 1 << 20));
  const infoText = info.stdout.toString('utf8');
  if (info.stopped) return { status: 'failed', text: '', pageCount: null, cover: null, detail: `pdfinfo stopped (${info.stopped})` };
  if (info.code !== 0) {
    const encrypted = /password/i.test(info.stderr);
    return { status: encrypted ? 'encrypted' : 'damaged', text: '', pageCount: null, cover: null, detail: info.stderr.trim() };
  }
  const pages = Number(/^Pages:\s+(\d+)/m.exec(infoText)?.[1] ?? NaN);
  const pageCount = Number.isFinite(pages) ? pages : null;

  const [text, cover] = await Promise.all([
    runLimited('pdftotext', ['-enc', 'UTF-8', '-eol', 'unix', input, '-'], toolLimits(limits, MAX_TEXT_BYTES + 1)),
    runLimited('pdftoppm', ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(COVER_WIDTH), '-scale-to-y', '-1', input, path.join(dir, 'cover')], toolLimits(limits, 1 << 16)),
  ]);
  const coverBytes = cover.code === 0 && !cover.stopped ? await readFile(path.join(dir, 'cover.png')).catch(() => null) : null;
  const base = { pageCount, cover: coverBytes };
  if (text.stopped === 'time') return { ...base, status: 'failed', text: '', detail: 'pdftotext ran out of time' };
  if (text.code !== 0 && text.stopped !== 'output') {
    return { ...base, status: /password/i.test(text.stderr) ? 'encrypted' : 'damaged', text: '', detail: text.stderr.trim() };
  }
  // pdftotext ends every page with a form feed: the last one closes the last page, it does not open another.
  const extracted = clean(text.stdout.toString('utf8').replace(/\f$/, '').replace(/\uFFFD$/, ''));
  if (!hasText(extracted)) return { ...base, status: 'no-text', text: '' };
  return { ...base, status: 'ok', text: cut(extracted) };
}

async function extractDocx(input: string, limits: ExtractionLimits): Promise<Extraction> {
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), 'scripts/extract-docx.mjs');
  // V8 reserves far more address space than it uses: the process gets twice the limit, its heap the limit.
  const heapMb = Math.max(64, Math.floor(limits.memoryBytes / (1 << 20)));
  const outcome = await runLimited(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, script, input, String(MAX_DOCX_INFLATED)],
    { timeoutMs: limits.timeoutMs, memoryBytes: Math.max(limits.memoryBytes * 2, 2 * 1024 ** 3), maxOutputBytes: MAX_TEXT_BYTES + 1 },
  );
  const none = { text: '', pageCount: null, cover: null, detail: outcome.stderr.trim() };
  if (outcome.stopped === 'time') return { ...none, status: 'failed' };
  if (outcome.code === 3) return { ...none, status: 'too-big' };
  if (outcome.code !== 0 && outcome.stopped !== 'output') return { ...none, status: outcome.code === 2 ? 'damaged' : 'failed' };
  const text = clean(outcome.stdout.toString('utf8').replace(/\uFFFD$/, ''));
  return hasText(text) ? { status: 'ok', text: cut(text), pageCount: null, cover: null } : { ...none, status: 'no-text' };
}
