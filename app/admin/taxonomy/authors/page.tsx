import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { listAuthors } from '@/lib/taxonomy/admin';
import { AuthorListParamsSchema } from '@/lib/validation/taxonomy';
import { PageLinks } from '@/components/ui/page-links';
import { inputClass, primaryButtonClass } from '@/components/admin/styles';

export const metadata: Metadata = { title: 'Authors' };

function authorsHref(q: string, page = 1): string {
  const search = new URLSearchParams();
  if (q) search.set('q', q);
  if (page > 1) search.set('page', String(page));
  const query = search.toString();
  return query ? `/admin/taxonomy/authors?${query}` : '/admin/taxonomy/authors';
}

export default async function AuthorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('admin', '/admin/taxonomy/authors');
  const { q, page } = AuthorListParamsSchema.parse(await searchParams);
  const result = await listAuthors(prisma, { q, page });
  return (
    <main className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/admin/taxonomy" className="text-brand-700 underline">
            Taxonomy
          </Link>{' '}
          › Authors
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Authors</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          Open an author to rename them or merge them into another (for example two spellings of one organisation).
        </p>
      </div>

      <form method="get" action="/admin/taxonomy/authors" role="search" className="flex max-w-xl items-end gap-3">
        <div className="flex-1">
          <label htmlFor="author-q" className="block text-sm font-medium">
            Find an author
          </label>
          <input id="author-q" name="q" type="search" defaultValue={q} className={inputClass} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          Find
        </button>
      </form>

      <section aria-labelledby="authors-heading" className="space-y-3">
        <h2 id="authors-heading" className="text-lg font-semibold">
          {result.total === 0 ? 'No author found' : `${result.total} author${result.total === 1 ? '' : 's'}`}
          {q && <span className="font-normal text-slate-600"> matching “{q}”</span>}
        </h2>
        {result.items.length > 0 && (
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">Name</th>
                  <th scope="col" className="px-3 py-2">Slug</th>
                  <th scope="col" className="px-3 py-2 text-right">Publications</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link href={`/admin/taxonomy/authors/${a.id}`} className="text-brand-700 hover:underline">
                        {a.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2 font-mono text-slate-600">{a.slug}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{a.publications}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PageLinks page={result.page} pageCount={result.pageCount} href={(p) => authorsHref(q, p)} />
      </section>
    </main>
  );
}

