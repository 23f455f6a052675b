import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { publicationSnapshot } from '@/lib/publications/admin';
import { parsePublicationId } from '@/lib/publications/admin-id';
import { displayValue } from '@/lib/publications/snapshot';

export const metadata: Metadata = { title: 'Preview' };

/** How a publication (a draft too) will read, for staff only: the public page answers drafts with 404. */
export default async function PreviewPublicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: segment } = await params;
  await requirePageUser('editor', `/admin/publications/${segment}/preview`);
  const id = parsePublicationId(segment);
  if (id === null) notFound();
  const publication = await publicationSnapshot(prisma, id);
  if (!publication) notFound();
  const rows = [
    ['Year', publication.year],
    ['Category', publication.category],
    ['Countries', publication.countries],
    ['Regions', publication.regions],
    ['Authors', publication.authors],
  ] as const;

  return (
    <main className="max-w-4xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/publications/${id}/edit`} className="text-brand-700 underline">
          ← Back to editing
        </Link>
      </nav>
      {publication.status === 'draft' && (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Draft: only staff can see this. Set its status to Published to show it in the catalogue.
        </p>
      )}
      <article className="mt-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold leading-tight tracking-tight">{publication.title}</h1>
        {publication.authors.length > 0 && <p className="mt-2 text-slate-700">{publication.authors.join('; ')}</p>}
        <section aria-labelledby="summary-heading" className="mt-6">
          <h2 id="summary-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            Summary
          </h2>
          <p className="mt-2 whitespace-pre-line leading-relaxed">{publication.summary}</p>
        </section>
        <dl className="mt-6 divide-y divide-slate-200 border-t border-slate-200">
          {rows.map(([label, value]) => (
            <div key={label} className="py-3 sm:grid sm:grid-cols-[10rem_1fr] sm:gap-4">
              <dt className="text-sm font-semibold text-slate-600">{label}</dt>
              <dd>{displayValue(value)}</dd>
            </div>
          ))}
        </dl>
      </article>
    </main>
  );
}
