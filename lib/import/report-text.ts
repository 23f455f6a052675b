import { recordList, summarizeFindings } from './findings-summary';
import type { ImportReport, RecordReport } from './types';

/** The import report as plain text, for the terminal. */

const clip = (text: string, length: number) => (text.length <= length ? text : `${text.slice(0, length - 1)}…`);
const ref = (r: Pick<RecordReport, 'index' | 'line'>) => `#${r.index}${r.line !== null ? ` (line ${r.line})` : ''}`;

function kilobytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatReport(report: ImportReport, { limit = 200 }: { limit?: number } = {}): string {
  const out: string[] = [];
  const { file, totals } = report;
  const mode = { 'dry-run': 'dry run', applied: 'applied', aborted: 'not applied' }[report.mode];
  out.push(`Import of ${file.name ?? 'the file'} (${file.format ?? 'unknown format'}, ${kilobytes(file.bytes)}) — ${mode}`);
  out.push('');
  out.push(report.message);

  if (report.problems.length > 0) {
    out.push('', 'Problems with the file');
    for (const p of report.problems) out.push(`  ${p.message}`);
  }
  if (report.notes.length > 0) {
    out.push('', 'Notes');
    for (const note of report.notes) out.push(`  ${note}`);
  }

  const section = (title: string, action: RecordReport['action'], line: (r: RecordReport) => string[]) => {
    const rows = report.records.filter((r) => r.action === action);
    out.push('', `${title} (${rows.length.toLocaleString('en')})`);
    for (const r of rows.slice(0, limit)) out.push(...line(r));
    if (rows.length > limit) out.push(`  … and ${(rows.length - limit).toLocaleString('en')} more (--full lists them all, --json gives everything)`);
  };
  const verb = report.mode === 'applied' ? { create: 'Created', update: 'Updated' } : { create: 'To create', update: 'To update' };
  const files = (r: RecordReport) =>
    r.files.map((f) => `      file: ${f.path} (${kilobytes(f.size)}${f.label ? `, “${clip(f.label, 60)}”` : ''}${f.language ? `, ${f.language}` : ''})${f.action === 'unchanged' ? ' already attached' : ''}`);
  section(verb.create, 'create', (r) => [
    `  ${ref(r)}  ${clip(r.title, 90)}  → /publications/${r.slug}`,
    ...(r.translations.length > 0 ? [`      translation of: ${r.translations.join(', ')}`] : []),
    ...files(r),
  ]);
  section(verb.update, 'update', (r) => [
    `  ${ref(r)}  ${clip(r.title, 90)}  (/publications/${r.slug}, matched on ${r.match})`,
    ...r.diff.filter((d) => d.field !== 'files').map((d) => `      ${d.field}: ${clip(d.before, 70)}  →  ${clip(d.after, 70)}`),
    ...files(r),
  ]);
  section('Unchanged', 'unchanged', (r) => [`  ${ref(r)}  ${clip(r.title, 90)}  (/publications/${r.slug})`]);
  section('Rejected', 'rejected', (r) => [`  ${ref(r)}  ${clip(r.title, 90)}`, ...r.errors.map((e) => `      ${e.field}: ${e.message}`)]);

  const findings = summarizeFindings(report);
  const list = (title: string, count: number, groups: typeof findings.changes) => {
    out.push('', `${title} (${count.toLocaleString('en')})`);
    for (const g of groups) out.push(`  ${g.field}: ${clip(g.text, 200)}  (${g.detail})`, `      in ${recordList(g.records)}`);
  };
  list('Normalizations', totals.changes, findings.changes);
  list('Unresolved values, left out', totals.unresolved, findings.unresolved);
  list('To review, kept as given', totals.review, findings.review);

  const t = report.timings;
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  out.push('', `Time: read ${ms(t.readMs)}, normalize ${ms(t.normalizeMs)}, plan ${ms(t.planMs)}${t.applyMs !== null ? `, write ${ms(t.applyMs)}` : ''}.`);
  if (report.fingerprint) out.push(`Plan fingerprint: ${report.fingerprint}`);
  return out.join('\n');
}
