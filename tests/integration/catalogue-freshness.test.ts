// What a search keeps between requests (the index, the names of taxonomy entries and authors cached per
// index rebuild) must never show a catalogue older than the database: every write below is followed by a
// search that would still see the old state if any of it went stale. Each test searches first, so that
// whatever it caches is filled before the write.
import { describe, expect, it } from 'vitest';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { searchPublications, type CatalogueResult } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import { createPublication, deletePublicationAsStaff, updatePublication, type WriteResult } from '@/lib/publications/admin';
import { renameAuthor, renameCategory, renameRegion } from '@/lib/taxonomy/admin';
import { encodeTranslation, PublicationFormSchema, readPublicationForm, type PublicationFormData } from '@/lib/validation/publication-form';
import { publicationFormData } from './helpers/publication-form';

const editor = { id: 9301, name: 'Fran Fresh' };
const admin = { id: 9302, name: 'Ada Fresh', email: 'ada-fresh@example.test', role: 'admin' as const };

type Fields = Parameters<typeof publicationFormData>[0] & { translations?: number[] };

function form({ translations = [], ...fields }: Fields): PublicationFormData {
  const data = publicationFormData(fields);
  for (const id of translations) data.append('translations', encodeTranslation({ id, title: '', language: null }));
  return PublicationFormSchema.parse(readPublicationForm(data));
}

function ok(result: WriteResult) {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result;
}

const search = (query: string, locale: Locale = 'en') => searchPublications(parseCatalogueParams(new URLSearchParams(query)), locale);
const card = (result: CatalogueResult, slug: string) => result.items.find((i) => i.slug === slug);
const facetValue = (result: CatalogueResult, facet: keyof CatalogueResult['facets'], value: string) =>
  result.facets[facet].find((f) => f.value === value);

async function save(id: number, fields: Fields) {
  const { version } = await prisma.publication.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return ok(await updatePublication(prisma, editor, id, version, form(fields)));
}

describe('a search after a write sees the write', () => {
  it('an edit: title, summary, year, category, countries, authors and languages of the card, and the facets', async () => {
    const created = ok(
      await createPublication(
        prisma,
        editor,
        form({ title: 'Wombatcreek shelter review', countries: ['RS'], authors: [{ name: 'Petra Wombatcreek' }], languages: ['en'], year: '2019' }),
      ),
    );
    const before = await search('q=wombatcreek');
    expect(card(before, created.slug)).toMatchObject({
      title: 'Wombatcreek shelter review',
      year: 2019,
      category: { slug: 'report' },
      countries: [{ code: 'RS', name: 'Serbia' }],
      authors: [{ slug: 'petra-wombatcreek', name: 'Petra Wombatcreek' }],
      languages: ['en'],
    });
    expect(facetValue(before, 'author', 'petra-wombatcreek')).toMatchObject({ label: 'Petra Wombatcreek', count: 1 });

    await save(created.id, {
      title: 'Wombatcreek shelter review, second edition',
      summary: 'Revised: now about wombatcreek hostels.',
      year: '2021',
      category: 'handbook',
      countries: ['AL', 'RS'],
      authors: [{ name: 'Quentin Wombatcreek' }],
      languages: ['fr', 'en'],
    });
    const after = await search('q=wombatcreek');
    expect(after.total).toBe(1);
    expect(card(after, created.slug)).toMatchObject({
      title: 'Wombatcreek shelter review, second edition',
      summary: 'Revised: now about wombatcreek hostels.',
      year: 2021,
      category: { slug: 'handbook', name: 'Handbook' },
      countries: [
        { code: 'AL', name: 'Albania' },
        { code: 'RS', name: 'Serbia' },
      ],
      authors: [{ slug: 'quentin-wombatcreek', name: 'Quentin Wombatcreek' }],
      languages: ['fr', 'en'],
    });
    expect(card(after, created.slug)?.snippets?.summary.some((s) => s.mark && /wombatcreek/i.test(s.text))).toBe(true);
    expect(facetValue(after, 'author', 'petra-wombatcreek')).toBeUndefined();
    expect(facetValue(after, 'author', 'quentin-wombatcreek')).toMatchObject({ label: 'Quentin Wombatcreek', count: 1 });
    expect(facetValue(after, 'year', '2019')).toBeUndefined();
    expect(facetValue(after, 'language', 'fr')).toMatchObject({ count: 1 });

    // Back to draft: gone from public search at once.
    await save(created.id, { title: 'Wombatcreek shelter review, second edition', status: 'draft' });
    expect((await search('q=wombatcreek')).total).toBe(0);
  });

  it('a taxonomy rename: the author, category and region names on cards and facets, in every locale', async () => {
    const region = await prisma.region.findUniqueOrThrow({ where: { slug: 'south-eastern-europe' } });
    const created = ok(
      await createPublication(
        prisma,
        editor,
        form({ title: 'Numbatgully labour inspection', category: 'handbook', regions: [region.slug], authors: [{ name: 'Numbat Gully Institute' }] }),
      ),
    );
    const query = `q=numbatgully&author=numbat-gully-institute&category=handbook&region=${region.slug}`;
    const [en, fr] = [await search(query), await search(query, 'fr')];
    expect(en.params.author).toEqual(['numbat-gully-institute']);
    expect(card(en, created.slug)?.authors).toEqual([{ slug: 'numbat-gully-institute', name: 'Numbat Gully Institute' }]);
    expect(facetValue(en, 'author', 'numbat-gully-institute')?.label).toBe('Numbat Gully Institute');
    expect(facetValue(fr, 'category', 'handbook')?.label).not.toBe('Manuel numbat');

    const author = await prisma.author.findUniqueOrThrow({ where: { slug: 'numbat-gully-institute' } });
    await renameAuthor(prisma, admin, { id: author.id, name: 'Numbat Gully Foundation', slug: author.slug });
    const category = await prisma.category.findUniqueOrThrow({ where: { slug: 'handbook' } });
    await renameCategory(prisma, admin, { id: category.id, name: 'Handbook (numbat)', slug: category.slug, nameFr: 'Manuel numbat' });
    await renameRegion(prisma, admin, { id: region.id, name: 'South-Eastern Europe (numbat)', slug: region.slug, nameEs: 'Sudeste numbat' });

    const renamed = await search(query);
    expect(card(renamed, created.slug)).toMatchObject({
      authors: [{ slug: 'numbat-gully-institute', name: 'Numbat Gully Foundation' }],
      category: { slug: 'handbook', name: 'Handbook (numbat)' },
      regions: [{ slug: region.slug, name: 'South-Eastern Europe (numbat)' }],
    });
    expect(facetValue(renamed, 'author', 'numbat-gully-institute')?.label).toBe('Numbat Gully Foundation');
    expect(facetValue(renamed, 'category', 'handbook')?.label).toBe('Handbook (numbat)');
    expect(facetValue(renamed, 'region', region.slug)?.label).toBe('South-Eastern Europe (numbat)');
    const inFrench = await search(query, 'fr');
    expect(card(inFrench, created.slug)?.category?.name).toBe('Manuel numbat');
    expect(facetValue(inFrench, 'category', 'handbook')?.label).toBe('Manuel numbat');
    const inSpanish = await search(query, 'es');
    expect(card(inSpanish, created.slug)?.regions).toEqual([{ slug: region.slug, name: 'Sudeste numbat' }]);
    expect(facetValue(inSpanish, 'region', region.slug)?.label).toBe('Sudeste numbat');
  });

  it('a delete: the publication, its counts and its author are gone from the next search', async () => {
    const created = ok(await createPublication(prisma, editor, form({ title: 'Quollridge trafficking survey', authors: [{ name: 'Quollridge Lab' }] })));
    const everything = await search('');
    const before = await search('q=quollridge');
    expect(before.items.map((i) => i.slug)).toEqual([created.slug]);
    expect(facetValue(before, 'author', 'quollridge-lab')?.count).toBe(1);

    ok(await deletePublicationAsStaff(prisma, editor, created.id, created.version));
    const after = await search('q=quollridge');
    expect(after).toMatchObject({ total: 0, items: [] });
    expect(facetValue(after, 'author', 'quollridge-lab')).toBeUndefined();
    expect((await search('')).total).toBe(everything.total - 1);
  });

  it('a translation regroup: grouped results follow the links as they are made, moved and undone', async () => {
    const make = async (title: string, language: string) => ok(await createPublication(prisma, editor, form({ title, languages: [language] })));
    const en = await make('Potoroo valley migrant workers', 'en');
    const fr = await make('Potoroo vallée travailleurs migrants', 'fr');
    const es = await make('Potoroo valle trabajadores migrantes', 'es');
    // Each result as its work: the language:slug of the result and of its translations, whichever member
    // ranks first; the works in a stable order.
    const works = async () =>
      (await search('q=potoroo'))
        .items.map((i) => [`${i.languages[0]}:${i.slug}`, ...i.translations.map((t) => `${t.language}:${t.slug}`)].sort().join(' '))
        .sort();
    const work = (...members: string[]) => members.sort().join(' ');
    expect(await works()).toEqual([work(`en:${en.slug}`), work(`es:${es.slug}`), work(`fr:${fr.slug}`)].sort());

    await save(en.id, { title: 'Potoroo valley migrant workers', languages: ['en'], translations: [fr.id] });
    expect(await works()).toEqual([work(`en:${en.slug}`, `fr:${fr.slug}`), work(`es:${es.slug}`)].sort());

    // French moves from the English work to the Spanish one (the English one is left alone: no group).
    await save(fr.id, { title: 'Potoroo vallée travailleurs migrants', languages: ['fr'], translations: [es.id] });
    expect(await works()).toEqual([work(`en:${en.slug}`), work(`es:${es.slug}`, `fr:${fr.slug}`)].sort());

    // A member's main language changes: the link shows its new one.
    await save(es.id, { title: 'Potoroo valle trabajadores migrantes', languages: ['pt'], translations: [fr.id] });
    expect(await works()).toEqual([work(`en:${en.slug}`), work(`fr:${fr.slug}`, `pt:${es.slug}`)].sort());

    await save(fr.id, { title: 'Potoroo vallée travailleurs migrants', languages: ['fr'], translations: [] });
    expect(await works()).toEqual([work(`en:${en.slug}`), work(`fr:${fr.slug}`), work(`pt:${es.slug}`)].sort());
  });
});
