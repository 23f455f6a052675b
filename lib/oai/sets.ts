import type { Db } from '@/lib/prisma-client';

/**
 * OAI-PMH set specs: `category:<slug>`, `region:<slug>`, `country:<code>`, `language:<ISO 639-1>`. A
 * region's set holds the publications tagged with it or with one of its countries, as the catalogue's
 * region filter does; a publication in two languages is in both language sets.
 */
export type SetSpec = `${'category' | 'region' | 'country' | 'language'}:${string}`;

/** The set specs of each publication, by id. */
export async function publicationSets(db: Db, ids: number[]): Promise<Map<number, SetSpec[]>> {
  const sets = new Map<number, Set<SetSpec>>(ids.map((id) => [id, new Set()]));
  if (ids.length === 0) return new Map();
  // One after another: callers may run inside a transaction (one connection).
  const publications = await db.publication.findMany({ where: { id: { in: ids } }, select: { id: true, category: { select: { slug: true } } } });
  const countries = await db.publicationCountry.findMany({
    where: { publicationId: { in: ids } },
    select: { publicationId: true, countryCode: true, country: { select: { regions: { select: { region: { select: { slug: true } } } } } } },
  });
  const regions = await db.publicationRegion.findMany({ where: { publicationId: { in: ids } }, select: { publicationId: true, region: { select: { slug: true } } } });
  const languages = await db.publicationLanguage.findMany({ where: { publicationId: { in: ids } }, select: { publicationId: true, code: true } });
  for (const p of publications) if (p.category) sets.get(p.id)!.add(`category:${p.category.slug}`);
  for (const r of regions) sets.get(r.publicationId)!.add(`region:${r.region.slug}`);
  for (const l of languages) sets.get(l.publicationId)!.add(`language:${l.code}`);
  for (const c of countries) {
    const own = sets.get(c.publicationId)!;
    own.add(`country:${c.countryCode}`);
    for (const m of c.country.regions) own.add(`region:${m.region.slug}`);
  }
  return new Map([...sets].map(([id, specs]) => [id, [...specs].sort()]));
}
