import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { readSeedPublications, seedDatabase } from '@/prisma/seed';

async function counts() {
  return {
    publications: await prisma.publication.count(),
    authors: await prisma.author.count(),
    countries: await prisma.country.count(),
    regions: await prisma.region.count(),
    categories: await prisma.category.count(),
    memberships: await prisma.countryRegion.count(),
    links: (await prisma.publicationAuthor.count()) + (await prisma.publicationCountry.count()) + (await prisma.publicationRegion.count()),
  };
}

describe('sample data', () => {
  it('loads all of ISO 3166-1 plus Kosovo, with Worldwide only as a region', async () => {
    expect(await prisma.country.count()).toBe(250);
    expect(await prisma.country.findUnique({ where: { code: 'XK' } })).toMatchObject({ name: 'Kosovo' });
    expect(await prisma.country.findFirst({ where: { name: { contains: 'Worldwide' } } })).toBeNull();
    expect(await prisma.region.findUnique({ where: { slug: 'worldwide' } })).toMatchObject({ name: 'Worldwide' });
    const serbia = await prisma.countryRegion.findMany({ where: { countryCode: 'RS' }, select: { region: { select: { slug: true } } } });
    expect(serbia.map((m) => m.region.slug)).toContain('south-eastern-europe');
  });

  it('spreads across enough countries, regions, categories and years', async () => {
    // Every record of the sample file, none lost to a slug shared with another.
    expect(await prisma.publication.count()).toBe(readSeedPublications().length);
    expect(await prisma.publication.count()).toBeGreaterThanOrEqual(60);
    expect((await prisma.publicationCountry.groupBy({ by: ['countryCode'] })).length).toBeGreaterThanOrEqual(25);
    expect((await prisma.publicationRegion.groupBy({ by: ['regionId'] })).length).toBeGreaterThanOrEqual(8);
    expect((await prisma.publication.groupBy({ by: ['categoryId'], where: { categoryId: { not: null } } })).length).toBeGreaterThanOrEqual(6);
    expect((await prisma.publication.groupBy({ by: ['year'], where: { year: { not: null } } })).length).toBeGreaterThanOrEqual(20);
  });

  it('keeps the source listing cleaned: one Bosnia and Herzegovina, one Liu', async () => {
    const balkans = await prisma.publication.findUniqueOrThrow({
      where: { slug: 'needs-assessment-human-trafficking-in-the-western-balkans' },
      select: { countries: { select: { country: { select: { name: true } } } } },
    });
    expect(balkans.countries.map((c) => c.country.name)).toContain('Bosnia and Herzegovina');
    const liu = await prisma.publication.findFirstOrThrow({
      where: { title: { startsWith: 'National Referral Mechanisms for Victims' } },
      select: { authors: { select: { author: { select: { name: true } } } } },
    });
    expect(liu.authors.map((a) => a.author.name)).toEqual(['G. Liu']);
  });

  it('seeding again changes nothing', async () => {
    const before = await counts();
    await seedDatabase(prisma);
    expect(await counts()).toEqual(before);
  });
});
