import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { getPublication, listAllPublications, searchPublications } from '@/lib/data/catalogue';
import { catalogueChanged } from '@/lib/publications/changes';

const search = (query: string) => searchPublications(parseCatalogueParams(new URLSearchParams(query)));

describe('catalogue reads on the sample data', () => {
  it('lists the newest publications first, 20 a page', async () => {
    const result = await search('');
    expect(result.total).toBe(await prisma.publication.count());
    expect(result.items).toHaveLength(20);
    expect(result.pageCount).toBe(Math.ceil(result.total / 20));
    const years = result.items.map((i) => i.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('pages through every publication exactly once', async () => {
    const first = await search('sort=title');
    const slugs: string[] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      slugs.push(...(await search(`sort=title&page=${page}`)).items.map((i) => i.slug));
    }
    expect(slugs).toHaveLength(first.total);
    expect(new Set(slugs).size).toBe(first.total);
  });

  it('clamps a page past the end to the last page', async () => {
    const result = await search('page=999');
    expect(result.page).toBe(result.pageCount);
    expect(result.items.length).toBeGreaterThan(0);
  });

  it('filters by country, case-insensitively', async () => {
    const result = await search('country=rs');
    expect(result.total).toBeGreaterThan(0);
    for (const item of result.items) expect(item.countries.map((c) => c.code)).toContain('RS');
    expect(result.params.country).toEqual(['RS']);
  });

  it('filters a region by its tag or by a member country', async () => {
    const result = await search('region=south-eastern-europe');
    const members = new Set(
      (await prisma.countryRegion.findMany({ where: { region: { slug: 'south-eastern-europe' } } })).map((m) => m.countryCode),
    );
    expect(members.has('RS')).toBe(true);
    expect(result.total).toBeGreaterThan(0);
    for (const item of result.items) {
      const tagged = item.regions.some((r) => r.slug === 'south-eastern-europe');
      const viaCountry = item.countries.some((c) => members.has(c.code));
      expect(tagged || viaCountry).toBe(true);
    }
  });

  it('filters by category, author and year', async () => {
    for (const item of (await search('category=handbook')).items) expect(item.category?.slug).toBe('handbook');
    const byAuthor = await search('author=g-liu');
    expect(byAuthor.items.map((i) => i.title)).toEqual([
      'National Referral Mechanisms for Victims of Human Trafficking: Deficiencies and Future Development',
    ]);
    for (const item of (await search('year=2019&year=2014')).items) expect([2014, 2019]).toContain(item.year);
  });

  it('filters by language, values OR\'d, with disjunctive counts named in English', async () => {
    const inLanguage = (code: string) => prisma.publication.count({ where: { status: 'published', languages: { some: { code } } } });
    const french = await search('language=FR');
    expect(french.params.language).toEqual(['fr']);
    expect(french.total).toBe(await inLanguage('fr'));
    expect(french.total).toBeGreaterThan(0);
    for (const item of french.items) expect(item.languages).toContain('fr');
    // The facet's own selection does not narrow its counts: Spanish stays countable next to French.
    expect(french.facets.language).toContainEqual({ value: 'fr', label: 'French', count: french.total, selected: true });
    expect(french.facets.language).toContainEqual({ value: 'es', label: 'Spanish', count: await inLanguage('es'), selected: false });
    const both = await search('language=fr,es');
    expect(both.total).toBe(await prisma.publication.count({ where: { status: 'published', languages: { some: { code: { in: ['fr', 'es'] } } } } }));
    // The export is the same result set.
    let exported = 0;
    for await (const batch of listAllPublications(both.params)) exported += batch.length;
    expect(exported).toBe(both.total);
  });

  it('filters a year range, inclusive', async () => {
    const result = await search('yearFrom=2010&yearTo=2015');
    expect(result.total).toBeGreaterThan(0);
    const inRange = await prisma.publication.count({ where: { year: { gte: 2010, lte: 2015 } } });
    expect(result.total).toBe(inRange);
  });

  it('matches search words in title or summary, ignoring case and accents', async () => {
    const result = await search('q=ETUDE+regionale');
    expect(result.items.map((i) => i.title)).toContain(
      'Étude régionale comparative Législations sur la traite des personnes: Burkina Faso, Mali, Maroc, Mauritanie, Niger, Sénégal, Tchad, Tunisie',
    );
  });

  it('ignores facet values that name nothing', async () => {
    const result = await search('country=ZZ&region=atlantis&category=nope&author=nobody');
    expect(result.total).toBe((await search('')).total);
    expect(result.params).toMatchObject({ country: [], region: [], category: [], author: [] });
  });

  it('reads one publication with authors in credited order', async () => {
    const slug = 'needs-assessment-human-trafficking-in-the-western-balkans';
    const publication = await getPublication(slug);
    expect(publication?.year).toBe(2014);
    expect(publication?.countries.map((c) => c.code).sort()).toEqual(['AL', 'BA', 'ME', 'MK', 'RS', 'XK']);
    expect(publication?.authors.map((a) => a.name)).toEqual(['Jacqueline Berman', 'Donatella Bradic', 'Phil Marshall']);
    expect(await getPublication('no-such-publication')).toBeNull();
  });
});

describe('catalogue reads with translation groups', () => {
  it('pages through every work exactly once, and lists every publication separately', async () => {
    const ids = (await prisma.publication.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 6 })).map((p) => p.id);
    await prisma.$transaction(async (tx) => {
      for (const work of [ids.slice(0, 2), ids.slice(2, 5)]) {
        const group = await tx.translationGroup.create({ data: {} });
        await tx.publication.updateMany({ where: { id: { in: work } }, data: { translationGroupId: group.id } });
      }
      await catalogueChanged(tx, ids.slice(0, 5));
    });
    const all = await prisma.publication.count({ where: { status: 'published' } });
    const first = await search('sort=title');
    expect(first).toMatchObject({ total: all, results: all - 3, pageCount: Math.ceil((all - 3) / 20) });
    const slugs: string[] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      for (const item of (await search(`sort=title&page=${page}`)).items) slugs.push(item.slug, ...item.translations.map((t) => t.slug));
    }
    // No publication shows twice, as a result or as another result's translation.
    expect(new Set(slugs).size).toBe(slugs.length);
    expect((await search('translations=separate')).results).toBe(all);
  });
});
