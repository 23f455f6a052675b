import type { Metadata } from 'next';
import Link from 'next/link';
import { PageLinks } from '@/components/ui/page-links';
import { requirePageUser } from '@/lib/auth/authorize';
import { listAdminPublications, listCategoryOptions } from '@/lib/data/admin-publications';
import { ADMIN_SORTS, ADMIN_STATUSES, adminListHref, parseAdminListParams, type AdminListParams } from '@/lib/publications/admin-params';

export const metadata: Metadata = { title: 'Publications' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const fieldClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-700';
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function SortHeader({ params, sort, children }: { params: AdminListParams; sort: AdminListParams['sort']; children: React.ReactNode }) {
  const current = params.sort === sort;
  return (
    <th scope="col" aria-sort={current ? (sort === 'oldest' || sort === 'title' ? 'ascending' : 'descending') : undefined} className="px-3 py-2">
      <Link href={adminListHref(params, { sort })} className={current ? 'font-semibold text-slate-900' : 'text-brand-700 underline'}>
        {children}
      </Link>
    </th>
  );
}

export default async function AdminPublicationsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const requested = parseAdminListParams(raw);
  await requirePageUser('editor', adminListHref(requested, { page: requested.page }));
  const [{ rows, total, page, pageCount, params }, categories] = await Promise.all([
    listAdminPublications(requested),
    listCategoryOptions(),
  ]);
  const notice = raw.deleted === '1' ? 'The publication was deleted.' : null;

  return (
    <main>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Publications</h1>
        <Link href="/admin/publications/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          New publication
        </Link>
      </div>
      {notice && (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      )}

      <form action="/admin" method="get" role="search" aria-label="Filter publications"
        className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_8rem_1fr_auto]">
        <div>
          <label htmlFor="filter-q" className="text-sm font-medium">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={params.q} maxLength={200} placeholder="Title, summary or address" className={fieldClass} />
        </div>
        <div>
          <label htmlFor="filter-status" className="text-sm font-medium">Status</label>
          <select id="filter-status" name="status" defaultValue={params.status} className={fieldClass}>
            {ADMIN_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>{s.label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-category" className="text-sm font-medium">Category</label>
          <select id="filter-category" name="category" defaultValue={params.category} className={fieldClass}>
            <option value="">All</option>
            {categories.map((c) => (
              <option key={c.value} value={c.value}>{c.label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-year" className="text-sm font-medium">Year</label>
          <input id="filter-year" name="year" type="text" inputMode="numeric" maxLength={4} defaultValue={params.year ?? ''} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="filter-sort" className="text-sm font-medium">Sort</label>
          <select id="filter-sort" name="sort" defaultValue={params.sort} className={fieldClass}>
            {ADMIN_SORTS.map((s) => (
              <option key={s.value} value={s.value}>{s.label}</option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
            Apply
          </button>
          <Link href="/admin" className="px-2 py-1.5 text-sm text-brand-700 underline">
            Reset
          </Link>
        </div>
      </form>

      <p className="mt-4 text-sm text-slate-600" aria-live="polite">
        {total === 0 ? 'No publications match.' : `${total} ${total === 1 ? 'publication' : 'publications'}${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}`}
      </p>

      {rows.length > 0 && (
        <div className="mt-2 relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Publications, {ADMIN_SORTS.find((s) => s.value === params.sort)?.label.toLowerCase()}</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <SortHeader params={params} sort="title">Title</SortHeader>
                <th scope="col" className="px-3 py-2">Status</th>
                <SortHeader params={params} sort={params.sort === 'newest' ? 'oldest' : 'newest'}>Year</SortHeader>
                <th scope="col" className="px-3 py-2">Category</th>
                <SortHeader params={params} sort="updated">Changed</SortHeader>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top last:border-0">
                  <td className="px-3 py-2">
                    <Link href={`/admin/publications/${row.id}/edit`} className="font-medium text-brand-800 hover:underline">
                      {row.title}
                    </Link>
                    {row.authors.length > 0 && <p className="mt-0.5 text-xs text-slate-600">{row.authors.join('; ')}</p>}
                  </td>
                  <td className="px-3 py-2">
                    <span className={row.status === 'draft' ? 'rounded bg-amber-100 px-1.5 py-0.5 text-amber-900' : 'rounded bg-green-100 px-1.5 py-0.5 text-green-900'}>
                      {row.status === 'draft' ? 'Draft' : 'Published'}
                    </span>
                  </td>
                  <td className="px-3 py-2">{row.year ?? '—'}</td>
                  <td className="px-3 py-2">{row.category ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{dateFormat.format(row.updatedAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Link href={`/admin/publications/${row.id}/history`} className="text-brand-700 underline" aria-label={`History of ${row.title}`}>
                      History
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="mt-4">
        <PageLinks page={page} pageCount={pageCount} href={(p) => adminListHref(params, { page: p })} />
      </div>
    </main>
  );
}
