import type { Db } from '@/lib/prisma-client';
import { releaseStoredFiles, storedFilesOf } from '@/lib/files/files';
import { slugify } from '@/lib/text';
import { publicationChanged, tombstoneOf, writeTombstone } from './changes';
import { leaveTranslationGroup } from './translations';

/** A publication as seed, import and tests describe it: taxonomy by code or slug, authors by name in order. */
export type PublicationInput = {
  slug?: string;
  title: string;
  summary: string;
  year: number | null;
  category: string | null;
  countries: string[];
  regions: string[];
  authors: string[];
  /** ISO 639-1 codes, the main language first. */
  languages?: string[];
  url?: string | null;
  /** Defaults to "published". */
  status?: 'draft' | 'published';
};

/** A publication's links, by id, authors and languages in the order given. */
export type PublicationRelations = { countries: string[]; regionIds: number[]; authorIds: number[]; languages: string[] };

/**
 * The one place that writes a publication's countries, regions and authors: replaces whatever it had.
 * Duplicates are dropped (an author keeps their first position).
 */
export async function writePublicationRelations(db: Db, id: number, relations: PublicationRelations): Promise<void> {
  await db.publicationCountry.deleteMany({ where: { publicationId: id } });
  await db.publicationRegion.deleteMany({ where: { publicationId: id } });
  await db.publicationAuthor.deleteMany({ where: { publicationId: id } });
  await db.publicationLanguage.deleteMany({ where: { publicationId: id } });
  await db.publicationCountry.createMany({
    data: [...new Set(relations.countries)].map((countryCode) => ({ publicationId: id, countryCode })),
  });
  await db.publicationRegion.createMany({
    data: [...new Set(relations.regionIds)].map((regionId) => ({ publicationId: id, regionId })),
  });
  await db.publicationAuthor.createMany({
    data: [...new Set(relations.authorIds)].map((authorId, position) => ({ publicationId: id, authorId, position })),
  });
  await db.publicationLanguage.createMany({
    data: [...new Set(relations.languages)].map((code, position) => ({ publicationId: id, code, position })),
  });
}

/** The author with this name's slug, created on first mention; the existing record wins on a slug match. */
export async function ensureAuthor(db: Db, name: string): Promise<{ id: number; created: boolean }> {
  const slug = slugify(name) || 'author';
  const existing = await db.author.findUnique({ where: { slug }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const author = await db.author.create({ data: { slug, name: name.trim() }, select: { id: true } });
  return { id: author.id, created: true };
}

/** Creates the publication, or replaces the one with the same slug; authors are created on first mention. */
export async function upsertPublication(db: Db, input: PublicationInput): Promise<number> {
  const slug = input.slug ?? slugify(input.title);
  const category = input.category
    ? await db.category.findUniqueOrThrow({ where: { slug: input.category }, select: { id: true } })
    : null;
  const regions = await db.region.findMany({ where: { slug: { in: input.regions } }, select: { id: true, slug: true } });
  const missingRegion = input.regions.find((s) => !regions.some((r) => r.slug === s));
  if (missingRegion) throw new Error(`Unknown region "${missingRegion}" in "${input.title}"`);

  const authorIds: number[] = [];
  for (const name of input.authors) authorIds.push((await ensureAuthor(db, name)).id);

  const data = {
    title: input.title,
    summary: input.summary,
    year: input.year,
    url: input.url ?? null,
    categoryId: category?.id ?? null,
    status: input.status ?? 'published',
  };
  const { id } = await db.publication.upsert({
    where: { slug },
    create: { slug, ...data },
    update: { ...data, version: { increment: 1 } },
    select: { id: true },
  });

  await writePublicationRelations(db, id, {
    countries: input.countries,
    regionIds: regions.map((r) => r.id),
    authorIds,
    languages: input.languages ?? [],
  });
  await publicationChanged(db, id);
  return id;
}

/**
 * Deletes the publication with this slug, or with this id (and, when given, only at this version: a
 * delete confirmed on a stale page must not discard someone's newer save). False when nothing matched.
 */
export async function deletePublication(db: Db, which: string | { id: number; version?: number }): Promise<boolean> {
  const where = typeof which === 'string' ? { slug: which } : { id: which.id, ...(which.version !== undefined && { version: which.version }) };
  const publication = await db.publication.findFirst({ where, select: { id: true } });
  if (!publication) return false;
  // Read before the row goes: the tombstone keeps the sets it was in.
  const tombstone = await tombstoneOf(db, publication.id);
  const files = await storedFilesOf(db, publication.id);
  const afterDelete = await leaveTranslationGroup(db, publication.id);
  const { count } = await db.publication.deleteMany({ where: { ...where, id: publication.id } });
  if (count === 0) return false;
  if (tombstone) await writeTombstone(db, tombstone);
  await afterDelete();
  // Its file rows went with it: their bytes too, unless another record has the same file.
  await releaseStoredFiles(db, files);
  await publicationChanged(db, publication.id, { deleted: true });
  return true;
}
