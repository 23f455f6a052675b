import type { PrismaClient } from '@/lib/prisma-client';
import { CATEGORIES } from './categories';
import { COUNTRIES, REGIONS } from './regions';

/** Loads countries, regions, memberships and categories; safe to run again. */
export async function seedTaxonomy(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const region of REGIONS) {
      await tx.region.upsert({ where: { slug: region.slug }, create: region, update: {} });
    }
    for (const category of CATEGORIES) {
      await tx.category.upsert({ where: { slug: category.slug }, create: category, update: {} });
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
      // Region filters follow memberships, so every running search index must rebuild.
      await tx.catalogueChange.create({ data: { publicationId: null } });
    }
  });
}
