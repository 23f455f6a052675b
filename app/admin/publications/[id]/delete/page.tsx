import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form';
import { requirePageUser } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { publicationSnapshot } from '@/lib/publications/admin';
import { parsePublicationId } from '@/lib/publications/admin-id';
import { displayValue } from '@/lib/publications/snapshot';

export const metadata: Metadata = { title: 'Delete publication' };

export default async function DeletePublicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: segment } = await params;
  await requirePageUser('editor', `/admin/publications/${segment}/delete`);
  const id = parsePublicationId(segment);
  if (id === null) notFound();
  const publication = await publicationSnapshot(prisma, id);
  if (!publication) notFound();

  return (
    <main className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/publications/${id}/edit`} className="text-brand-700 underline">
          ← Back to editing
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Delete publication</h1>
      <div className="mt-6 rounded-lg border border-red-200 bg-white p-6 shadow-sm">
        <p className="font-semibold">{publication.title}</p>
        <p className="mt-1 text-sm text-slate-600">
          {publication.status === 'draft' ? 'Draft' : 'Published'} · {displayValue(publication.year)} · {displayValue(publication.authors)}
        </p>
        <p className="mt-4 text-sm">
          It disappears from the catalogue, its page and the API at once. The history keeps a copy of the record.
        </p>
        <div className="mt-4">
          <DeleteForm id={id} version={publication.version} title={publication.title} />
        </div>
      </div>
    </main>
  );
}
