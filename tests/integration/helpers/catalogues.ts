import { migrateDatabase } from '@/lib/migrate';
import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';
import { seedTaxonomy } from '@/lib/taxonomy/seed';
import { createEmptyDatabase } from '@/tests/setup/databases';

/** A new database with the schema and the taxonomy (countries, regions, categories) but no publications. */
export async function emptyCatalogue(): Promise<PrismaClient> {
  const url = await createEmptyDatabase('empty');
  await migrateDatabase(url);
  const db = createPrismaClient(url);
  await seedTaxonomy(db);
  return db;
}

/** Everything a reader sees of the catalogue, in a stable order: two equal snapshots are the same catalogue. */
export async function catalogueSnapshot(db: PrismaClient) {
  const publications = await db.publication.findMany({
    orderBy: { slug: 'asc' },
    select: {
      slug: true,
      title: true,
      summary: true,
      year: true,
      languages: { select: { code: true }, orderBy: { position: 'asc' } },
      url: true,
      status: true,
      category: { select: { slug: true } },
      countries: { select: { countryCode: true } },
      regions: { select: { region: { select: { slug: true } } } },
      authors: { select: { author: { select: { name: true, slug: true } } }, orderBy: { position: 'asc' } },
    },
  });
  return publications.map((p) => ({
    ...p,
    category: p.category?.slug ?? null,
    countries: p.countries.map((c) => c.countryCode).sort(),
    regions: p.regions.map((r) => r.region.slug).sort(),
    authors: p.authors.map((a) => a.author),
  }));
}

/** Row counts of every table an import writes to, and the change log: equal counts, nothing written. */
export async function writeCounts(db: PrismaClient) {
  return {
    publications: await db.publication.count(),
    authors: await db.author.count(),
    links: (await db.publicationAuthor.count()) + (await db.publicationCountry.count()) + (await db.publicationRegion.count()) + (await db.publicationLanguage.count()),
    changes: await db.catalogueChange.count(),
    versions: (await db.publication.aggregate({ _sum: { version: true } }))._sum.version ?? 0,
  };
}
