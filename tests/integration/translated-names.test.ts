import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieJar, createStaff, databaseSnapshot, form, signedInAs, type TestStaff } from './admin-helpers';

vi.mock('next/headers', () => ({ cookies: async () => cookieJar(), headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { NOT_ALLOWED } = await import('@/lib/auth/authorize');
const { prisma } = await import('@/lib/db');
const { parseCatalogueParams } = await import('@/lib/catalogue/params');
const { getPublication, listAllPublications, listNewestPublications, searchPublications } = await import('@/lib/data/catalogue');
const { upsertPublication } = await import('@/lib/publications/save');
const actions = await import('@/app/admin/taxonomy/actions');
const { createPublication } = await import('@/lib/publications/admin');
const { publicationFormData } = await import('./helpers/publication-form');
const { PublicationFormSchema, publicationFieldErrors, readPublicationForm } = await import('@/lib/validation/publication-form');
const publicationForm = (fields: Parameters<typeof publicationFormData>[0]) =>
  PublicationFormSchema.safeParse(readPublicationForm(publicationFormData(fields)));
type Locale = import('@/lib/i18n/locales').Locale;

const params = (query: string) => parseCatalogueParams(new URLSearchParams(query));
const search = (query: string, locale?: Locale) => searchPublications(params(query), locale);
const labelOf = async (query: string, facet: 'region' | 'category', value: string, locale?: Locale) =>
  (await search(query, locale)).facets[facet].find((f) => f.value === value)?.label;
const labelsOf = async (query: string, facet: 'country' | 'region' | 'category', locale?: Locale) =>
  (await search(query, locale)).facets[facet].map((f) => f.label);

let admin: TestStaff;

beforeEach(async () => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  admin ??= await createStaff('admin', 'Ada Admin');
  signedInAs(admin);
});

const regionId = async (slug: string) => (await prisma.region.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const categoryId = async (slug: string) => (await prisma.category.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

// One publication per country, all matching one word: every country facet value has the same count,
// so their order is the collation's alone.
const COLLATION_COUNTRIES = ['ZW', 'ER', 'EG', 'DJ', 'DE'];

beforeAll(async () => {
  for (const [i, code] of COLLATION_COUNTRIES.entries()) {
    await upsertPublication(prisma, {
      title: `Quillwort collation record ${i + 1}`,
      summary: 'A record made by the translated names tests.',
      year: 2020,
      category: 'report',
      countries: [code],
      regions: ['west-africa'],
      authors: ['Translated Names Test Author'],
    });
  }
});

describe('seeded translations', () => {
  it('every seeded region and category has its French and Spanish name in the database', async () => {
    expect(await prisma.region.findUniqueOrThrow({ where: { slug: 'west-africa' } })).toMatchObject({
      name: 'West Africa',
      nameFr: "Afrique de l'Ouest",
      nameEs: 'África occidental',
    });
    expect(await prisma.category.findUniqueOrThrow({ where: { slug: 'report' } })).toMatchObject({ nameFr: 'Rapport', nameEs: 'Informe' });
    expect(await prisma.region.count({ where: { OR: [{ nameFr: null }, { nameEs: null }] } })).toBe(0);
    expect(await prisma.category.count({ where: { OR: [{ nameFr: null }, { nameEs: null }] } })).toBe(0);
  });

  it('seeding again fills translations still missing (a catalogue seeded before they existed) and keeps an admin’s', async () => {
    const { seedTaxonomy } = await import('@/lib/taxonomy/seed');
    await prisma.region.update({ where: { slug: 'oceania' }, data: { nameFr: null, nameEs: 'Oceanía y el Pacífico' } });
    const changes = await prisma.catalogueChange.count();
    await seedTaxonomy(prisma);
    expect(await prisma.region.findUniqueOrThrow({ where: { slug: 'oceania' } })).toMatchObject({ nameFr: 'Océanie', nameEs: 'Oceanía y el Pacífico' });
    // Labels changed: every search index rebuilds.
    expect(await prisma.catalogueChange.count()).toBe(changes + 1);
    await prisma.region.update({ where: { slug: 'oceania' }, data: { nameEs: 'Oceanía' } });
  });
});

describe('labels per locale', () => {
  it('facet values are named in the locale and equal counts sort by its collation', async () => {
    expect(await labelsOf('q=quillwort', 'country', 'fr')).toEqual(['Allemagne', 'Djibouti', 'Égypte', 'Érythrée', 'Zimbabwe']);
    expect(await labelsOf('q=quillwort', 'country', 'es')).toEqual(['Alemania', 'Egipto', 'Eritrea', 'Yibuti', 'Zimbabue']);
    // English callers are unchanged: the stored names, in English order.
    expect(await labelsOf('q=quillwort', 'country')).toEqual(['Djibouti', 'Egypt', 'Eritrea', 'Germany', 'Zimbabwe']);
    // Regions also count the publications of their countries (Egypt: North Africa and the Middle East).
    expect(await labelsOf('q=quillwort', 'region', 'fr')).toEqual(["Afrique de l'Ouest", "Afrique de l'Est", 'Afrique du Nord', 'Europe occidentale', 'Moyen-Orient']);
    expect(await labelsOf('q=quillwort', 'category', 'es')).toEqual(['Informe']);
  });

  it('items carry their category, countries and regions in the locale', async () => {
    const [item] = (await search('q=quillwort&country=EG', 'fr')).items;
    expect(item).toMatchObject({
      category: { slug: 'report', name: 'Rapport' },
      countries: [{ code: 'EG', name: 'Égypte' }],
      regions: [{ slug: 'west-africa', name: "Afrique de l'Ouest" }],
      authors: [{ slug: 'translated-names-test-author', name: 'Translated Names Test Author' }],
    });
    const detail = await getPublication(item!.slug, 'es');
    expect(detail).toMatchObject({ category: { name: 'Informe' }, countries: [{ name: 'Egipto' }], regions: [{ name: 'África occidental' }] });
    expect((await getPublication(item!.slug))?.countries).toEqual([{ code: 'EG', name: 'Egypt' }]);
  });

  it('the find box matches country names in the locale and in English', async () => {
    const found = async (find: string) => (await search(`q=quillwort&findCountry=${encodeURIComponent(find)}`, 'fr')).facets.country.map((f) => f.value);
    expect(await found('egypte')).toEqual(['EG']);
    expect(await found('Egypt')).toEqual(['EG']);
    expect(await found('allem')).toEqual(['DE']);
  });

  it('exports and feeds name what they list in the locale', async () => {
    const batches: { countries: { name: string }[] }[][] = [];
    for await (const batch of listAllPublications(params('q=quillwort&country=ER'), 500, 'es')) batches.push(batch);
    expect(batches.flat().map((p) => p.countries.map((c) => c.name))).toEqual([['Eritrea']]);

    const feed = await listNewestPublications(params('country=EG&region=west-africa&category=report'), 10, undefined, 'fr');
    expect(feed.labels).toMatchObject({ country: { EG: 'Égypte' }, region: { 'west-africa': "Afrique de l'Ouest" }, category: { report: 'Rapport' } });
    expect(feed.items.find((p) => p.title.startsWith('Quillwort'))?.countries).toEqual([{ code: 'EG', name: 'Égypte' }]);
  });
});

describe('admins edit the French and Spanish names', () => {
  it('renaming a region’s translations saves and audits them, marks its publications changed, and the locale’s labels follow', async () => {
    const id = await regionId('west-africa');
    const tagged = (await prisma.publicationRegion.findMany({ where: { regionId: id }, select: { publicationId: true } })).map((r) => r.publicationId);
    expect(tagged.length).toBeGreaterThan(0);
    const changesBefore = await prisma.catalogueChange.count();
    const savedAt = new Date();

    const outcome = await actions.renameRegionAction(
      {},
      form({ id, name: 'West Africa', slug: 'west-africa', nameFr: '  Afrique occidentale ', nameEs: 'África del Oeste' }),
    );
    expect(outcome).toEqual({ ok: true, message: 'Saved.' });
    expect(await prisma.region.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: 'West Africa',
      slug: 'west-africa',
      nameFr: 'Afrique occidentale',
      nameEs: 'África del Oeste',
    });

    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'region', entityId: String(id), action: 'update' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ userName: 'Ada Admin', label: 'West Africa' });
    expect(JSON.parse(entry.changes)).toEqual({
      nameFr: { before: "Afrique de l'Ouest", after: 'Afrique occidentale' },
      nameEs: { before: 'África occidental', after: 'África del Oeste' },
    });

    // The records read differently in French and Spanish: harvesters and every search index must see it.
    expect(await prisma.catalogueChange.count()).toBeGreaterThan(changesBefore);
    const stamps = await prisma.publication.findMany({ where: { id: { in: tagged } }, select: { updatedAt: true } });
    expect(stamps.every((p) => p.updatedAt >= savedAt)).toBe(true);

    expect(await labelOf('q=quillwort', 'region', 'west-africa', 'fr')).toBe('Afrique occidentale');
    expect(await labelOf('q=quillwort', 'region', 'west-africa', 'es')).toBe('África del Oeste');
    expect(await labelOf('q=quillwort', 'region', 'west-africa')).toBe('West Africa');
  });

  it('a blank translation clears it (English shows), and a form without the field keeps it', async () => {
    const id = await categoryId('toolkit');
    expect(await actions.renameCategoryAction({}, form({ id, name: 'Toolkit', slug: 'toolkit', nameFr: 'Boîte à outils', nameEs: '' }))).toMatchObject({ ok: true });
    expect(await prisma.category.findUniqueOrThrow({ where: { id } })).toMatchObject({ nameFr: 'Boîte à outils', nameEs: null });

    expect(await actions.renameCategoryAction({}, form({ id, name: 'Toolkits', slug: 'toolkit' }))).toMatchObject({ ok: true });
    expect(await prisma.category.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'Toolkits', nameFr: 'Boîte à outils', nameEs: null });

    const entries = await prisma.auditEntry.findMany({ where: { entity: 'category', entityId: String(id), action: 'update' }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => JSON.parse(e.changes))).toEqual([
      { nameEs: { before: 'Conjunto de herramientas', after: null } },
      { name: { before: 'Toolkit', after: 'Toolkits' } },
    ]);
    await upsertPublication(prisma, {
      title: 'Quillwort toolkit record',
      summary: 'A record made by the translated names tests.',
      year: 2020,
      category: 'toolkit',
      countries: [],
      regions: [],
      authors: [],
    });
    expect(await labelOf('q=quillwort', 'category', 'toolkit', 'es')).toBe('Toolkits');
    expect(await labelOf('q=quillwort', 'category', 'toolkit', 'fr')).toBe('Boîte à outils');
  });

  it('creating a category saves and audits its translations', async () => {
    const outcome = await actions.createCategoryAction({}, form({ name: 'Case study', slug: '', nameFr: 'Étude de cas', nameEs: 'Estudio de caso' }));
    expect(outcome).toMatchObject({ ok: true });
    const created = await prisma.category.findUniqueOrThrow({ where: { slug: 'case-study' } });
    expect(created).toMatchObject({ nameFr: 'Étude de cas', nameEs: 'Estudio de caso' });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'category', entityId: String(created.id), action: 'create' } });
    expect(JSON.parse(entry.changes)).toEqual({ name: 'Case study', slug: 'case-study', nameFr: 'Étude de cas', nameEs: 'Estudio de caso' });
  });

  it('refuses invalid translations with a message on the field, and changes nothing', async () => {
    const id = await regionId('caribbean');
    const before = await databaseSnapshot();
    const refused = async (fields: Record<string, string | number>, action = actions.renameRegionAction) => {
      const outcome = await action({}, form(fields));
      expect(outcome.ok).toBeUndefined();
      return outcome;
    };

    const tooLong = await refused({ id, name: 'Caribbean', slug: 'caribbean', nameFr: 'C'.repeat(201), nameEs: 'Caribe' });
    expect(tooLong.fieldErrors).toEqual({ nameFr: ['Use at most 200 characters.'] });
    // What was typed comes back, so the form can show it again.
    expect(tooLong.values).toMatchObject({ nameFr: 'C'.repeat(201), nameEs: 'Caribe' });

    const taken = await refused({ id, name: 'Caribbean', slug: 'caribbean', nameFr: 'Caraïbes', nameEs: 'Oceanía' });
    expect(taken.fieldErrors).toEqual({ nameEs: ['The region “Oceania” is already called “Oceanía” in Spanish.'] });

    const takenOnCreate = await refused({ name: 'Pacific Islands', slug: '', nameFr: 'Océanie', nameEs: '' }, actions.createRegionAction);
    expect(takenOnCreate.fieldErrors).toEqual({ nameFr: ['The region “Oceania” is already called “Océanie” in French.'] });

    expect(await databaseSnapshot()).toBe(before);
  });

  it('is refused to editors, who change nothing', async () => {
    const editor = await createStaff('editor', 'Ed Editor');
    const id = await regionId('caribbean');
    const before = await databaseSnapshot();
    signedInAs(editor);
    const outcome = await actions.renameRegionAction({}, form({ id, name: 'Caribbean', slug: 'caribbean', nameFr: 'Antilles', nameEs: 'Antillas' }));
    expect(outcome).toEqual({ message: NOT_ALLOWED });
    expect(await databaseSnapshot()).toBe(before);
  });

  it('the publication form’s new category takes optional French and Spanish names, audited; a French name taken is refused', async () => {
    const editor = await createStaff('editor', 'Ed Newcategory');
    const created = await createPublication(
      prisma,
      editor,
      publicationForm({ title: 'Quillwort evaluation', category: '__new__', newCategory: 'Evaluation', newCategoryFr: 'Évaluation', newCategoryEs: ' Evaluación ' }).data!,
    );
    expect(created.ok).toBe(true);
    expect(await prisma.category.findUniqueOrThrow({ where: { slug: 'evaluation' } })).toMatchObject({ nameFr: 'Évaluation', nameEs: 'Evaluación' });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'category', action: 'create', label: 'Evaluation' } });
    expect(JSON.parse(entry.changes)).toEqual({ slug: 'evaluation', name: 'Evaluation', nameFr: 'Évaluation', nameEs: 'Evaluación' });
    expect(await labelOf('q=quillwort', 'category', 'evaluation', 'fr')).toBe('Évaluation');

    // Without them the new category has none (English shows).
    expect((await createPublication(prisma, editor, publicationForm({ title: 'Quillwort memo', category: '__new__', newCategory: 'Memo' }).data!)).ok).toBe(true);
    expect(await prisma.category.findUniqueOrThrow({ where: { slug: 'memo' } })).toMatchObject({ nameFr: null, nameEs: null });

    const before = await databaseSnapshot();
    const refused = await createPublication(
      prisma,
      editor,
      publicationForm({ title: 'Quillwort digest', category: '__new__', newCategory: 'Digest', newCategoryFr: 'Rapport' }).data!,
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { category: ['The category “Report” is already called “Rapport” in French.'] } });
    const tooLong = publicationForm({ title: 'Quillwort digest', category: '__new__', newCategory: 'Digest', newCategoryEs: 'x'.repeat(101) });
    expect(publicationFieldErrors(tooLong.error!)).toEqual({ category: ['Keep the Spanish category name under 100 characters.'] });
    expect(await databaseSnapshot()).toBe(before);
  });
});
