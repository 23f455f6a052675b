import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { getAuthor, listAuthorChoices } from '@/lib/taxonomy/admin';
import { RouteIdSchema } from '@/lib/validation/taxonomy';
import { mergeAuthorsAction, renameAuthorAction } from '../../actions';
import { MergedNotice } from '@/components/admin/taxonomy-merged-notice';
import { TaxonomyMergeForm } from '@/components/admin/taxonomy-merge-form';
import { TaxonomyPublicationList } from '@/components/admin/taxonomy-publication-list';
import { TaxonomyRenameForm } from '@/components/admin/taxonomy-rename-form';

export const metadata: Metadata = { title: 'Author' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuthorPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  await requirePageUser('admin', `/admin/taxonomy/authors/${encodeURIComponent(raw)}`);
  const id = RouteIdSchema.safeParse(raw);
  if (!id.success) notFound();
  const [author, all] = await Promise.all([getAuthor(prisma, id.data), listAuthorChoices(prisma)]);
  if (!author) notFound();
  const choices = all.filter((a) => a.id !== author.id);
  return (
    <main className="space-y-8">
      <div>
        <p className="text-sm">
          <Link href="/admin/taxonomy" className="text-brand-700 underline">
            Taxonomy
          </Link>{' '}
          ›{' '}
          <Link href="/admin/taxonomy/authors" className="text-brand-700 underline">
            Authors
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{author.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{author.slug}</span> · {author.publicationCount} publication(s) ·{' '}
          <Link href={`/?author=${encodeURIComponent(author.slug)}`} className="text-brand-700 underline">
            In the catalogue
          </Link>{' '}
          ·{' '}
          <Link href={`/admin/history?entity=author&entityId=${author.id}`} className="text-brand-700 underline">
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
          <TaxonomyRenameForm noun="author" taxon={author} action={renameAuthorAction} />
        </div>
      </section>

      <section aria-labelledby="merge-heading" className="max-w-2xl space-y-3">
        <h2 id="merge-heading" className="text-lg font-semibold">
          Merge into another author
        </h2>
        {choices.length === 0 ? (
          <p className="text-sm text-slate-600">There is no other author to merge into.</p>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <TaxonomyMergeForm noun="author" taxon={author} choices={choices} action={mergeAuthorsAction} />
          </div>
        )}
      </section>

      <section aria-labelledby="publications-heading" className="space-y-3">
        <h2 id="publications-heading" className="text-lg font-semibold">
          Publications
        </h2>
        <TaxonomyPublicationList publications={author.publications} total={author.publicationCount} />
      </section>
    </main>
  );
}
