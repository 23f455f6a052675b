import { formatValue, readChanges } from '@/lib/history/changes';

// Fields whose names do not read as words ("Name fr").
const FIELD_LABELS: Record<string, string> = { nameFr: 'French name', nameEs: 'Spanish name' };

/** "publicationsMoved" → "Publications moved". */
function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An audit entry's fields, before → after. */
export function HistoryChanges({ action, changes }: { action: string; changes: string }) {
  const rows = readChanges(action, changes);
  if (rows.length === 0) return <p className="text-sm text-slate-500">No field details recorded.</p>;
  return (
    <table className="w-full table-fixed text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th scope="col" className="w-40 py-1 pr-3">Field</th>
          <th scope="col" className="py-1 pr-3">Before</th>
          <th scope="col" className="w-6 py-1" aria-hidden="true" />
          <th scope="col" className="py-1">After</th>
        </tr>
      </thead>
      <tbody className="align-top">
        {rows.map((row) => (
          <tr key={row.field} className="border-t border-slate-100">
            <th scope="row" className="py-1 pr-3 font-medium">
              {fieldLabel(row.field)}
            </th>
            <td className="whitespace-pre-wrap break-words py-1 pr-3 text-slate-700">
              {row.before === null ? <span className="text-slate-400">—</span> : <del className="no-underline">{formatValue(row.before)}</del>}
            </td>
            <td className="py-1 text-slate-400" aria-hidden="true">
              →
            </td>
            <td className="whitespace-pre-wrap break-words py-1">
              {row.after === null ? <span className="text-slate-400">—</span> : <ins className="no-underline">{formatValue(row.after)}</ins>}
              {(row.added?.length || row.removed?.length) ? (
                <p className="mt-1 text-xs text-slate-600">
                  {row.added && row.added.length > 0 && <span className="text-green-800">Added: {row.added.join('; ')}. </span>}
                  {row.removed && row.removed.length > 0 && <span className="text-red-800">Removed: {row.removed.join('; ')}.</span>}
                </p>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
