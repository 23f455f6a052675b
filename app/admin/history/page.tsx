import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/authorize';
import { listHistory, listHistoryFilters, type HistoryEntry, type HistoryFilterValue } from '@/lib/data/history';
import { historyHref, parseHistoryParams, type HistoryParams } from '@/lib/history/params';
import { HistoryChanges } from '@/components/admin/history-changes';
import { PageLinks } from '@/components/ui/page-links';

export const metadata: Metadata = { title: 'History' };

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

function FilterLinks({
  title,
  values,
  selected,
  hrefFor,
}: {
  title: string;
  values: HistoryFilterValue[];
  selected: string | null;
  hrefFor: (value: string | null) => string;
}) {
  const item = (label: string, href: string, current: boolean, count?: number) => (
    <li key={label + href}>
      <Link
        href={href}
        aria-current={current ? 'true' : undefined}
        className={`inline-flex items-baseline gap-1 rounded-full border px-3 py-0.5 text-sm ${
          current ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-brand-700 hover:bg-brand-50'
        }`}
      >
        {label}
        {count !== undefined && <span className={current ? 'text-brand-50' : 'text-slate-500'}>{count}</span>}
      </Link>
    </li>
  );
  return (
    <div>
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
      <ul className="mt-1 flex flex-wrap gap-1">
        {item('All', hrefFor(null), selected === null)}
        {values.map((v) => item(v.label, hrefFor(v.value), selected === v.value, v.count))}
      </ul>
    </div>
  );
}

/** Where an entry's record is managed, while it exists. */
function recordHref(entry: HistoryEntry): string | null {
  if (entry.action === 'delete' || entry.action === 'merge') return null;
  const id = /^\d+$/.test(entry.entityId) ? entry.entityId : null;
  if (!id) return null;
  switch (entry.entity) {
    case 'publication':
      return `/admin/publications/${id}/history`;
    case 'category':
      return `/admin/taxonomy/categories/${id}`;
    case 'region':
      return `/admin/taxonomy/regions/${id}`;
    case 'author':
      return `/admin/taxonomy/authors/${id}`;
    case 'user':
      return '/admin/users';
    default:
      return null;
  }
}

function Entry({ entry, params }: { entry: HistoryEntry; params: HistoryParams }) {
  const href = recordHref(entry);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <article aria-labelledby={`entry-${entry.id}`}>
        <header className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 id={`entry-${entry.id}`} className="font-medium">
            <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs uppercase tracking-wide text-slate-700">
              {entry.action}
            </span>
            <span className="text-slate-600">{entry.entity}</span>{' '}
            {href ? (
              <Link href={href} className="text-brand-700 hover:underline">
                {entry.label}
              </Link>
            ) : (
              entry.label
            )}
          </h3>
          <p className="text-sm text-slate-600">
            <time dateTime={entry.at.toISOString()}>{timeFormat.format(entry.at)} UTC</time> · {entry.userName ?? 'system'}
            {' · '}
            <Link
              href={historyHref(params, { entity: entry.entity, entityId: entry.entityId, action: null, user: null })}
              className="text-brand-700 underline"
            >
              All changes to this {entry.entity}
            </Link>
          </p>
        </header>
        <div className="mt-2">
          <HistoryChanges action={entry.action} changes={entry.changes} />
        </div>
      </article>
    </li>
  );
}

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('admin', '/admin/history');
  const filters = await listHistoryFilters();
  const requested = parseHistoryParams(await searchParams, filters.vocabulary);
  const { items, total, page, pageCount } = await listHistory(requested);
  const params = { ...requested, page };
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">History</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          Every create, update, delete and merge, newest first: who made it, when, and each field before → after.
        </p>
      </div>

      <section aria-labelledby="filters-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="filters-heading" className="sr-only">
          Filters
        </h2>
        <FilterLinks title="Entity" values={filters.entities} selected={params.entity}
          hrefFor={(entity) => historyHref(params, { entity, entityId: null })} />
        <FilterLinks title="Action" values={filters.actions} selected={params.action}
          hrefFor={(action) => historyHref(params, { action })} />
        <FilterLinks title="User" values={filters.users} selected={params.user === null ? null : String(params.user)}
          hrefFor={(user) => historyHref(params, { user: user === null ? null : Number(user) })} />
        {params.entityId && (
          <p className="text-sm">
            Only {params.entity} {params.entityId}.{' '}
            <Link href={historyHref(params, { entityId: null })} className="text-brand-700 underline">
              Show every {params.entity}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="entries-heading" className="space-y-4">
        <h2 id="entries-heading" className="text-lg font-semibold">
          {total === 0
            ? 'No changes recorded'
            : `${total} change${total === 1 ? '' : 's'}${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}`}
        </h2>
        <ol className="space-y-3">
          {items.map((entry) => (
            <Entry key={entry.id} entry={entry} params={params} />
          ))}
        </ol>
        <PageLinks page={page} pageCount={pageCount} href={(p) => historyHref(params, { page: p })} />
      </section>
    </main>
  );
}
