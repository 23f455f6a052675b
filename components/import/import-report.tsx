import type { ReactNode } from 'react';
import { recordList, summarizeFindings, type FindingGroup } from '@/lib/import/findings-summary';
import type { ImportReport as Report, RecordReport } from '@/lib/import/types';

/**
 * An import report (lib/import runImport) as the admin upload page shows it, for the preview and after the
 * apply. A server component: no JavaScript, the long lists fold away in <details>. Long files show the
 * first `limit` records of each kind; the findings are grouped, each with the records it occurs in.
 */

const ACTION_TITLES = {
  'dry-run': { create: 'To create', update: 'To update', unchanged: 'Unchanged', rejected: 'Rejected' },
  applied: { create: 'Created', update: 'Updated', unchanged: 'Unchanged', rejected: 'Rejected' },
  aborted: { create: 'Would be created', update: 'Would be updated', unchanged: 'Unchanged', rejected: 'Rejected' },
} as const;

function RecordRef({ record }: { record: Pick<RecordReport, 'index' | 'line'> }) {
  return (
    <span className="font-mono text-xs text-slate-500">
      #{record.index}
      {record.line !== null && ` · line ${record.line}`}
    </span>
  );
}

function RecordSection({ title, records, limit, open, children }: { title: string; records: RecordReport[]; limit: number; open?: boolean; children: (r: RecordReport) => ReactNode }) {
  const headingId = `import-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-2" open={open && records.length > 0}>
      <summary className="cursor-pointer font-semibold" id={headingId}>
        {title} ({records.length.toLocaleString('en')})
      </summary>
      {records.length > 0 && (
        <ol className="mt-2 space-y-2 text-sm" aria-labelledby={headingId}>
          {records.slice(0, limit).map((r) => (
            <li key={r.index}>{children(r)}</li>
          ))}
        </ol>
      )}
      {records.length > limit && (
        <p className="mt-2 text-sm text-slate-600">… and {(records.length - limit).toLocaleString('en')} more.</p>
      )}
    </details>
  );
}

function Findings({ title, groups, count, tone }: { title: string; groups: FindingGroup[]; count: number; tone: 'info' | 'warn' }) {
  const headingId = `import-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <h3 id={headingId} className="font-semibold">
        {title} ({count.toLocaleString('en')})
      </h3>
      {groups.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">None.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {groups.map((g) => (
            <li key={`${g.field}|${g.text}|${g.detail}`} className={tone === 'warn' ? 'border-l-4 border-amber-400 pl-2' : 'border-l-4 border-slate-200 pl-2'}>
              <span className="font-medium">{g.field}</span>: <span className="break-words">{g.text}</span>
              <span className="block text-slate-600">{g.detail}</span>
              <span className="block text-xs text-slate-500">in {recordList(g.records)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ImportReport({ report, limit = 500 }: { report: Report; limit?: number }) {
  const { totals } = report;
  const titles = ACTION_TITLES[report.mode];
  const of = (action: RecordReport['action']) => report.records.filter((r) => r.action === action);
  const findings = summarizeFindings(report);
  const blocked = report.problems.length > 0 || totals.rejected > 0;

  return (
    <div className="space-y-4">
      <section aria-labelledby="import-summary" className="rounded-lg border border-slate-200 bg-white px-4 py-3">
        <h2 id="import-summary" className="text-lg font-semibold">
          {report.mode === 'applied' ? 'Import applied' : report.mode === 'aborted' ? 'Import not applied' : 'Import preview'}
        </h2>
        <p className="mt-1" role={blocked || report.mode === 'aborted' ? 'alert' : 'status'}>
          {report.message}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          {(
            [
              [titles.create, totals.create],
              [titles.update, totals.update],
              [titles.unchanged, totals.unchanged],
              [titles.rejected, totals.rejected],
              ['Normalizations', totals.changes],
              ['Unresolved values', totals.unresolved],
              ['To review', totals.review],
              ['Records in the file', totals.records],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="flex justify-between gap-2 border-b border-slate-100">
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-medium tabular-nums">{value.toLocaleString('en')}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-xs text-slate-500">
          {report.file.name ?? 'Uploaded file'} · {report.file.format ?? 'format unknown'} · {(report.file.bytes / 1024).toFixed(1)} kB
          {report.mode !== 'applied' && report.status === 'draft' && ' · new publications will be drafts'}
        </p>
      </section>

      {report.problems.length > 0 && (
        <section aria-labelledby="import-problems" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3">
          <h3 id="import-problems" className="font-semibold text-red-900">
            Problems with the file
          </h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-red-900">
            {report.problems.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </ul>
        </section>
      )}

      {report.notes.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white px-4 py-2">
          <summary className="cursor-pointer font-semibold">Notes ({report.notes.length})</summary>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}

      <RecordSection title={titles.rejected} records={of('rejected')} limit={limit} open>
        {(r) => (
          <>
            <RecordRef record={r} /> <span className="font-medium">{r.title}</span>
            <ul className="list-disc pl-5 text-red-800">
              {r.errors.map((e) => (
                <li key={`${e.field}|${e.message}`}>
                  <span className="font-medium">{e.field}</span>: {e.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </RecordSection>
      <RecordSection title={titles.create} records={of('create')} limit={limit}>
        {(r) => (
          <>
            <RecordRef record={r} /> {r.title} <span className="text-slate-500">→ /publications/{r.slug}</span>
            {r.translations.length > 0 && <span className="block text-xs text-slate-600">Translation of: {r.translations.join(', ')}</span>}
          </>
        )}
      </RecordSection>
      <RecordSection title={titles.update} records={of('update')} limit={limit}>
        {(r) => (
          <>
            <RecordRef record={r} /> {r.title} <span className="text-slate-500">(matched on {r.match})</span>
            <table className="mt-1 w-full table-fixed text-xs">
              <thead className="sr-only">
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Now</th>
                  <th scope="col">After the import</th>
                </tr>
              </thead>
              <tbody>
                {r.diff.map((d) => (
                  <tr key={d.field} className="align-top">
                    <th scope="row" className="w-24 text-left font-medium">
                      {d.field}
                    </th>
                    <td className="break-words pr-2 text-slate-500 line-through">{d.before}</td>
                    <td className="break-words">{d.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </RecordSection>
      <RecordSection title={titles.unchanged} records={of('unchanged')} limit={limit}>
        {(r) => (
          <>
            <RecordRef record={r} /> {r.title}
          </>
        )}
      </RecordSection>

      <Findings title="Unresolved values, left out" groups={findings.unresolved} count={totals.unresolved} tone="warn" />
      <Findings title="To review, kept as given" groups={findings.review} count={totals.review} tone="warn" />
      <Findings title="Normalizations" groups={findings.changes} count={totals.changes} tone="info" />
    </div>
  );
}
