import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { SuggestParamsSchema, SuggestionsSchema } from '@/lib/api/schemas';
import { suggestPublications } from '@/lib/data/catalogue';
import { deletePublication, upsertPublication, type PublicationInput } from '@/lib/publications/save';
import { GET } from '@/app/api/suggest/route';

function publication(fields: Partial<PublicationInput> & { title: string }): PublicationInput {
  return { summary: 'A test record.', year: 2020, category: 'report', countries: [], regions: [], authors: [], ...fields };
}

const get = (query: string) => GET(new Request(`http://localhost/api/suggest?${query}`));

describe('type-ahead suggestions', () => {
  it('suggests titles with every word at a word start, the last unfinished, titles starting so first', async () => {
    const { titles } = await suggestPublications('traff');
    expect(titles.length).toBe(5);
    const published = await prisma.publication.findMany({ where: { slug: { in: titles.map((t) => t.slug) } }, select: { slug: true, title: true, status: true } });
    expect(published.every((p) => p.status === 'published')).toBe(true);
    for (const { title } of titles) expect(title.toLowerCase(), title).toMatch(/(^|[^a-z])traff/);
    const starting = titles.filter((t) => /^traff/i.test(t.title)).length;
    expect(titles.slice(0, starting).every((t) => /^traff/i.test(t.title))).toBe(true);
    // Two words: both at word starts, in any order.
    const two = (await suggestPublications('referral nat')).titles;
    expect(two.length).toBeGreaterThan(0);
    for (const { title } of two) {
      expect(title.toLowerCase()).toMatch(/(^|[^a-z])referral/);
      expect(title.toLowerCase()).toMatch(/(^|[^a-z])nat/);
    }
    expect((await suggestPublications('zzqqxx')).titles).toEqual([]);
  });

  it('suggests countries by their name in the locale or in English, and authors, most publications first', async () => {
    const serbia = await suggestPublications('serb');
    expect(serbia.countries[0]).toMatchObject({ value: 'RS', label: 'Serbia' });
    expect(serbia.countries[0]!.count).toBe(await prisma.publication.count({ where: { status: 'published', countries: { some: { countryCode: 'RS' } } } }));
    expect((await suggestPublications('serb', 'fr')).countries[0]).toMatchObject({ value: 'RS', label: 'Serbie' });
    expect((await suggestPublications('serbie', 'fr')).countries[0]).toMatchObject({ value: 'RS' });
    const counts = (await suggestPublications('a')).countries.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const author = await prisma.author.findFirstOrThrow({ where: { publications: { some: { publication: { status: 'published' } } } }, select: { slug: true, name: true } });
    const last = author.name.split(/\s+/).at(-1)!;
    expect((await suggestPublications(last.slice(0, 4))).authors.map((a) => a.value)).toContain(author.slug);
  });

  it('never suggests a draft, and follows writes', async () => {
    await prisma.publication.create({ data: { slug: 'numbatfjord-draft', title: 'Numbatfjord draft notes', summary: 'Draft.', status: 'draft' } });
    expect((await suggestPublications('numbatfjord')).titles).toEqual([]);
    await upsertPublication(prisma, publication({ title: 'Numbatfjord field study' }));
    expect((await suggestPublications('numbatf')).titles).toEqual([{ slug: 'numbatfjord-field-study', title: 'Numbatfjord field study' }]);
    expect(await deletePublication(prisma, 'numbatfjord-field-study')).toBe(true);
    expect((await suggestPublications('numbatf')).titles).toEqual([]);
  });

  it('answers JSON matching its schema, and 400 with a message for bad input', async () => {
    const ok = await get('q=traff&locale=es');
    expect(ok.status).toBe(200);
    expect(SuggestionsSchema.safeParse(await ok.json()).success).toBe(true);
    for (const [query, message] of [
      ['', 'q is required'],
      ['q=t', 'q needs at least 2 characters'],
      ['q=%20%20t%20', 'q needs at least 2 characters'],
      [`q=${'x'.repeat(101)}`, 'q is at most 100 characters'],
      ['q=traff&locale=de', 'locale is one of en, fr, es'],
    ]) {
      const response = await get(query!);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toEqual({ error: message });
    }
    expect(SuggestParamsSchema.parse({ q: '  two   words ' })).toEqual({ q: 'two words', locale: 'en' });
  });
});
