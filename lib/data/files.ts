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

/** The main file of each of these publications (for result cards' covers and feeds' enclosures), by publication id. */
export async function mainFiles(db: Db, publicationIds: number[]): Promise<Map<number, FileSummary>> {
  if (publicationIds.length === 0) return new Map();
  const rows = await db.publicationFile.findMany({ where: { publicationId: { in: publicationIds }, position: 0 }, select: { ...SUMMARY, publicationId: true } });
  return new Map(rows.map(({ publicationId, ...file }) => [publicationId, file]));
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

export { hostedCoverPath as coverHref, hostedFilePath as fileHref } from '@/lib/files/hosted';
