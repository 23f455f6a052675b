import 'server-only';
import { prisma } from '@/lib/db';
import type { Db } from '@/lib/prisma-client';

/** A file as the pages list it (no text: that can be megabytes). */
export type FileSummary = {
  id: number;
  position: number;
  fileName: string;
  label: string;
  language: string | null;
  mediaType: string;
  size: number;
  sha256: string;
  textStatus: string;
  pageCount: number | null;
  coverSha256: string | null;
};

const SUMMARY = {
  id: true,
  position: true,
  fileName: true,
  label: true,
  language: true,
  mediaType: true,
  size: true,
  sha256: true,
  textStatus: true,
  pageCount: true,
  coverSha256: true,
} as const;

/** A publication's files in their order (the first is the main document). */
export async function listPublicationFiles(db: Db, publicationId: number): Promise<FileSummary[]> {
  return db.publicationFile.findMany({ where: { publicationId }, orderBy: { position: 'asc' }, select: SUMMARY });
}

/** A file of the publication with this slug, with whether that publication is public; null when there is none. */
export async function getFileForDownload(slug: string, fileId: number): Promise<{ file: FileSummary; published: boolean; slug: string } | null> {
  const row = await prisma.publicationFile.findFirst({
    where: { id: fileId, publication: { slug } },
    select: { ...SUMMARY, publication: { select: { status: true, slug: true } } },
  });
  if (!row) return null;
  const { publication, ...file } = row;
  return { file, published: publication.status === 'published', slug: publication.slug };
}

