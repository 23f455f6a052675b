import type { Db } from '@/lib/prisma-client';
import { slugify } from '@/lib/text';
import { publicationChanged } from './changes';

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
  language?: string | null;
  url?: string | null;
  /** Defaults to "published". */
  status?: 'draft' | 'published';
};

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
  for (const name of input.authors) {
    const author = await db.author.upsert({
      where: { slug: slugify(name) },
      create: { slug: slugify(name), name },
      update: {},
      select: { id: true },
    });
    if (!authorIds.includes(author.id)) authorIds.push(author.id);
  }

  const data = {
    title: input.title,
    summary: input.summary,
    year: input.year,
    language: input.language ?? null,
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

  await db.publicationCountry.deleteMany({ where: { publicationId: id } });
  await db.publicationRegion.deleteMany({ where: { publicationId: id } });
  await db.publicationAuthor.deleteMany({ where: { publicationId: id } });
  await db.publicationCountry.createMany({
    data: [...new Set(input.countries)].map((countryCode) => ({ publicationId: id, countryCode })),
  });
  await db.publicationRegion.createMany({ data: regions.map((r) => ({ publicationId: id, regionId: r.id })) });
  await db.publicationAuthor.createMany({
    data: authorIds.map((authorId, position) => ({ publicationId: id, authorId, position })),
  });
  await publicationChanged(db, id);
  return id;
}

/** Deletes the publication with this slug; false when there is none. */
export async function deletePublication(db: Db, slug: string): Promise<boolean> {
  const publication = await db.publication.findUnique({ where: { slug }, select: { id: true } });
  if (!publication) return false;
  await db.publication.delete({ where: { id: publication.id } });
  await publicationChanged(db, publication.id, { deleted: true });
  return true;
}
