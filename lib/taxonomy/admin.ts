import 'server-only';
import { diffFields, recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/session';
import type { Db, PrismaClient } from '@/lib/prisma-client';
import { catalogueChanged } from '@/lib/publications/changes';
import { slugify } from '@/lib/text';
import { isUniqueViolation, WriteProblem } from '@/lib/write-problem';
import { dialect } from '@/lib/sql/dialect';

/**
 * Taxonomy management for admins: categories, regions, country→region membership, authors.
 *
 * Every write runs in one transaction with its audit entry and `catalogueChanged` for the publications
 * whose search text or filters it changes, so search follows at once on every app instance.
 * Renames change the name and keep the slug unless the admin edits it too, so catalogue URLs keep working.
 * Merges move the publications of one entry to another and delete the first; nothing redirects its
 * old slug. A merge also counts as an update of each publication it moves (version bumped, so an edit
 * form opened before the merge cannot silently undo it; one history entry per publication).
 */

export type TaxonKind = 'category' | 'region' | 'author';
export type Taxon = { id: number; slug: string; name: string };
/** Categories and regions also have French and Spanish names (null: not translated, English shows). */
export type TranslatedTaxon = Taxon & Translations;
export type Translations = { nameFr: string | null; nameEs: string | null };
type TranslatedKind = 'category' | 'region';
export type PublicationRef = { id: number; slug: string; title: string; status: string };

const NOUN: Record<TaxonKind, string> = { category: 'category', region: 'region', author: 'author' };
const taxonSelect = { id: true, slug: true, name: true } as const;
const translatedSelect = { ...taxonSelect, nameFr: true, nameEs: true } as const;
const TRANSLATIONS = { nameFr: 'French', nameEs: 'Spanish' } as const;
const publicationRefSelect = { id: true, slug: true, title: true, status: true } as const;

function assertAdmin(actor: StaffUser): void {
  if (actor.role !== 'admin') throw new WriteProblem('Only admins manage the taxonomy.');
}

/** The per-kind Prisma calls the shared create and rename code needs. */
const MODELS = {
  category: {
    find: (tx: Db, id: number) => tx.category.findUnique({ where: { id }, select: translatedSelect }),
    findBySlug: (tx: Db, slug: string) => tx.category.findUnique({ where: { slug }, select: taxonSelect }),
    findByName: (tx: Db, name: string, exceptId: number) =>
      tx.category.findFirst({ where: { name, id: { not: exceptId } }, select: taxonSelect }),
    findByTranslation: (tx: Db, field: keyof Translations, name: string, exceptId: number) =>
      tx.category.findFirst({ where: { [field]: name, id: { not: exceptId } }, select: taxonSelect }),
    create: (tx: Db, data: { slug: string; name: string } & Translations) => tx.category.create({ data, select: translatedSelect }),
    update: (tx: Db, id: number, data: { slug: string; name: string } & Partial<Translations>) =>
      tx.category.update({ where: { id }, data, select: translatedSelect }),
    publicationIds: async (tx: Db, id: number) =>
      (await tx.publication.findMany({ where: { categoryId: id }, select: { id: true } })).map((p) => p.id),
  },
  region: {
    find: (tx: Db, id: number) => tx.region.findUnique({ where: { id }, select: translatedSelect }),
    findBySlug: (tx: Db, slug: string) => tx.region.findUnique({ where: { slug }, select: taxonSelect }),
    findByName: (tx: Db, name: string, exceptId: number) =>
      tx.region.findFirst({ where: { name, id: { not: exceptId } }, select: taxonSelect }),
    findByTranslation: (tx: Db, field: keyof Translations, name: string, exceptId: number) =>
      tx.region.findFirst({ where: { [field]: name, id: { not: exceptId } }, select: taxonSelect }),
    create: (tx: Db, data: { slug: string; name: string } & Translations) => tx.region.create({ data, select: translatedSelect }),
    update: (tx: Db, id: number, data: { slug: string; name: string } & Partial<Translations>) =>
      tx.region.update({ where: { id }, data, select: translatedSelect }),
    // Search text holds the names of the regions a publication is tagged with (see lib/sql/sqlite.ts).
    publicationIds: async (tx: Db, id: number) =>
      (await tx.publicationRegion.findMany({ where: { regionId: id }, select: { publicationId: true } })).map(
        (p) => p.publicationId,
      ),
  },
  author: {
    find: (tx: Db, id: number) => tx.author.findUnique({ where: { id }, select: taxonSelect }),
    findBySlug: (tx: Db, slug: string) => tx.author.findUnique({ where: { slug }, select: taxonSelect }),
    findByName: (tx: Db, name: string, exceptId: number) =>
      tx.author.findFirst({ where: { name, id: { not: exceptId } }, select: taxonSelect }),
    create: (tx: Db, data: { slug: string; name: string }) => tx.author.create({ data, select: taxonSelect }),
    update: (tx: Db, id: number, data: { slug: string; name: string }) =>
      tx.author.update({ where: { id }, data, select: taxonSelect }),
    publicationIds: async (tx: Db, id: number) =>
      (await tx.publicationAuthor.findMany({ where: { authorId: id }, select: { publicationId: true } })).map(
        (p) => p.publicationId,
      ),
  },
} satisfies Record<TaxonKind, unknown>;

async function findOrProblem(tx: Db, kind: TaxonKind, id: number, field?: string): Promise<Taxon> {
  const taxon = await MODELS[kind].find(tx, id);
  if (!taxon) throw new WriteProblem(`This ${NOUN[kind]} no longer exists. Reload the page.`, field);
  return taxon;
}

async function assertFree(tx: Db, kind: TaxonKind, data: { slug: string; name: string }, exceptId = 0): Promise<void> {
  const sameSlug = await MODELS[kind].findBySlug(tx, data.slug);
  if (sameSlug && sameSlug.id !== exceptId) {
    throw new WriteProblem(`The ${NOUN[kind]} “${sameSlug.name}” already uses this slug.`, 'slug');
  }
  const sameName = await MODELS[kind].findByName(tx, data.name, exceptId);
  if (sameName) {
    throw new WriteProblem(
      `Another ${NOUN[kind]} is already called “${sameName.name}”${kind === 'region' ? '' : ': merge the two instead'}.`,
      'name',
    );
  }
}

/**
 * Two entries with one French (or Spanish) name would read as one to the readers of that language: the
 * first translation another entry already has, with what to tell the admin, or null.
 */
export async function translationTaken(
  tx: Db,
  kind: TranslatedKind,
  names: Partial<Translations>,
  exceptId = 0,
): Promise<{ field: keyof Translations; message: string } | null> {
  for (const field of ['nameFr', 'nameEs'] as const) {
    const name = names[field];
    if (!name) continue;
    const same = await MODELS[kind].findByTranslation(tx, field, name, exceptId);
    if (same) return { field, message: `The ${NOUN[kind]} “${same.name}” is already called “${name}” in ${TRANSLATIONS[field]}.` };
  }
  return null;
}

async function assertTranslationsFree(tx: Db, kind: TranslatedKind, names: Partial<Translations>, exceptId = 0): Promise<void> {
  const taken = await translationTaken(tx, kind, names, exceptId);
  if (taken) throw new WriteProblem(taken.message, taken.field);
}

/** Unique-constraint races (two admins at once) read as the same problem as the checks above. */
async function withSlugRace<T>(kind: TaxonKind, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new WriteProblem(`Another ${NOUN[kind]} already uses this slug.`, 'slug');
    throw error;
  }
}

export type TaxonCreateInput = { name: string; slug?: string } & Partial<Translations>;

async function createTaxon(db: PrismaClient, actor: StaffUser, kind: TranslatedKind, input: TaxonCreateInput): Promise<TranslatedTaxon> {
  assertAdmin(actor);
  const slug = input.slug || slugify(input.name);
  if (!slug) throw new WriteProblem('The name gives no slug: enter one.', 'slug');
  const translations: Translations = { nameFr: input.nameFr || null, nameEs: input.nameEs || null };
  return withSlugRace(kind, () =>
    db.$transaction(async (tx) => {
      await assertFree(tx, kind, { slug, name: input.name });
      await assertTranslationsFree(tx, kind, translations);
      const taxon = await MODELS[kind].create(tx, { slug, name: input.name, ...translations });
      await recordAudit(tx, {
        actor,
        action: 'create',
        entity: kind,
        entityId: taxon.id,
        label: taxon.name,
        changes: { name: taxon.name, slug: taxon.slug, nameFr: taxon.nameFr, nameEs: taxon.nameEs },
      });
      // No catalogueChanged: no publication is filed under a new entry yet, so search sees nothing new.
      return taxon;
    }),
  );
}

export type TaxonRenameInput = { id: number; name: string; slug: string };

/**
 * Categories' and regions' translations: a name left out keeps the stored one, an empty one clears it
 * (English shows). Any change of a public label (in any language) marks the entry's publications changed.
 */
async function renameTaxon(
  db: PrismaClient,
  actor: StaffUser,
  kind: TaxonKind,
  input: TaxonRenameInput & Partial<Translations>,
): Promise<Taxon> {
  assertAdmin(actor);
  return withSlugRace(kind, () =>
    db.$transaction(async (tx) => {
      const before: Taxon & Partial<Translations> = await findOrProblem(tx, kind, input.id);
      const fields: { name: string; slug: string } & Partial<Translations> = { name: input.name, slug: input.slug };
      if (kind !== 'author') {
        for (const field of ['nameFr', 'nameEs'] as const) {
          if (input[field] !== undefined) fields[field] = input[field] || null;
        }
      }
      const changes = diffFields(
        Object.fromEntries(Object.keys(fields).map((key) => [key, before[key as keyof typeof before]])),
        fields,
      );
      if (Object.keys(changes).length === 0) return before;
      await assertFree(tx, kind, { slug: input.slug, name: input.name }, before.id);
      let after: Taxon;
      if (kind === 'author') after = await MODELS.author.update(tx, before.id, { name: fields.name, slug: fields.slug });
      else {
        await assertTranslationsFree(tx, kind, fields, before.id);
        after = await MODELS[kind].update(tx, before.id, fields);
      }
      await recordAudit(tx, { actor, action: 'update', entity: kind, entityId: after.id, label: after.name, changes });
      await catalogueChanged(tx, await MODELS[kind].publicationIds(tx, after.id));
      return after;
    }),
  );
}

export const createCategory = (db: PrismaClient, actor: StaffUser, input: TaxonCreateInput) =>
  createTaxon(db, actor, 'category', input);
export const createRegion = (db: PrismaClient, actor: StaffUser, input: TaxonCreateInput) => createTaxon(db, actor, 'region', input);
export const renameCategory = (db: PrismaClient, actor: StaffUser, input: TaxonRenameInput & Partial<Translations>) =>
  renameTaxon(db, actor, 'category', input);
export const renameRegion = (db: PrismaClient, actor: StaffUser, input: TaxonRenameInput & Partial<Translations>) =>
  renameTaxon(db, actor, 'region', input);
export const renameAuthor = (db: PrismaClient, actor: StaffUser, input: TaxonRenameInput) => renameTaxon(db, actor, 'author', input);

export type MergeResult = { into: Taxon; moved: number };

/** Moves every publication of category `id` to `intoId` and deletes `id`. */
export async function mergeCategories(
  db: PrismaClient,
  actor: StaffUser,
  input: { id: number; intoId: number },
): Promise<MergeResult> {
  assertAdmin(actor);
  if (input.id === input.intoId) throw new WriteProblem('Choose a different category to keep.', 'intoId');
  return db.$transaction(async (tx) => {
    const from = await findOrProblem(tx, 'category', input.id);
    const into = await findOrProblem(tx, 'category', input.intoId, 'intoId');
    const moved = await tx.publication.findMany({ where: { categoryId: from.id }, select: { id: true, title: true } });
    const ids = moved.map((p) => p.id);
    await tx.publication.updateMany({
      where: { id: { in: ids } },
      data: { categoryId: into.id, version: { increment: 1 } },
    });
    await tx.category.delete({ where: { id: from.id } });
    await recordMerge(tx, actor, 'category', from, into, ids.length);
    for (const publication of moved) {
      await recordAudit(tx, {
        actor,
        action: 'update',
        entity: 'publication',
        entityId: publication.id,
        label: publication.title,
        changes: { category: { before: from.name, after: into.name } },
      });
    }
    await catalogueChanged(tx, ids);
    return { into, moved: ids.length };
  });
}

/**
 * Credits every publication of author `id` to `intoId` instead, in the same place in its author list,
 * and deletes `id`. A publication that credits both keeps one credit, at the earlier of the two places.
 */
export async function mergeAuthors(
  db: PrismaClient,
  actor: StaffUser,
  input: { id: number; intoId: number },
): Promise<MergeResult> {
  assertAdmin(actor);
  if (input.id === input.intoId) throw new WriteProblem('Choose a different author to keep.', 'intoId');
  return db.$transaction(async (tx) => {
    const from = await findOrProblem(tx, 'author', input.id);
    const into = await findOrProblem(tx, 'author', input.intoId, 'intoId');
    const ids = await MODELS.author.publicationIds(tx, from.id);
    const credits = await tx.publicationAuthor.findMany({
      where: { publicationId: { in: ids } },
      orderBy: [{ publicationId: 'asc' }, { position: 'asc' }],
      select: { publicationId: true, authorId: true, author: { select: { name: true } } },
    });
    const publications = await tx.publication.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } });
    for (const publication of publications) {
      const before = credits.filter((c) => c.publicationId === publication.id);
      const after: number[] = [];
      for (const { authorId } of before) {
        const id = authorId === from.id ? into.id : authorId;
        if (!after.includes(id)) after.push(id);
      }
      await tx.publicationAuthor.deleteMany({ where: { publicationId: publication.id } });
      await tx.publicationAuthor.createMany({
        data: after.map((authorId, position) => ({ publicationId: publication.id, authorId, position })),
      });
      const names = new Map(before.map((c) => [c.authorId, c.author.name] as const));
      names.set(into.id, into.name);
      await recordAudit(tx, {
        actor,
        action: 'update',
        entity: 'publication',
        entityId: publication.id,
        label: publication.title,
        changes: { authors: { before: before.map((c) => c.author.name), after: after.map((id) => names.get(id)) } },
      });
    }
    await tx.publication.updateMany({ where: { id: { in: ids } }, data: { version: { increment: 1 } } });
    await tx.author.delete({ where: { id: from.id } });
    await recordMerge(tx, actor, 'author', from, into, ids.length);
    await catalogueChanged(tx, ids);
    return { into, moved: ids.length };
  });
}

async function recordMerge(tx: Db, actor: StaffUser, kind: TaxonKind, from: Taxon, into: Taxon, moved: number) {
  await recordAudit(tx, {
    actor,
    action: 'merge',
    entity: kind,
    entityId: from.id,
    label: `${from.name} → ${into.name}`,
    changes: {
      name: { before: from.name, after: into.name },
      slug: { before: from.slug, after: into.slug },
      publicationsMoved: { before: null, after: moved },
    },
  });
}

/** Country names of a region's members, sorted: what the region's history shows before → after. */
async function memberNames(tx: Db, regionId: number): Promise<string[]> {
  const members = await tx.countryRegion.findMany({
    where: { regionId },
    select: { country: { select: { name: true } } },
  });
  return members.map((m) => m.country.name).sort((a, b) => a.localeCompare(b, 'en'));
}

async function changeMembership(
  db: PrismaClient,
  actor: StaffUser,
  input: { regionId: number; country: string },
  add: boolean,
): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const region = await findOrProblem(tx, 'region', input.regionId);
    const country = await tx.country.findUnique({ where: { code: input.country }, select: { code: true, name: true } });
    if (!country) throw new WriteProblem('There is no country with this code.', 'country');
    const key = { countryCode_regionId: { countryCode: country.code, regionId: region.id } };
    const member = await tx.countryRegion.findUnique({ where: key, select: { regionId: true } });
    if (add && member) throw new WriteProblem(`${country.name} is already in ${region.name}.`, 'country');
    if (!add && !member) throw new WriteProblem(`${country.name} is not in ${region.name}.`, 'country');
    const before = await memberNames(tx, region.id);
    if (add) await tx.countryRegion.create({ data: { countryCode: country.code, regionId: region.id } });
    else await tx.countryRegion.delete({ where: key });
    await recordAudit(tx, {
      actor,
      action: 'update',
      entity: 'region',
      entityId: region.id,
      label: region.name,
      changes: { countries: { before, after: await memberNames(tx, region.id) } },
    });
    // A region filter matches the publications of its countries, so those publications change region.
    const affected = await tx.publicationCountry.findMany({ where: { countryCode: country.code }, select: { publicationId: true } });
    await catalogueChanged(tx, affected.map((p) => p.publicationId));
  });
}

export const addCountryToRegion = (db: PrismaClient, actor: StaffUser, input: { regionId: number; country: string }) =>
  changeMembership(db, actor, input, true);
export const removeCountryFromRegion = (db: PrismaClient, actor: StaffUser, input: { regionId: number; country: string }) =>
  changeMembership(db, actor, input, false);

// ─── Reads for the admin pages ───────────────────────────────────────────────────────────────────

export type CategoryRow = TranslatedTaxon & { publications: number };
export type RegionRow = TranslatedTaxon & { countries: number; publications: number };
export type AuthorRow = Taxon & { publications: number };

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  const rows = await db.category.findMany({
    orderBy: { name: 'asc' },
    select: { ...translatedSelect, _count: { select: { publications: true } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, publications: _count.publications }));
}

export async function listRegions(db: Db): Promise<RegionRow[]> {
  const rows = await db.region.findMany({
    orderBy: { name: 'asc' },
    select: { ...translatedSelect, _count: { select: { countries: true, publications: true } } },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, countries: _count.countries, publications: _count.publications }));
}

export const AUTHORS_PAGE_SIZE = 50;

/** Authors whose name or slug contains `q`, by name, one page at a time (page clamped). */
export async function listAuthors(
  db: Db,
  { q, page }: { q: string; page: number },
): Promise<{ items: AuthorRow[]; total: number; page: number; pageCount: number }> {
  const slugPart = slugify(q);
  const where = q ? { OR: [{ name: dialect(db).contains(q) }, ...(slugPart ? [{ slug: dialect(db).contains(slugPart) }] : [])] } : {};
  const total = await db.author.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUTHORS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.author.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (current - 1) * AUTHORS_PAGE_SIZE,
    take: AUTHORS_PAGE_SIZE,
    select: { ...taxonSelect, _count: { select: { publications: true } } },
  });
  return { items: rows.map(({ _count, ...a }) => ({ ...a, publications: _count.publications })), total, page: current, pageCount };
}

/** Every author, by name: the choices of the merge form. */
export function listAuthorChoices(db: Db): Promise<Taxon[]> {
  return db.author.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: taxonSelect });
}

export function countAuthors(db: Db): Promise<number> {
  return db.author.count();
}

const LISTED_PUBLICATIONS = 100;

export type TaxonDetail = Taxon & { publications: PublicationRef[]; publicationCount: number };

export async function getCategory(db: Db, id: number): Promise<(TaxonDetail & Translations) | null> {
  const category = await db.category.findUnique({ where: { id }, select: translatedSelect });
  if (!category) return null;
  const [publications, publicationCount] = await Promise.all([
    db.publication.findMany({ where: { categoryId: id }, orderBy: { title: 'asc' }, take: LISTED_PUBLICATIONS, select: publicationRefSelect }),
    db.publication.count({ where: { categoryId: id } }),
  ]);
  return { ...category, publications, publicationCount };
}

export async function getAuthor(db: Db, id: number): Promise<TaxonDetail | null> {
  const author = await db.author.findUnique({ where: { id }, select: taxonSelect });
  if (!author) return null;
  const where = { authors: { some: { authorId: id } } };
  const [publications, publicationCount] = await Promise.all([
    db.publication.findMany({ where, orderBy: { title: 'asc' }, take: LISTED_PUBLICATIONS, select: publicationRefSelect }),
    db.publication.count({ where }),
  ]);
  return { ...author, publications, publicationCount };
}

export type RegionDetail = TaxonDetail & Translations & { countries: { code: string; name: string }[] };

export async function getRegion(db: Db, id: number): Promise<RegionDetail | null> {
  const region = await db.region.findUnique({ where: { id }, select: translatedSelect });
  if (!region) return null;
  const where = { regions: { some: { regionId: id } } };
  const [members, publications, publicationCount] = await Promise.all([
    db.countryRegion.findMany({ where: { regionId: id }, select: { country: { select: { code: true, name: true } } } }),
    db.publication.findMany({ where, orderBy: { title: 'asc' }, take: LISTED_PUBLICATIONS, select: publicationRefSelect }),
    db.publication.count({ where }),
  ]);
  const countries = members.map((m) => m.country).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { ...region, countries, publications, publicationCount };
}

export function listCountries(db: Db): Promise<{ code: string; name: string }[]> {
  return db.country.findMany({ orderBy: { name: 'asc' }, select: { code: true, name: true } });
}
