import 'server-only';
import { recordAudit, diffFields, type AuditActor, type FieldChanges } from '@/lib/audit';
import { checkPublication, describeFinding, RULE_NAMES } from '@/lib/safeguarding/personal-data';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db, PrismaClient } from '@/lib/prisma-client';
import { translationTaken } from '@/lib/taxonomy/admin';
import { slugify } from '@/lib/text';
import type { PublicationFieldErrors, PublicationFormData } from '@/lib/validation/publication-form';
import { publicationChanged } from './changes';
import { deletePublication, ensureAuthor, writePublicationRelations } from './save';
import { publicationSlug } from './slug';
import type { PublicationSnapshot } from './snapshot';
import { setTranslations, translationSlugs, translationsShowChange } from './translations';

/**
 * Staff writes to publications: each runs in one transaction that also records the audit entry and the
 * catalogue change, so search, every app instance and the history stay in step with the data.
 */

export type SavedChange = { by: string | null; at: Date };

export type WriteResult =
  | { ok: true; id: number; slug: string; version: number }
  /**
   * Something named by the form does not exist (a country code, a region, an author id, a category), or the
   * safeguarding check found likely personal data in what would go public (`safeguarding`: its findings).
   */
  | { ok: false; reason: 'invalid'; fieldErrors: PublicationFieldErrors; safeguarding?: string[] }
  /** Someone saved (or deleted) since the form was opened: nothing was written. */
  | { ok: false; reason: 'conflict'; current: (PublicationSnapshot & { version: number; lastChange: SavedChange | null }) | null };

const TX = { maxWait: 15_000, timeout: 30_000 } as const;
const ENTITY = 'publication';

/** Thrown inside a transaction to roll it back with a result for the caller. */
class Abort extends Error {
  constructor(readonly result: Exclude<WriteResult, { ok: true }>) {
    super(result.reason);
  }
}

export async function publicationSnapshot(db: Db, id: number): Promise<(PublicationSnapshot & { version: number }) | null> {
  const row = await db.publication.findUnique({
    where: { id },
    select: {
      slug: true,
      title: true,
      summary: true,
      year: true,
      url: true,
      status: true,
      version: true,
      category: { select: { name: true } },
      countries: { select: { country: { select: { name: true } } }, orderBy: { country: { name: 'asc' } } },
      regions: { select: { region: { select: { name: true } } }, orderBy: { region: { name: 'asc' } } },
      authors: { select: { author: { select: { name: true } } }, orderBy: { position: 'asc' } },
      languages: { select: { code: true }, orderBy: { position: 'asc' } },
    },
  });
  if (!row) return null;
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    year: row.year,
    category: row.category?.name ?? null,
    countries: row.countries.map((c) => c.country.name),
    regions: row.regions.map((r) => r.region.name),
    authors: row.authors.map((a) => a.author.name),
    url: row.url,
    languages: row.languages.map((l) => l.code),
    translations: await translationSlugs(db, id),
    status: row.status,
    version: row.version,
  };
}

/** What the audit log keeps of a publication: everything but the version counter. */
function record(snapshot: PublicationSnapshot & { version: number }): PublicationSnapshot {
  const { slug, title, summary, year, category, countries, regions, authors, url, languages, translations, status } = snapshot;
  return { slug, title, summary, year, category, countries, regions, authors, url, languages, translations, status };
}

async function lastChange(db: Db, id: number): Promise<SavedChange | null> {
  const entry = await db.auditEntry.findFirst({
    where: { entity: ENTITY, entityId: String(id) },
    orderBy: { id: 'desc' },
    select: { userName: true, at: true },
  });
  return entry && { by: entry.userName, at: entry.at };
}

async function conflict(db: Db, id: number): Promise<WriteResult> {
  const current = await publicationSnapshot(db, id);
  return { ok: false, reason: 'conflict', current: current && { ...current, lastChange: await lastChange(db, id) } };
}

/**
 * Turns the form's taxonomy into ids: unknown codes, slugs and ids become field errors; new authors and
 * a new category are created (and audited) inside the caller's transaction.
 */
async function resolveRelations(db: Db, actor: AuditActor, form: PublicationFormData) {
  const fieldErrors: PublicationFieldErrors = {};
  // One after another: a transaction is one connection, and node-postgres deprecates overlapping queries on one.
  const countries = await db.country.findMany({ where: { code: { in: form.countries } }, select: { code: true } });
  const regions = await db.region.findMany({ where: { slug: { in: form.regions } }, select: { id: true, slug: true } });
  const knownAuthors = await db.author.findMany({
    where: { id: { in: form.authors.flatMap((a) => (a.id === undefined ? [] : [a.id])) } },
    select: { id: true },
  });
  const unknownCountries = form.countries.filter((code) => !countries.some((c) => c.code === code));
  if (unknownCountries.length > 0) fieldErrors.countries = [`Unknown country code: ${unknownCountries.join(', ')}.`];
  const unknownRegions = form.regions.filter((slug) => !regions.some((r) => r.slug === slug));
  if (unknownRegions.length > 0) fieldErrors.regions = [`Unknown region: ${unknownRegions.join(', ')}.`];
  const missingAuthors = form.authors.filter((a) => a.id !== undefined && !knownAuthors.some((k) => k.id === a.id));
  if (missingAuthors.length > 0) {
    fieldErrors.authors = [`No longer in the catalogue: ${missingAuthors.map((a) => a.name).join(', ')}. Remove and add again.`];
  }

  const translations = [...form.translations];
  if (form.translationAdd !== null) {
    // Named without JavaScript: an address, or else an exact title.
    const bySlug = await db.publication.findUnique({ where: { slug: form.translationAdd }, select: { id: true } });
    const byTitle = bySlug ? [bySlug] : await db.publication.findMany({ where: { title: form.translationAdd }, select: { id: true }, take: 2 });
    if (byTitle.length === 1) translations.push(byTitle[0]!.id);
    else {
      fieldErrors.translations = [
        byTitle.length === 0
          ? `No publication has the address or title “${form.translationAdd}”.`
          : `Several publications are titled “${form.translationAdd}”: enter the address of the one to link.`,
      ];
    }
  }

  let categoryId: number | null = null;
  if (form.category?.kind === 'existing') {
    const category = await db.category.findUnique({ where: { slug: form.category.slug }, select: { id: true } });
    if (category) categoryId = category.id;
    else fieldErrors.category = ['That category no longer exists. Choose another.'];
  }
  if (Object.keys(fieldErrors).length > 0) throw new Abort({ ok: false, reason: 'invalid', fieldErrors });

  if (form.category?.kind === 'new') {
    const slug = slugify(form.category.name);
    if (!slug) throw new Abort({ ok: false, reason: 'invalid', fieldErrors: { category: ['Use letters or digits in the category name.'] } });
    const existing = await db.category.findUnique({ where: { slug }, select: { id: true } });
    // An existing category keeps its translations: they are edited on its taxonomy page.
    if (existing) categoryId = existing.id;
    else {
      const { name, nameFr, nameEs } = form.category;
      const taken = await translationTaken(db, 'category', { nameFr, nameEs });
      if (taken) throw new Abort({ ok: false, reason: 'invalid', fieldErrors: { category: [taken.message] } });
      const created = await db.category.create({ data: { slug, name, nameFr, nameEs }, select: { id: true } });
      await recordAudit(db, { actor, action: 'create', entity: 'category', entityId: created.id, label: name, changes: { slug, name, nameFr, nameEs } });
      categoryId = created.id;
    }
  }

  const authorIds: number[] = [];
  for (const author of form.authors) {
    if (author.id !== undefined) {
      authorIds.push(author.id);
      continue;
    }
    const { id, created } = await ensureAuthor(db, author.name);
    if (created) await recordAudit(db, { actor, action: 'create', entity: 'author', entityId: id, label: author.name, changes: { name: author.name } });
    authorIds.push(id);
  }
  return {
    categoryId,
    translations,
    relations: {
      countries: form.countries,
      regionIds: form.regions.map((s) => regions.find((r) => r.slug === s)!.id),
      authorIds,
      languages: form.languages,
    },
  };
}

/** Saves the group the form names; a group that breaks its rule is the form's error, and nothing is written. */
async function linkTranslations(db: Db, actor: AuditActor, id: number, translations: number[]): Promise<void> {
  const result = await setTranslations(db, actor, id, translations);
  if (!result.ok) throw new Abort({ ok: false, reason: 'invalid', fieldErrors: { translations: result.messages } });
}

/** Who may publish despite the safeguarding check's findings (with a reason, recorded): admins. */
export type PublishOptions = { mayPublishAnyway?: boolean };

/**
 * The safeguarding check, when a save makes the publication public: published now and not before, or its
 * title or summary changed while published. Its findings block the save (field errors on the title and
 * summary) unless an admin gives a reason to publish anyway; then the reason and the findings go into the
 * audit entry (`publishedDespite`).
 */
function safeguarding(
  form: PublicationFormData,
  before: { status: string; title: string; summary: string } | null,
  { mayPublishAnyway = false }: PublishOptions,
): { blocked: WriteResult } | { despite: string } | null {
  if (form.status !== 'published') return null;
  if (before && before.status === 'published' && before.title === form.title && before.summary === form.summary) return null;
  const findings = checkPublication(form);
  if (findings.length === 0) return null;
  const reason = mayPublishAnyway ? form.publishAnyway : '';
  if (reason) return { despite: `${reason} (the check found: ${findings.map(describeFinding).join('; ')})` };
  const fieldErrors: PublicationFieldErrors = {};
  for (const field of ['title', 'summary'] as const) {
    const found = findings.filter((f) => f.field === field);
    if (found.length > 0) {
      fieldErrors[field] = [
        `Possible personal data: ${found.map((f) => `${RULE_NAMES[f.rule]} (“${f.text}”)`).join(', ')}. Remove it, or save as a draft${mayPublishAnyway ? ' or publish anyway with a reason' : ' and ask an admin'}.`,
      ];
    }
  }
  return { blocked: { ok: false, reason: 'invalid', fieldErrors, safeguarding: findings.map(describeFinding) } };
}

function scalars(form: PublicationFormData, categoryId: number | null) {
  return { title: form.title, summary: form.summary, year: form.year, url: form.url, status: form.status, categoryId };
}

async function run(client: PrismaClient, work: (tx: Db) => Promise<WriteResult>): Promise<WriteResult> {
  try {
    return await client.$transaction(work, TX);
  } catch (error) {
    if (error instanceof Abort) return error.result;
    throw error;
  }
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export async function createPublication(client: PrismaClient, actor: AuditActor, form: PublicationFormData, options: PublishOptions = {}): Promise<WriteResult> {
  const check = safeguarding(form, null, options);
  if (check && 'blocked' in check) return check.blocked;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(client, async (tx) => {
        const { categoryId, relations, translations } = await resolveRelations(tx, actor, form);
        const base = slugify(form.title) || 'publication';
        // A withdrawn publication keeps its slug: its address answers 410 and harvesters were told it was deleted.
        const taken = new Set([
          ...(await tx.publication.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug),
          ...(await tx.publicationTombstone.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug),
        ]);
        const slug = publicationSlug(form.title, form.year, (s) => taken.has(s));
        const { id } = await tx.publication.create({ data: { slug, ...scalars(form, categoryId) }, select: { id: true } });
        await writePublicationRelations(tx, id, relations);
        if (translations.length > 0) await linkTranslations(tx, actor, id, translations);
        const after = (await publicationSnapshot(tx, id))!;
        await recordAudit(tx, { actor, action: 'create', entity: ENTITY, entityId: id, label: form.title, changes: { ...record(after), ...(check && { publishedDespite: check.despite }) } });
        await publicationChanged(tx, id);
        return { ok: true, id, slug, version: after.version };
      });
    } catch (error) {
      // Another instance took the same slug between our read and our insert: pick the next one.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/**
 * Saves the form over the publication, but only if it is still at `expectedVersion`: otherwise nothing is
 * written and the caller gets the stored values to show what changed. The version check is the first
 * statement of the transaction, so the write lock is taken before anything is read.
 */
export async function updatePublication(
  client: PrismaClient,
  actor: AuditActor,
  id: number,
  expectedVersion: number,
  form: PublicationFormData,
  options: PublishOptions = {},
): Promise<WriteResult> {
  // Read outside the transaction; the guarded update below proves it is still what is stored.
  const before = await publicationSnapshot(client, id);
  if (!before || before.version !== expectedVersion) return conflict(client, id);
  const check = safeguarding(form, before, options);
  if (check && 'blocked' in check) return check.blocked;

  const result = await run(client, async (tx) => {
    const { count } = await tx.publication.updateMany({
      where: { id, version: expectedVersion },
      data: { version: expectedVersion + 1 },
    });
    if (count === 0) throw new Abort({ ok: false, reason: 'conflict', current: null });
    const { categoryId, relations, translations } = await resolveRelations(tx, actor, form);
    await tx.publication.update({ where: { id }, data: scalars(form, categoryId) });
    await writePublicationRelations(tx, id, relations);
    await linkTranslations(tx, actor, id, translations);
    const after = (await publicationSnapshot(tx, id))!;
    const changes: FieldChanges = { ...diffFields(record(before), record(after)), ...(check && { publishedDespite: { before: null, after: check.despite } }) };
    if (changes.status || changes.title || before.languages[0] !== after.languages[0]) await translationsShowChange(tx, id);
    await recordAudit(tx, { actor, action: 'update', entity: ENTITY, entityId: id, label: after.title, changes });
    await publicationChanged(tx, id);
    return { ok: true, id, slug: after.slug, version: after.version };
  });
  // A conflict found inside the transaction is described after it, from what won.
  return !result.ok && result.reason === 'conflict' ? conflict(client, id) : result;
}

/** Deletes the publication if it is still at `expectedVersion`, keeping the full record in the audit log. */
export async function deletePublicationAsStaff(
  client: PrismaClient,
  actor: AuditActor,
  id: number,
  expectedVersion: number,
): Promise<WriteResult> {
  const before = await publicationSnapshot(client, id);
  if (!before || before.version !== expectedVersion) return conflict(client, id);
  const result = await run(client, async (tx) => {
    if (!(await deletePublication(tx, { id, version: expectedVersion }))) {
      throw new Abort({ ok: false, reason: 'conflict', current: null });
    }
    await recordAudit(tx, { actor, action: 'delete', entity: ENTITY, entityId: id, label: before.title, changes: record(before) });
    return { ok: true, id, slug: before.slug, version: before.version };
  });
  return !result.ok && result.reason === 'conflict' ? conflict(client, id) : result;
}
