/** What the public side says of a publication's attached file (lib/files): never its text. */
export type HostedFile = {
  id: number;
  fileName: string;
  label: string;
  language: string | null;
  mediaType: string;
  size: number;
  pageCount: number | null;
  hasCover: boolean;
  /** Where it is downloaded from, on this site: /publications/<slug>/files/<id>/<file name>. */
  path: string;
};

/** The Prisma select that reads a HostedFile (with `coverSha256` for hasCover), in the record's order. */
export const hostedFileSelect = {
  orderBy: { position: 'asc' },
  select: { id: true, fileName: true, label: true, language: true, mediaType: true, size: true, pageCount: true, coverSha256: true },
} as const;

export type HostedFileRow = Omit<HostedFile, 'hasCover' | 'path'> & { coverSha256: string | null };

export function toHostedFile(slug: string, { coverSha256, ...file }: HostedFileRow): HostedFile {
  return { ...file, hasCover: coverSha256 !== null, path: hostedFilePath(slug, file) };
}

/** Its name last, so that a saved download and a reader's tab show it. */
export function hostedFilePath(slug: string, file: Pick<HostedFile, 'id' | 'fileName'>): string {
  return `/publications/${encodeURIComponent(slug)}/files/${file.id}/${encodeURIComponent(file.fileName)}`;
}

export function hostedCoverPath(slug: string, file: Pick<HostedFile, 'id'>): string {
  return `/publications/${encodeURIComponent(slug)}/files/${file.id}/cover.png`;
}

/** The record's first hosted PDF, the one citation tools and feeds point at. */
export function mainPdf(files: readonly HostedFile[]): HostedFile | null {
  return files.find((f) => f.mediaType === 'application/pdf') ?? null;
}
