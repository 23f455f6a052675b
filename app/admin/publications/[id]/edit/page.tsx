import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { updatePublicationAction } from '@/app/admin/publications/actions';
import { PublicationForm } from '@/components/admin/publication-form';
import { PublicationFiles, uploadNotice } from '@/components/admin/publication-files';
import { listPublicationFiles } from '@/lib/data/files';
import { env } from '@/lib/env';
import { requirePageUser } from '@/lib/auth/authorize';
import { getPublicationForEdit, getPublicationFormOptions } from '@/lib/data/admin-publications';
import { prisma } from '@/lib/db';
import { publicationSnapshot } from '@/lib/publications/admin';
import { parsePublicationId } from '@/lib/publications/admin-id';

export const metadata: Metadata = { title: 'Edit publication' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string | string[]; upload?: string | string[]; status?: string | string[] }> };

const NOTICES: Record<string, string> = { created: 'The publication was created.', updated: 'Your changes were saved.' };

export default async function EditPublicationPage({ params, searchParams }: Props) {
  const { id: segment } = await params;
  const user = await requirePageUser('editor', `/admin/publications/${segment}/edit`);
  const id = parsePublicationId(segment);
  if (id === null) notFound();
  const [publication, opened, options, files] = await Promise.all([
    getPublicationForEdit(id),
    publicationSnapshot(prisma, id),
    getPublicationFormOptions(),
    listPublicationFiles(prisma, id),
  ]);
  if (!publication || !opened) notFound();
  const query = await searchParams;
  const saved = query.saved;
  const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
  const notice = typeof saved === 'string' ? NOTICES[saved] : undefined;
  const published = publication.status === 'published';

  return (
    <main className="max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin" className="text-brand-700 underline">
          ← Publications
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Edit publication</h1>
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
        <span>
          {published ? 'Published' : 'Draft'} · version {publication.version}
        </span>
        {published ? (
          <Link href={`/publications/${publication.slug}`} className="text-brand-700 underline">
            View on the public site
          </Link>
        ) : (
          <Link href={`/admin/publications/${id}/preview`} className="text-brand-700 underline">
            Preview the draft
          </Link>
        )}
        <Link href={`/admin/publications/${id}/history`} className="text-brand-700 underline">
          History
        </Link>
        <Link href={`/admin/publications/${id}/delete`} className="text-red-700 underline">
          Delete…
        </Link>
      </p>
      {notice && (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {/* A new version is a new form: nothing of the previous save's state carries over. */}
        <PublicationForm
          canPublishAnyway={user.role === 'admin'}
          key={publication.version}
          action={updatePublicationAction.bind(null, id)}
          initial={publication.values}
          options={options}
          opened={opened}
          reloadHref={`/admin/publications/${id}/edit`}
        />
      </div>
      <PublicationFiles
        publicationId={id}
        slug={publication.slug}
        files={files}
        languages={options.languages}
        maxMb={env.FILE_MAX_MB}
        notice={uploadNotice(one(query.upload), one(query.status), env.FILE_MAX_MB)}
      />
    </main>
  );
}
