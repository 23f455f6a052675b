import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieJar, createStaff, databaseSnapshot, form, signedInAs, type TestStaff } from './admin-helpers';

vi.mock('next/headers', () => ({ cookies: async () => cookieJar(), headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
  notFound: () => {
    throw new Error('not found');
  },
}));

class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

const { NOT_ALLOWED } = await import('@/lib/auth/authorize');
const { prisma } = await import('@/lib/db');
const { parseCatalogueParams } = await import('@/lib/catalogue/params');
const { searchPublications } = await import('@/lib/data/catalogue');
const { upsertPublication } = await import('@/lib/publications/save');
const { dialect } = await import('@/lib/sql/dialect');
const matchFullText = (db: typeof prisma, q: string) => dialect(db).matchFullText(db, q);
const actions = await import('@/app/admin/taxonomy/actions');

const search = (query: string) => searchPublications(parseCatalogueParams(new URLSearchParams(query)));
const slugsOf = async (query: string) => (await search(query)).items.map((i) => i.slug).sort();

let admin: TestStaff;
let editor: TestStaff;
let counter = 0;

beforeEach(async () => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  signedInAs(null);
  admin ??= await createStaff('admin', 'Ada Admin');
  editor ??= await createStaff('editor', 'Ed Editor');
});

/** Calls an action; a redirect (what a merge ends with) reads as success. */
type Outcome = { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]>; redirect?: string };

async function run(action: (state: object, data: FormData) => Promise<object>, data: FormData): Promise<Outcome> {
  try {
    return (await action({}, data)) as Outcome;
  } catch (error) {
    if (error instanceof Redirect) return { ok: true, redirect: error.url };
    throw error;
  }
}

async function idOf(model: 'category' | 'region' | 'author', slug: string): Promise<number> {
  const where = { where: { slug }, select: { id: true } };
  const row =
    model === 'category'
      ? await prisma.category.findUniqueOrThrow(where)
      : model === 'region'
        ? await prisma.region.findUniqueOrThrow(where)
        : await prisma.author.findUniqueOrThrow(where);
  return row.id;
}

async function testPublication(authors: string[], fields: { title?: string; category?: string; countries?: string[] } = {}) {
  const title = fields.title ?? `Taxonomy test publication ${++counter}`;
  const id = await upsertPublication(prisma, {
    title,
    summary: 'A record made by the taxonomy tests.',
    year: 2021,
    category: fields.category ?? 'report',
    countries: fields.countries ?? [],
    regions: [],
    authors,
  });
  return prisma.publication.findUniqueOrThrow({ where: { id }, select: { id: true, slug: true, version: true } });
}

async function authorsOf(publicationId: number): Promise<{ name: string; position: number }[]> {
  const rows = await prisma.publicationAuthor.findMany({
    where: { publicationId },
    orderBy: { position: 'asc' },
    select: { position: true, author: { select: { name: true } } },
  });
  return rows.map((r) => ({ name: r.author.name, position: r.position }));
}

describe('taxonomy actions refuse callers who are not admins', () => {
  type Action = (state: object, data: FormData) => Promise<object>;
  // Each case builds valid input from the current data: an admin's identical call succeeds.
  const cases: Record<keyof typeof actions, () => Promise<{ action: Action; data: FormData }>> = {
    createCategoryAction: async () => ({ action: actions.createCategoryAction, data: form({ name: 'Refusal category', slug: '' }) }),
    createRegionAction: async () => ({ action: actions.createRegionAction, data: form({ name: 'Refusal region', slug: 'refusal-region' }) }),
    renameCategoryAction: async () => ({
      action: actions.renameCategoryAction,
      data: form({ id: await idOf('category', 'guidance'), name: 'Guidance notes', slug: 'guidance' }),
    }),
    renameRegionAction: async () => ({
      action: actions.renameRegionAction,
      data: form({ id: await idOf('region', 'caribbean'), name: 'The Caribbean', slug: 'caribbean' }),
    }),
    renameAuthorAction: async () => ({
      action: actions.renameAuthorAction,
      data: form({ id: await idOf('author', 'freedom-fund'), name: 'The Freedom Fund', slug: 'freedom-fund' }),
    }),
    mergeCategoriesAction: async () => ({
      action: actions.mergeCategoriesAction,
      data: form({ id: await idOf('category', 'legislation-analysis'), intoId: await idOf('category', 'research-study'), confirm: 'on' }),
    }),
    mergeAuthorsAction: async () => {
      await testPublication(['Refusal Author One', 'Refusal Author Two']);
      return {
        action: actions.mergeAuthorsAction,
        data: form({ id: await idOf('author', 'refusal-author-one'), intoId: await idOf('author', 'refusal-author-two'), confirm: 'on' }),
      };
    },
    addCountryToRegionAction: async () => ({
      action: actions.addCountryToRegionAction,
      data: form({ regionId: await idOf('region', 'oceania'), country: 'RS' }),
    }),
    removeCountryFromRegionAction: async () => ({
      action: actions.removeCountryFromRegionAction,
      data: form({ regionId: await idOf('region', 'south-eastern-europe'), country: 'AL' }),
    }),
  };

  it('covers every exported action', () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, make] of Object.entries(cases)) {
    it(`${name}: anonymous and editor calls are refused and change nothing; an admin's succeeds`, async () => {
      const { action, data } = await make();
      const before = await databaseSnapshot();

      signedInAs(null);
      expect(await run(action, data)).toEqual({ message: NOT_ALLOWED });
      expect(await databaseSnapshot()).toBe(before);

      signedInAs(editor);
      expect(await run(action, data)).toEqual({ message: NOT_ALLOWED });
      expect(await databaseSnapshot()).toBe(before);
      expect(await run(action, new FormData())).toEqual({ message: NOT_ALLOWED });

      signedInAs(admin);
      expect((await run(action, data)).ok).toBe(true);
      expect(await databaseSnapshot()).not.toBe(before);
    });
  }
});

describe('categories', () => {
  it('creates a category with a slug made from its name, and refuses a duplicate', async () => {
    signedInAs(admin);
    expect(await run(actions.createCategoryAction, form({ name: 'Case law digest', slug: '' }))).toMatchObject({ ok: true });
    const created = await prisma.category.findUniqueOrThrow({ where: { slug: 'case-law-digest' } });
    expect(created.name).toBe('Case law digest');
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'category', entityId: String(created.id) } });
    expect(entry).toMatchObject({ action: 'create', userName: 'Ada Admin' });
    expect(JSON.parse(entry.changes)).toEqual({ name: 'Case law digest', slug: 'case-law-digest', nameFr: null, nameEs: null });

    const before = await databaseSnapshot();
    expect((await run(actions.createCategoryAction, form({ name: 'Case Law Digest', slug: '' }))).fieldErrors?.slug?.[0]).toMatch(/already uses this slug/);
    expect((await run(actions.createCategoryAction, form({ name: 'Case law digest', slug: 'other-slug' }))).fieldErrors?.name?.[0]).toMatch(/already called/);
    expect((await run(actions.createCategoryAction, form({ name: 'Odd', slug: 'Not A Slug!' }))).fieldErrors?.slug).toBeDefined();
    expect((await run(actions.createCategoryAction, form({ name: '   ', slug: '' }))).fieldErrors?.name).toEqual(['Enter a name.']);
    expect(await databaseSnapshot()).toBe(before);
  });

  it('renames a category: the slug stays, search and facets show the new name at once', async () => {
    const id = await idOf('category', 'needs-assessment');
    const inCategory = await slugsOf('category=needs-assessment');
    expect(inCategory.length).toBeGreaterThan(0);
    expect((await search('q=zanzibarcategory')).total).toBe(0);
    const renamedAt = new Date();

    signedInAs(admin);
    expect(await run(actions.renameCategoryAction, form({ id, name: 'Zanzibarcategory assessments', slug: 'needs-assessment' }))).toEqual({ ok: true, message: 'Saved.' });
    expect(await prisma.category.findUniqueOrThrow({ where: { id } })).toMatchObject({ slug: 'needs-assessment', name: 'Zanzibarcategory assessments' });

    expect(await slugsOf('q=zanzibarcategory')).toEqual(inCategory);
    // Their records read differently now: their datestamps move, so harvesters fetch them again.
    const stamps = await prisma.publication.findMany({ where: { slug: { in: inCategory } }, select: { updatedAt: true } });
    expect(stamps.every((p) => p.updatedAt >= renamedAt)).toBe(true);
    const result = await search('category=needs-assessment');
    expect(result.facets.category.find((f) => f.value === 'needs-assessment')?.label).toBe('Zanzibarcategory assessments');
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'category', entityId: String(id), action: 'update' } });
    expect(JSON.parse(entry.changes)).toEqual({ name: { before: 'Needs Assessment', after: 'Zanzibarcategory assessments' } });
  });

  it('merges A into B: publications move to B, A is deleted, versions and history follow, search agrees', async () => {
    const from = await idOf('category', 'toolkit');
    const into = await idOf('category', 'handbook');
    const moved = await prisma.publication.findMany({ where: { categoryId: from }, select: { id: true, version: true } });
    const kept = await prisma.publication.count({ where: { categoryId: into } });
    expect(moved.length).toBeGreaterThan(0);
    const all = (await search('')).total;

    signedInAs(admin);
    const result = await run(actions.mergeCategoriesAction, form({ id: from, intoId: into, confirm: 'on' }));
    expect(result).toEqual({ ok: true, redirect: `/admin/taxonomy/categories/${into}?merged=${moved.length}` });

    expect(await prisma.category.findUnique({ where: { id: from } })).toBeNull();
    expect(await prisma.publication.count({ where: { categoryId: into } })).toBe(kept + moved.length);
    for (const p of moved) {
      const after = await prisma.publication.findUniqueOrThrow({ where: { id: p.id } });
      expect(after).toMatchObject({ categoryId: into, version: p.version + 1 });
      const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'publication', entityId: String(p.id) }, orderBy: { id: 'desc' } });
      expect(JSON.parse(entry.changes)).toEqual({ category: { before: 'Toolkit', after: 'Handbook' } });
    }
    const merge = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'category', action: 'merge', entityId: String(from) } });
    expect(merge.label).toBe('Toolkit → Handbook');

    expect((await search('category=handbook')).total).toBe(kept + moved.length);
    // The old slug names nothing now, so the filter is ignored (as any unknown value is).
    expect((await search('category=toolkit')).total).toBe(all);
    expect((await search('q=toolkit')).items.every((i) => i.category?.slug !== 'toolkit')).toBe(true);
  });

  it('refuses merging into itself, into nothing, or unconfirmed', async () => {
    const id = await idOf('category', 'report');
    const other = await idOf('category', 'guidance');
    signedInAs(admin);
    const before = await databaseSnapshot();
    expect((await run(actions.mergeCategoriesAction, form({ id, intoId: id, confirm: 'on' }))).fieldErrors?.intoId).toEqual(['Choose a different one to keep.']);
    expect((await run(actions.mergeCategoriesAction, form({ id, intoId: '', confirm: 'on' }))).fieldErrors?.intoId).toBeDefined();
    expect((await run(actions.mergeCategoriesAction, form({ id, intoId: other }))).fieldErrors?.confirm).toEqual(['Tick the box to confirm.']);
    expect((await run(actions.mergeCategoriesAction, form({ id, intoId: 999_999, confirm: 'on' }))).fieldErrors?.intoId?.[0]).toMatch(/no longer exists/);
    expect(await databaseSnapshot()).toBe(before);
  });
});

describe('authors', () => {
  it('merges A into B: each publication keeps its order, B is never credited twice, search finds B', async () => {
    const both = await testPublication(['Quillon Mergesource', 'Cora Middle', 'Bram Mergetarget']);
    const onlyA = await testPublication(['Cora Middle', 'Quillon Mergesource']);
    const alone = await testPublication(['Quillon Mergesource']);
    const onlyB = await testPublication(['Bram Mergetarget', 'Cora Middle']);
    const a = await idOf('author', 'quillon-mergesource');
    const b = await idOf('author', 'bram-mergetarget');
    expect(await slugsOf('q=mergesource')).toEqual([both.slug, onlyA.slug, alone.slug].sort());

    signedInAs(admin);
    const result = await run(actions.mergeAuthorsAction, form({ id: a, intoId: b, confirm: 'on' }));
    expect(result).toEqual({ ok: true, redirect: `/admin/taxonomy/authors/${b}?merged=3` });

    // B takes the earlier of the two places where a publication credited both.
    expect(await authorsOf(both.id)).toEqual([{ name: 'Bram Mergetarget', position: 0 }, { name: 'Cora Middle', position: 1 }]);
    expect(await authorsOf(onlyA.id)).toEqual([{ name: 'Cora Middle', position: 0 }, { name: 'Bram Mergetarget', position: 1 }]);
    expect(await authorsOf(alone.id)).toEqual([{ name: 'Bram Mergetarget', position: 0 }]);
    expect(await authorsOf(onlyB.id)).toEqual([{ name: 'Bram Mergetarget', position: 0 }, { name: 'Cora Middle', position: 1 }]);
    expect(await prisma.author.findUnique({ where: { id: a } })).toBeNull();
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: both.id } })).version).toBe(both.version + 1);
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: onlyB.id } })).version).toBe(onlyB.version);

    // Search: in memory, by facet, and in the FTS5 table.
    const all = [both.slug, onlyA.slug, alone.slug, onlyB.slug].sort();
    expect(await slugsOf('q=mergetarget')).toEqual(all);
    expect(await slugsOf('q=mergesource')).toEqual([]);
    expect(await slugsOf('author=bram-mergetarget')).toEqual(all);
    expect((await search('author=bram-mergetarget')).facets.author.find((f) => f.value === 'bram-mergetarget')?.count).toBe(4);
    expect((await matchFullText(prisma, 'mergetarget')).sort()).toEqual([both.id, onlyA.id, alone.id, onlyB.id].sort());
    expect(await matchFullText(prisma, 'mergesource')).toEqual([]);

    const history = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'publication', entityId: String(both.id) }, orderBy: { id: 'desc' } });
    expect(JSON.parse(history.changes)).toEqual({
      authors: { before: ['Quillon Mergesource', 'Cora Middle', 'Bram Mergetarget'], after: ['Bram Mergetarget', 'Cora Middle'] },
    });
    const merge = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'author', action: 'merge', entityId: String(a) } });
    expect(JSON.parse(merge.changes)).toMatchObject({ name: { before: 'Quillon Mergesource', after: 'Bram Mergetarget' }, publicationsMoved: { after: 3 } });
  });

  it('renames an author: slug kept unless edited, search finds the new name only', async () => {
    const p = await testPublication(['Olwen Oldname']);
    const id = await idOf('author', 'olwen-oldname');
    signedInAs(admin);
    expect(await run(actions.renameAuthorAction, form({ id, name: 'Olwen Newname', slug: 'olwen-oldname' }))).toMatchObject({ ok: true });
    expect(await slugsOf('q=newname')).toEqual([p.slug]);
    expect(await slugsOf('q=oldname')).toEqual([]);
    expect((await search('author=olwen-oldname')).items.map((i) => i.authors.map((a) => a.name))).toEqual([['Olwen Newname']]);

    // Changing the slug too moves the facet value.
    expect(await run(actions.renameAuthorAction, form({ id, name: 'Olwen Newname', slug: 'olwen-newname' }))).toMatchObject({ ok: true });
    expect(await slugsOf('author=olwen-newname')).toEqual([p.slug]);

    const before = await databaseSnapshot();
    // Another author's name or slug is refused: merging is the way to join two authors.
    expect((await run(actions.renameAuthorAction, form({ id, name: 'Walk Free Foundation', slug: 'olwen-newname' }))).fieldErrors?.name?.[0]).toMatch(/merge the two instead/);
    expect((await run(actions.renameAuthorAction, form({ id, name: 'Olwen N.', slug: 'council-of-europe' }))).fieldErrors?.slug?.[0]).toMatch(/already uses this slug/);
    // Saving without a change writes nothing.
    expect(await run(actions.renameAuthorAction, form({ id, name: 'Olwen Newname', slug: 'olwen-newname' }))).toMatchObject({ ok: true });
    expect(await databaseSnapshot()).toBe(before);
  });
});

describe('regions', () => {
  it('adds a country to a region and removes it: the region filter follows', async () => {
    signedInAs(admin);
    expect(await run(actions.createRegionAction, form({ name: 'Zetland Test Region', slug: '' }))).toMatchObject({ ok: true });
    const regionId = await idOf('region', 'zetland-test-region');
    const serbian = await slugsOf('country=RS');
    expect(serbian.length).toBeGreaterThan(0);
    // A new region has no country and no publication: filtering by it finds nothing.
    expect((await search('region=zetland-test-region')).total).toBe(0);

    expect(await run(actions.addCountryToRegionAction, form({ regionId, country: 'rs' }))).toEqual({ ok: true, message: 'Country added.' });
    expect(await slugsOf('region=zetland-test-region')).toEqual(serbian);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entity: 'region', entityId: String(regionId), action: 'update' } });
    expect(JSON.parse(entry.changes)).toEqual({ countries: { before: [], after: ['Serbia'] } });

    const before = await databaseSnapshot();
    expect((await run(actions.addCountryToRegionAction, form({ regionId, country: 'RS' }))).fieldErrors?.country?.[0]).toMatch(/already in/);
    expect((await run(actions.addCountryToRegionAction, form({ regionId, country: 'QQ' }))).fieldErrors?.country).toEqual(['There is no country with this code.']);
    expect((await run(actions.removeCountryFromRegionAction, form({ regionId, country: 'FR' }))).fieldErrors?.country?.[0]).toMatch(/is not in/);
    expect(await databaseSnapshot()).toBe(before);

    expect(await run(actions.removeCountryFromRegionAction, form({ regionId, country: 'RS' }))).toMatchObject({ ok: true });
    expect((await search('region=zetland-test-region')).total).toBe(0);
  });

  it('renames a region: tagged publications are found by the new name', async () => {
    const id = await idOf('region', 'south-eastern-europe');
    const tagged = await prisma.publicationRegion.findMany({ where: { regionId: id }, select: { publicationId: true } });
    expect(tagged.length).toBeGreaterThan(0);
    signedInAs(admin);
    expect(await run(actions.renameRegionAction, form({ id, name: 'Southeast Europe Quasar', slug: 'south-eastern-europe' }))).toMatchObject({ ok: true });
    const found = await matchFullText(prisma, 'quasar');
    expect(found.sort()).toEqual(tagged.map((t) => t.publicationId).sort());
    expect((await search('q=quasar')).total).toBe(tagged.length);
    expect((await search('region=south-eastern-europe')).facets.region.find((f) => f.value === 'south-eastern-europe')?.label).toBe('Southeast Europe Quasar');
  });
});

describe('the write functions check the role themselves', () => {
  it('refuses an editor passed straight to them', async () => {
    const { createCategory, mergeAuthors } = await import('@/lib/taxonomy/admin');
    const before = await databaseSnapshot();
    await expect(createCategory(prisma, editor, { name: 'Sneaky' })).rejects.toThrow(/Only admins/);
    await expect(mergeAuthors(prisma, editor, { id: 1, intoId: 2 })).rejects.toThrow(/Only admins/);
    expect(await databaseSnapshot()).toBe(before);
  });
});
