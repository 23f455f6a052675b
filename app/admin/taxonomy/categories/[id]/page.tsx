import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { getCategory, listCategories } from '@/lib/taxonomy/admin';
import { RouteIdSchema } from '@/lib/validation/taxonomy';
import { mergeCategoriesAction, renameCategoryAction } from '../../actions';
import { TaxonomyMergeForm } from '@/components/admin/taxonomy-merge-form';
import { TaxonomyPublicationList } from '@/components/admin/taxonomy-publication-list';
import { TaxonomyRenameForm } from '@/components/admin/taxonomy-rename-form';
import { MergedNotice } from '@/components/admin/taxonomy-merged-notice';

export const metadata: Metadata = { title: 'Category' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CategoryPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  await requirePageUser('admin', `/admin/taxonomy/categories/${encodeURIComponent(raw)}`);
  const id = RouteIdSchema.safeParse(raw);
  if (!id.success) notFound();
  const [category, all] = await Promise.all([getCategory(prisma, id.data), listCategories(prisma)]);
  if (!category) notFound();
  const choices = all.filter((c) => c.id !== category.id);
  return (
    <main className="space-y-8">
      <div>
        <p className="text-sm">
          <Link href="/admin/taxonomy" className="text-brand-700 underline">
            Taxonomy
          </Link>{' '}
          › Category
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{category.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{category.slug}</span> · {category.publicationCount} publication(s) ·{' '}
          <Link href={`/?category=${encodeURIComponent(category.slug)}`} className="text-brand-700 underline">
            In the catalogue
          </Link>{' '}
          ·{' '}
          <Link href={`/admin/history?entity=category&entityId=${category.id}`} className="text-brand-700 underline">
            History
          </Link>
        </p>
      </div>
      <MergedNotice searchParams={await searchParams} />

      <section aria-labelledby="rename-heading" className="max-w-2xl space-y-3">
        <h2 id="rename-heading" className="text-lg font-semibold">
          Rename
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <TaxonomyRenameForm noun="category" taxon={category} action={renameCategoryAction} />
        </div>
      </section>

      <section aria-labelledby="merge-heading" className="max-w-2xl space-y-3">
        <h2 id="merge-heading" className="text-lg font-semibold">
          Merge into another category
        </h2>
        {choices.length === 0 ? (
          <p className="text-sm text-slate-600">There is no other category to merge into.</p>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <TaxonomyMergeForm noun="category" taxon={category} choices={choices} action={mergeCategoriesAction} />
          </div>
        )}
      </section>

      <section aria-labelledby="publications-heading" className="space-y-3">
        <h2 id="publications-heading" className="text-lg font-semibold">
          Publications
        </h2>
        <TaxonomyPublicationList publications={category.publications} total={category.publicationCount} />
      </section>
    </main>
  );
}
