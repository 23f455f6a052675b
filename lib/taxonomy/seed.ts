import { createPrismaClient, type Db, type PrismaClient } from '@/lib/prisma-client';
import { CATEGORIES } from './categories';
import { COUNTRIES, REGIONS } from './regions';

/**
 * Translations are filled where still empty: a catalogue seeded before they existed gets them from
 * `npm run db:seed`, and an admin's own translation is never overwritten. True when any was filled.
 */
async function fillTranslations(
  db: Db,
  kind: 'region' | 'category',
  { slug, nameFr, nameEs }: { slug: string; nameFr: string; nameEs: string },
): Promise<boolean> {
  const updateMany = (where: { nameFr: null } | { nameEs: null }, data: { nameFr: string } | { nameEs: string }) =>
    kind === 'region'
      ? db.region.updateMany({ where: { slug, ...where }, data })
      : db.category.updateMany({ where: { slug, ...where }, data });
  const fr = await updateMany({ nameFr: null }, { nameFr });
  const es = await updateMany({ nameEs: null }, { nameEs });
  return fr.count + es.count > 0;
}

/** Loads countries, regions, memberships and categories, with their French and Spanish names; safe to run again. */
export async function seedTaxonomy(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    let labelsChanged = false;
    for (const region of REGIONS) {
      await tx.region.upsert({ where: { slug: region.slug }, create: region, update: {} });
      labelsChanged = (await fillTranslations(tx, 'region', region)) || labelsChanged;
    }
    for (const category of CATEGORIES) {
      await tx.category.upsert({ where: { slug: category.slug }, create: category, update: {} });
      labelsChanged = (await fillTranslations(tx, 'category', category)) || labelsChanged;
    }
    const regionIds = new Map((await tx.region.findMany({ select: { id: true, slug: true } })).map((r) => [r.slug, r.id]));
    for (const country of COUNTRIES) {
      await tx.country.upsert({ where: { code: country.code }, create: { code: country.code, name: country.name }, update: {} });
    }
    const existing = await tx.countryRegion.count();
    // Memberships are seeded once; afterwards they belong to the curators.
    if (existing === 0) {
      await tx.countryRegion.createMany({
        data: COUNTRIES.flatMap((c) => c.regions.map((slug) => ({ countryCode: c.code, regionId: regionIds.get(slug)! }))),
      });
      labelsChanged = true;
    }
    // Region filters follow memberships and facet labels the names: every running search index must rebuild.
    if (labelsChanged) await tx.catalogueChange.create({ data: { publicationId: null } });
  });
}

/**
 * The reference data (countries, regions and their memberships, categories) when the database at `url` has
 * none yet; what was loaded in words, or null when it was there already. Publications are not touched.
 */
export async function loadReferenceData(url?: string): Promise<string | null> {
  const db = createPrismaClient(url);
  try {
    if ((await db.country.count()) > 0) return null;
    await seedTaxonomy(db);
    const [countries, regions, categories] = await Promise.all([db.country.count(), db.region.count(), db.category.count()]);
    return `${countries} countries, ${regions} regions, ${categories} categories`;
  } finally {
    await db.$disconnect();
  }
}
