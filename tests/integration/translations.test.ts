import { describe, expect, it } from 'vitest';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { getPublication, searchPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { createPublication, deletePublicationAsStaff, updatePublication, type WriteResult } from '@/lib/publications/admin';
import { encodeTranslation, PublicationFormSchema, readPublicationForm, type PublicationFormData } from '@/lib/validation/publication-form';
import { catalogueSnapshot } from './helpers/db-snapshot';
import { publicationFormData } from './helpers/publication-form';

const editor = { id: 9101, name: 'Tina Translator' };
let counter = 0;

type Fields = Parameters<typeof publicationFormData>[0] & { translations?: number[]; translationAdd?: string };

function form({ translations = [], translationAdd, ...fields }: Fields): PublicationFormData {
  const data = publicationFormData(fields);
  for (const id of translations) data.append('translations', encodeTranslation({ id, title: '', language: null }));
  if (translationAdd !== undefined) data.set('translationAdd', translationAdd);
  return PublicationFormSchema.parse(readPublicationForm(data));
}

function ok(result: WriteResult) {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result;
}

/** A new publication in `language`, unique to this file. */
async function publication(language: string | null, extra: Fields = {}) {
  const title = extra.title ?? `Zebrafinch work ${++counter} ${language ?? 'none'}`;
  return ok(await createPublication(prisma, editor, form({ languages: language ? [language] : [], ...extra, title })));
}

const version = async (id: number) => (await prisma.publication.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const groupOf = async (id: number) => (await prisma.publication.findUniqueOrThrow({ where: { id }, select: { translationGroupId: true } })).translationGroupId;

async function lastAudit(id: number) {
  const entry = await prisma.auditEntry.findFirst({ where: { entity: 'publication', entityId: String(id) }, orderBy: { id: 'desc' } });
  return entry && { ...entry, changes: JSON.parse(entry.changes) as Record<string, unknown> };
}

async function link(id: number, translations: number[], fields: Fields = {}) {
  const current = await prisma.publication.findUniqueOrThrow({ where: { id }, select: { title: true, version: true, languages: { select: { code: true }, orderBy: { position: 'asc' } } } });
  return updatePublication(prisma, editor, id, current.version, form({ title: current.title, languages: current.languages.map((l) => l.code), translations, ...fields }));
}

describe('translation groups', () => {
  it('links two publications: both change, both are audited, versioned and logged for the index', async () => {
    const en = await publication('en');
    const fr = await publication('fr');
    const frVersion = await version(fr.id);
    const changes = await prisma.catalogueChange.count();

    ok(await link(en.id, [fr.id]));
    expect(await groupOf(en.id)).not.toBeNull();
    expect(await groupOf(fr.id)).toBe(await groupOf(en.id));
    expect((await lastAudit(en.id))?.changes).toMatchObject({ translations: { before: [], after: [fr.slug] } });
    expect(await lastAudit(fr.id)).toMatchObject({ userName: editor.name, action: 'update', changes: { translations: { before: [], after: [en.slug] } } });
    // A form left open on the other member is stale now: its save meets a conflict instead of undoing the link.
    expect(await version(fr.id)).toBe(frVersion + 1);
    const stale = await updatePublication(prisma, editor, fr.id, frVersion, form({ title: 'Stale', languages: ['fr'] }));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    const logged = await prisma.catalogueChange.findMany({ orderBy: { seq: 'asc' }, skip: changes });
    expect(new Set(logged.map((c) => c.publicationId))).toEqual(new Set([en.id, fr.id]));

    expect((await getPublication(en.slug))?.translations).toEqual([{ slug: fr.slug, title: expect.any(String), language: 'fr' }]);
    expect((await getPublication(fr.slug))?.translations.map((t) => t.slug)).toEqual([en.slug]);
  });

  it('links on create, and a publication named by address (a form sent without JavaScript)', async () => {
    const es = await publication('es');
    const fr = await publication('fr', { translationAdd: es.slug });
    expect((await getPublication(fr.slug))?.translations.map((t) => t.language)).toEqual(['es']);
    expect(await lastAudit(fr.id)).toMatchObject({ action: 'create', changes: { translations: [es.slug] } });
    const missing = await link(es.id, [], { translationAdd: 'no-such-publication-anywhere' });
    expect(missing).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { translations: ['No publication has the address or title “no-such-publication-anywhere”.'] } });
  });

  it('brings in the whole group of a linked publication, and never shows drafts publicly', async () => {
    const en = await publication('en');
    const fr = await publication('fr');
    const es = await publication('es', { status: 'draft' });
    ok(await link(fr.id, [es.id]));
    ok(await link(en.id, [fr.id]));
    const group = await groupOf(en.id);
    expect([await groupOf(fr.id), await groupOf(es.id)]).toEqual([group, group]);
    expect(await prisma.translationGroup.count({ where: { publications: { some: { id: { in: [en.id, fr.id, es.id] } } } } })).toBe(1);
    expect((await getPublication(en.slug))?.translations.map((t) => t.language)).toEqual(['fr']);
    expect((await lastAudit(es.id))?.changes).toMatchObject({ translations: { before: [fr.slug], after: [en.slug, fr.slug].sort() } });
  });

  it('refuses a publication linked to itself, or a second one in the same language, and writes nothing', async () => {
    const en = await publication('en');
    const fr = await publication('fr');
    const fr2 = await publication('fr', { title: 'Zebrafinch guide pratique' });
    const none = await publication(null);
    ok(await link(en.id, [fr.id]));
    const before = await catalogueSnapshot(prisma);
    const audits = await prisma.auditEntry.count();

    expect(await link(en.id, [en.id])).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { translations: ['A publication cannot be a translation of itself.'] } });
    const twice = await link(en.id, [fr.id, fr2.id]);
    expect(twice).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!twice.ok && twice.reason === 'invalid' && twice.fieldErrors.translations?.[0]).toMatch(/“Zebrafinch guide pratique” and “.*” are both in French: a work has one publication per language\./);
    expect(await link(none.id, [en.id])).toMatchObject({ ok: false, fieldErrors: { translations: ['Choose this publication’s main language first: translations are told apart by it.'] } });
    // Changing a member's language to one its group already has is the same mistake.
    expect(await link(fr.id, [en.id], { languages: ['en'] })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await catalogueSnapshot(prisma)).toEqual(before);
    expect(await prisma.auditEntry.count()).toBe(audits);
  });

  it('unlinks: a member left alone leaves the group, which is deleted; so does deleting a member', async () => {
    const en = await publication('en');
    const fr = await publication('fr');
    const es = await publication('es');
    ok(await link(en.id, [fr.id, es.id]));
    const group = (await groupOf(en.id))!;

    ok(await link(fr.id, [en.id]));
    expect(await groupOf(es.id)).toBeNull();
    expect((await lastAudit(es.id))?.changes).toMatchObject({ translations: { before: [en.slug, fr.slug].sort(), after: [] } });
    expect((await getPublication(en.slug))?.translations.map((t) => t.slug)).toEqual([fr.slug]);

    const changes = await prisma.catalogueChange.count();
    ok(await deletePublicationAsStaff(prisma, editor, fr.id, await version(fr.id)));
    expect(await groupOf(en.id)).toBeNull();
    expect(await prisma.translationGroup.count({ where: { id: group } })).toBe(0);
    expect((await getPublication(en.slug))?.translations).toEqual([]);
    const logged = await prisma.catalogueChange.findMany({ orderBy: { seq: 'asc' }, skip: changes });
    expect(logged.map((c) => c.publicationId)).toContain(en.id);
  });

  it('keeps the search index in step: a changed group reaches every member', async () => {
    const en = await publication('en', { title: 'Quokkaville handbook' });
    const fr = await publication('fr', { title: 'Quokkaville manuel' });
    const search = (query: string) => searchPublications(parseCatalogueParams(new URLSearchParams(query)));
    expect((await search('q=quokkaville')).items).toHaveLength(2);
    ok(await link(en.id, [fr.id]));
    const collapsed = await search('q=quokkaville');
    expect(collapsed.total).toBe(2);
    expect(collapsed.items).toHaveLength(1);
    ok(await link(fr.id, []));
    expect((await search('q=quokkaville')).items).toHaveLength(2);
  });
});
