import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { countAuthors, listCategories, listRegions } from '@/lib/taxonomy/admin';
import { createCategoryAction, createRegionAction } from './actions';
import { TaxonomyCreateForm } from '@/components/admin/taxonomy-create-form';

export const metadata: Metadata = { title: 'Taxonomy' };

const cell = 'px-3 py-2';
const headCell = 'px-3 py-2';

/** A missing translation shows as such: the public pages show the English name there. */
function Translations({ entry }: { entry: { nameFr: string | null; nameEs: string | null } }) {
  return (
    <>
      {[
        ['fr', entry.nameFr],
        ['es', entry.nameEs],
      ].map(([lang, name]) =>
        name ? (
          <td key={lang} lang={lang!} className={cell}>{name}</td>
        ) : (
          <td key={lang} className={`${cell} text-slate-500`}>—<span className="sr-only">not translated</span></td>
        ),
      )}
    </>
  );
}

export default async function TaxonomyPage() {
  await requirePageUser('admin', '/admin/taxonomy');
  const [categories, regions, authors] = await Promise.all([listCategories(prisma), listRegions(prisma), countAuthors(prisma)]);
  return (
    <main className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Taxonomy</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          The categories, regions and authors publications are filed under. Renaming changes the name everywhere at
          once and keeps the slug (the value in catalogue URLs) unless you change it too. Merging moves the
          publications of one entry to another and deletes the first.
        </p>
      </div>

      <section aria-labelledby="categories-heading" className="space-y-4">
        <h2 id="categories-heading" className="text-lg font-semibold">
          Categories ({categories.length})
        </h2>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className={headCell}>Name</th>
                <th scope="col" className={headCell}>French</th>
                <th scope="col" className={headCell}>Spanish</th>
                <th scope="col" className={headCell}>Slug</th>
                <th scope="col" className={`${headCell} text-right`}>Publications</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {categories.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className={`${cell} font-medium`}>
                    <Link href={`/admin/taxonomy/categories/${c.id}`} className="text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                  </th>
                  <Translations entry={c} />
                  <td className={`${cell} font-mono text-slate-600`}>{c.slug}</td>
                  <td className={`${cell} text-right tabular-nums`}>{c.publications}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <TaxonomyCreateForm noun="category" action={createCategoryAction} />
        </div>
      </section>

      <section aria-labelledby="regions-heading" className="space-y-4">
        <h2 id="regions-heading" className="text-lg font-semibold">
          Regions ({regions.length})
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">
          A region filter matches publications tagged with the region and those tagged with one of its countries.
          Open a region to rename it or change its countries.
        </p>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className={headCell}>Name</th>
                <th scope="col" className={headCell}>French</th>
                <th scope="col" className={headCell}>Spanish</th>
                <th scope="col" className={headCell}>Slug</th>
                <th scope="col" className={`${headCell} text-right`}>Countries</th>
                <th scope="col" className={`${headCell} text-right`}>Tagged publications</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {regions.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className={`${cell} font-medium`}>
                    <Link href={`/admin/taxonomy/regions/${r.id}`} className="text-brand-700 hover:underline">
                      {r.name}
                    </Link>
                  </th>
                  <Translations entry={r} />
                  <td className={`${cell} font-mono text-slate-600`}>{r.slug}</td>
                  <td className={`${cell} text-right tabular-nums`}>{r.countries}</td>
                  <td className={`${cell} text-right tabular-nums`}>{r.publications}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <TaxonomyCreateForm noun="region" action={createRegionAction} />
        </div>
      </section>

      <section aria-labelledby="authors-heading" className="space-y-2">
        <h2 id="authors-heading" className="text-lg font-semibold">
          Authors ({authors})
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">
          People and organisations, created when a publication first credits them.{' '}
          <Link href="/admin/taxonomy/authors" className="text-brand-700 underline">
            Find, rename and merge authors
          </Link>
        </p>
      </section>
    </main>
  );
}
