import { describe, expect, it } from 'vitest';
import { getPublicationPage, listRelatedPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { publicationChanged } from '@/lib/publications/changes';
import { upsertPublication, type PublicationInput } from '@/lib/publications/save';

// Related publications on the sample data and records made here (each test file has its own database),
// the same on SQLite and PostgreSQL: the ranking is the search index's, the cards the database's.

function publication(fields: Partial<PublicationInput> & { title: string }): PublicationInput {
  return { summary: 'A test record.', year: 2020, category: 'report', countries: [], regions: [], authors: [], ...fields };
}

const slugsRelatedTo = async (slug: string) => {
  const page = await getPublicationPage(slug);
  if (!page) throw new Error(`no page for ${slug}`);
  return page.related.map((r) => r.slug);
};

describe('related publications', () => {
  it('lists up to six for a sample record, never itself, each with what its card shows', async () => {
    const some = await prisma.publication.findFirstOrThrow({ where: { status: 'published' }, orderBy: { id: 'asc' }, select: { slug: true } });
    const page = (await getPublicationPage(some.slug))!;
    expect(page.related.length).toBeGreaterThan(0);
    expect(page.related.length).toBeLessThanOrEqual(6);
    expect(page.related.map((r) => r.slug)).not.toContain(some.slug);
    for (const card of page.related) {
      expect(card.title).not.toBe('');
      expect(Array.isArray(card.countries)).toBe(true);
    }
    // Deterministic: the same list again, in the same order.
    expect(await slugsRelatedTo(some.slug)).toEqual(page.related.map((r) => r.slug));
  });

  it('ranks a shared rare author above a shared common region only, and never lists a draft', async () => {
    await upsertPublication(prisma, publication({ slug: 'rel-base', title: 'Quollmarsh review', summary: 'Plain words.', authors: ['Rel Quollmarsh Author'], regions: ['worldwide'] }));
    await upsertPublication(prisma, publication({ slug: 'rel-author', title: 'Another paper', summary: 'Other words.', year: 2001, authors: ['Rel Quollmarsh Author'] }));
    // Newer, same region (the sample's commonest): the newer year must not lift it above the shared author.
    await upsertPublication(prisma, publication({ slug: 'rel-region', title: 'A third paper', summary: 'Different words.', year: 2025, regions: ['worldwide'] }));
    await upsertPublication(prisma, publication({ slug: 'rel-draft', title: 'Quollmarsh review draft', summary: 'Plain words.', authors: ['Rel Quollmarsh Author'], regions: ['worldwide'], status: 'draft' }));
    const slugs = await slugsRelatedTo('rel-base');
    expect(slugs[0]).toBe('rel-author');
    expect(slugs).not.toContain('rel-draft');
    expect(slugs).not.toContain('rel-base');
    // The word "words" and the region lift it above the sample's worldwide reports: it is listed, below.
    expect(slugs.indexOf('rel-region')).toBeGreaterThan(0);
  });

  it('finds text likeness, and drops a record once unpublished', async () => {
    await upsertPublication(prisma, publication({ slug: 'rel-text-a', title: 'Wallabycreek brickworks bondage', summary: 'Debt bondage in wallabycreek brickworks.', category: null }));
    await upsertPublication(prisma, publication({ slug: 'rel-text-b', title: 'Brickworks of wallabycreek', summary: 'Wallabycreek kilns and bondage.', category: null, year: 2010 }));
    expect((await slugsRelatedTo('rel-text-a'))[0]).toBe('rel-text-b');
    await upsertPublication(prisma, publication({ slug: 'rel-text-b', title: 'Brickworks of wallabycreek', summary: 'Wallabycreek kilns and bondage.', category: null, year: 2010, status: 'draft' }));
    expect(await slugsRelatedTo('rel-text-a')).not.toContain('rel-text-b');
    // A draft has no page, hence no related publications; by id it has none either.
    const draft = await prisma.publication.findUniqueOrThrow({ where: { slug: 'rel-text-b' }, select: { id: true, title: true, summary: true } });
    expect(await getPublicationPage('rel-text-b')).toBeNull();
    expect(await listRelatedPublications(draft)).toEqual([]);
  });

  it('leaves out its own translations and lists one member of another work', async () => {
    const author = ['Rel Numbat Collective'];
    const ids: Record<string, number> = {};
    // Titles of equal length sharing no word with the record's: the other work's members score alike.
    for (const [slug, title, year, languages] of [
      ['rel-work-en', 'Numbat work', 2020, ['en']],
      ['rel-work-fr', 'Numbat travail', 2020, ['fr']],
      ['rel-other-en', 'Separate study', 2018, ['en']],
      ['rel-other-es', 'Estudio separado', 2019, ['es']],
    ] as const) {
      ids[slug] = await upsertPublication(prisma, publication({ slug, title, year, authors: author, languages: [...languages] }));
    }
    const group = async (slugs: string[]) => {
      const { id } = await prisma.translationGroup.create({ data: {} });
      for (const slug of slugs) {
        await prisma.publication.update({ where: { id: ids[slug]! }, data: { translationGroupId: id } });
        await publicationChanged(prisma, ids[slug]!);
      }
    };
    await group(['rel-work-en', 'rel-work-fr']);
    await group(['rel-other-en', 'rel-other-es']);
    const page = (await getPublicationPage('rel-work-en'))!;
    expect(page.publication.translations.map((t) => t.slug)).toEqual(['rel-work-fr']);
    const slugs = page.related.map((r) => r.slug);
    expect(slugs).not.toContain('rel-work-fr');
    // The other work once, by its better-scored member: equal scores, the later year.
    expect(slugs.filter((s) => s.startsWith('rel-other'))).toEqual(['rel-other-es']);
  });

  it('names categories and countries in the locale', async () => {
    await upsertPublication(prisma, publication({ slug: 'rel-loc-a', title: 'Dingohollow one', countries: ['DE'], authors: ['Rel Dingo'] }));
    await upsertPublication(prisma, publication({ slug: 'rel-loc-b', title: 'Dingohollow two', countries: ['DE'], authors: ['Rel Dingo'], category: 'handbook' }));
    const [card] = (await getPublicationPage('rel-loc-a', 'fr'))!.related;
    expect(card!.slug).toBe('rel-loc-b');
    expect(card!.countries).toEqual([{ code: 'DE', name: 'Allemagne' }]);
  });
});
