import type { PrismaClient } from '@/lib/prisma-client';
import { applyImport } from './apply';
import { MAX_IMPORT_BYTES } from './decode';
import { readImportFiles } from './files';
import { makePlan, type Plan } from './plan';
import { readImportFile } from './read';
import type { ImportFormat, ImportReport, ImportTotals, RecordReport } from './types';

/**
 * The import, as the CLI (scripts/import.ts) and the admin upload page call it: the file's bytes (or text)
 * and options in, a typed report out; bad input is reported, never thrown. Without `apply` it is a dry run
 * that writes nothing. With `apply`, everything is written in one transaction or nothing is (apply.ts).
 *
 *   read.ts     bytes → records (decode, detect the format, parse: formats/listing, formats/csv, formats/json)
 *   plan.ts     records → normalized (lib/normalize) → matched against the catalogue: create/update/unchanged/rejected
 *   apply.ts    the plan, made again and written inside one transaction
 */

export type { FileProblem, ImportFormat, ImportReport, ImportTotals, RecordReport } from './types';
export { IMPORT_FORMATS } from './types';
export { MAX_IMPORT_BYTES } from './decode';

export type ImportProgress = { phase: 'normalize' | 'plan' | 'apply'; done: number; total: number };

export type ImportOptions = {
  /** Detected from the content when not given. */
  format?: ImportFormat;
  fileName?: string | null;
  apply?: boolean;
  /** Status of the publications the import creates (updates keep theirs). Default: published. */
  status?: 'draft' | 'published';
  maxBytes?: number;
  /** The fingerprint of the dry run the user saw: the apply aborts if the plan is no longer the same. */
  expectFingerprint?: string | null;
  onProgress?: (progress: ImportProgress) => void;
  /** The folder the records' files are read from (lib/import/files.ts); none: records naming files are rejected. */
  filesDir?: string | null;
  /** Apply the records that can be applied, leaving the rejected ones out (still one transaction). */
  skipRejected?: boolean;
};

function totalsOf(plan: Plan | null): ImportTotals {
  const records = plan?.records ?? [];
  const count = (action: string) => records.filter((r) => r.action === action).length;
  return {
    records: records.length,
    create: count('create'),
    update: count('update'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    changes: records.reduce((n, r) => n + r.changes.length, 0),
    unresolved: records.reduce((n, r) => n + r.unresolved.length, 0),
    review: records.reduce((n, r) => n + r.review.length, 0),
    files: records.reduce((n, r) => n + (r.action === 'rejected' ? 0 : r.files.filter((f) => f.action === 'attach').length), 0),
  };
}

/** The report carries what was planned, not the write itself. */
function withoutInput(record: Plan['records'][number]): RecordReport {
  const copy: Partial<Plan['records'][number]> = { ...record };
  delete copy.input;
  return copy as RecordReport;
}

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

export async function runImport(db: PrismaClient, input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportReport> {
  const status = options.status ?? 'published';
  const onProgress = options.onProgress && ((phase: ImportProgress['phase'], done: number, total: number) => options.onProgress!({ phase, done, total }));
  const started = performance.now();
  const { parsed, problems, bytes } = readImportFile(input, { format: options.format, maxBytes: options.maxBytes ?? MAX_IMPORT_BYTES });
  const readMs = performance.now() - started;
  const report = (plan: Plan | null, mode: ImportReport['mode'], message: string, timings: Partial<ImportReport['timings']> = {}): ImportReport => ({
    file: { name: options.fileName ?? null, bytes, format: parsed?.format ?? options.format ?? null },
    mode,
    status,
    problems,
    notes: parsed?.notes ?? [],
    totals: totalsOf(plan),
    records: (plan?.records ?? []).map(withoutInput),
    fingerprint: plan?.fingerprint ?? null,
    timings: { readMs, normalizeMs: 0, planMs: 0, applyMs: null, ...timings },
    message,
  });

  if (!parsed || parsed.records.length === 0) {
    return report(null, options.apply ? 'aborted' : 'dry-run', 'Nothing can be imported from this file.');
  }

  const files = await readImportFiles(parsed.records, options.filesDir ?? null);
  if (!options.apply) {
    const planStarted = performance.now();
    const { plan, normalizeMs } = await makePlan(db, parsed.records, { status, onProgress, files });
    const totals = totalsOf(plan);
    const blocked =
      problems.length > 0
        ? ' The file has problems (above): it cannot be applied as it is.'
        : totals.rejected > 0
          ? ` ${plural(totals.rejected, 'record')} rejected: the file cannot be applied as it is until ${totals.rejected === 1 ? 'it is' : 'they are'} fixed, or only without ${totals.rejected === 1 ? 'it' : 'them'} when you say so.`
          : '';
    return report(
      plan,
      'dry-run',
      `Dry run, nothing written: ${plural(totals.create, 'record')} to create, ${count(totals.update)} to update, ${count(totals.unchanged)} unchanged, ${count(totals.rejected)} rejected${totals.files > 0 ? `; ${plural(totals.files, 'file')} to attach (text extracted when applied)` : ''}.${blocked}`,
      { normalizeMs, planMs: performance.now() - planStarted - normalizeMs },
    );
  }

  const applyStarted = performance.now();
  const outcome = await applyImport(db, parsed.records, {
    status,
    expectFingerprint: options.expectFingerprint,
    fileProblems: problems.length,
    onProgress,
    files,
    skipRejected: options.skipRejected,
  });
  const timings = { normalizeMs: outcome.normalizeMs, planMs: outcome.planMs };
  if (!outcome.applied) return report(outcome.plan, 'aborted', outcome.reason, timings);
  const totals = totalsOf(outcome.plan);
  return report(
    outcome.plan,
    'applied',
    `Applied in one transaction: ${plural(totals.create, 'publication')} created, ${count(totals.update)} updated, ${count(totals.unchanged)} unchanged${totals.files > 0 ? `, ${plural(totals.files, 'file')} attached` : ''}${totals.rejected > 0 ? `; ${plural(totals.rejected, 'rejected record')} left out` : ''}.`,
    { ...timings, applyMs: performance.now() - applyStarted - outcome.normalizeMs - outcome.planMs },
  );
}
