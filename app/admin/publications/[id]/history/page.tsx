import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/authorize';
import { getPublicationHistory, getPublicationLabel, type HistoryEntry } from '@/lib/data/admin-publications';
import { parsePublicationId } from '@/lib/publications/admin-id';
import { displayValue, SNAPSHOT_LABELS } from '@/lib/publications/snapshot';

export const metadata: Metadata = { title: 'Publication history' };

const ACTIONS: Record<string, string> = { create: 'Created', update: 'Changed', delete: 'Deleted' };
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
const fieldLabel = (field: string) => (SNAPSHOT_LABELS as Record<string, string>)[field] ?? field;

function isChange(value: unknown): value is { before: unknown; after: unknown } {
  return !!value && typeof value === 'object' && 'before' in value && 'after' in value;
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const fields = Object.entries(entry.changes);
  if (fields.length === 0) return <p className="text-sm text-slate-600">No field changed.</p>;
  // Updates keep { field: { before, after } }; creates and deletes keep the whole record.
  const update = entry.action === 'update';
  return (
    <table className="w-full table-fixed text-left text-sm">
      <caption className="sr-only">{update ? 'Fields changed, before and after' : 'The record'}</caption>
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="w-32 py-1 pr-3 font-medium">Field</th>
          {update ? (
            <>
              <th scope="col" className="py-1 pr-3 font-medium">Before</th>
              <th scope="col" className="py-1 font-medium">After</th>
            </>
          ) : (
            <th scope="col" className="py-1 font-medium">Value</th>
          )}
        </tr>
      </thead>
      <tbody>
        {fields.map(([field, value]) => (
          <tr key={field} className="border-t border-slate-100 align-top">
            <th scope="row" className="py-1 pr-3 font-medium">{fieldLabel(field)}</th>
            {update && isChange(value) ? (
              <>
                <td className="py-1 pr-3 whitespace-pre-line text-red-800"><del className="no-underline">{displayValue(value.before)}</del></td>
                <td className="py-1 whitespace-pre-line text-green-800"><ins className="no-underline">{displayValue(value.after)}</ins></td>
              </>
            ) : (
              <td className="py-1 whitespace-pre-line">{displayValue(value)}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function PublicationHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: segment } = await params;
  await requirePageUser('editor', `/admin/publications/${segment}/history`);
  const id = parsePublicationId(segment);
  if (id === null) notFound();
  const [label, entries] = await Promise.all([getPublicationLabel(id), getPublicationHistory(id)]);
  if (!label) notFound();

  return (
    <main className="max-w-4xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        {label.exists ? (
          <Link href={`/admin/publications/${id}/edit`} className="text-brand-700 underline">
            ← Back to editing
          </Link>
        ) : (
          <Link href="/admin" className="text-brand-700 underline">
            ← Publications
          </Link>
        )}
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">History</h1>
      <p className="mt-1 text-slate-700">
        {label.title}
        {!label.exists && <span className="ml-2 rounded bg-slate-200 px-1.5 text-sm">deleted</span>}
      </p>
      {entries.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">No change has been recorded for this publication yet (it was loaded with the sample data or an import).</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {entries.map((entry) => (
            <li key={entry.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-sm">
                <span className="font-semibold">{ACTIONS[entry.action] ?? entry.action}</span> by {entry.userName ?? 'the system'} ·{' '}
                <time dateTime={entry.at.toISOString()}>{dateFormat.format(entry.at)} UTC</time>
              </h2>
              <div className="mt-2">
                <Changes entry={entry} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
