import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { getPublication, publicationState, searchPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';
import { createPublication, deletePublicationAsStaff, updatePublication, type WriteResult } from '@/lib/publications/admin';
import { PublicationFormSchema, type PublicationFormData } from '@/lib/validation/publication-form';
import { catalogueSnapshot } from './helpers/db-snapshot';
import { publicationFormData } from './helpers/publication-form';
import { readPublicationForm } from '@/lib/validation/publication-form';

const editor = { id: 9001, name: 'Eddie Editor' };
const search = (query: string) => searchPublications(parseCatalogueParams(new URLSearchParams(query)));

/** Through the same schema the actions use. */
function form(fields: Parameters<typeof publicationFormData>[0]): PublicationFormData {
  return PublicationFormSchema.parse(readPublicationForm(publicationFormData(fields)));
}

function ok(result: WriteResult) {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result;
}

async function auditOf(id: number) {
  const entries = await prisma.auditEntry.findMany({ where: { entity: 'publication', entityId: String(id) }, orderBy: { id: 'asc' } });
  return entries.map((e) => ({ ...e, changes: JSON.parse(e.changes) as Record<string, unknown> }));
}

describe('createPublication', () => {
  it('writes the record, its ordered links, new authors and category, the audit entry and the catalogue change', async () => {
    const iom = await prisma.author.findUniqueOrThrow({ where: { slug: 'international-organization-for-migration' } });
    const changesBefore = await prisma.catalogueChange.count();
    const result = ok(
      await createPublication(
        prisma,
        editor,
        form({
          title: 'Kangaroobay labour migration review',
          countries: ['RS', 'AL'],
          regions: ['south-eastern-europe'],
          authors: [{ name: 'Zora Newauthor' }, { id: iom.id, name: iom.name }, { name: 'Ana Otherauthor' }],
          category: '__new__',
          newCategory: 'Evaluation report',
        }),
      ),
    );
    expect(result.slug).toBe('kangaroobay-labour-migration-review');
    expect(result.version).toBe(1);

    const detail = await getPublication(result.slug);
    expect(detail?.authors.map((a) => a.name)).toEqual(['Zora Newauthor', 'International Organization for Migration', 'Ana Otherauthor']);
    expect(detail?.countries.map((c) => c.code).sort()).toEqual(['AL', 'RS']);
    expect(detail?.category).toEqual({ slug: 'evaluation-report', name: 'Evaluation report' });
    expect((await search('q=kangaroobay')).items.map((i) => i.slug)).toEqual([result.slug]);
    expect(await prisma.catalogueChange.count()).toBe(changesBefore + 1);

    const [created] = await auditOf(result.id);
    expect(created).toMatchObject({ action: 'create', userId: editor.id, userName: editor.name, label: 'Kangaroobay labour migration review' });
    expect(created?.changes).toMatchObject({ title: 'Kangaroobay labour migration review', countries: ['Albania', 'Serbia'], status: 'published' });
    const others = await prisma.auditEntry.findMany({ where: { entity: { in: ['author', 'category'] }, userId: editor.id } });
    expect(others.map((e) => `${e.entity}:${e.label}`).sort()).toEqual(['author:Ana Otherauthor', 'author:Zora Newauthor', 'category:Evaluation report']);
  });

  it('gives a title that is taken a slug of its own', async () => {
    const first = ok(await createPublication(prisma, editor, form({ title: 'Duplicate title study', year: '2020' })));
    const second = ok(await createPublication(prisma, editor, form({ title: 'Duplicate title study', year: '2020' })));
    const third = ok(await createPublication(prisma, editor, form({ title: 'Duplicate title study', year: '2020' })));
    expect([first.slug, second.slug, third.slug]).toEqual(['duplicate-title-study', 'duplicate-title-study-2020', 'duplicate-title-study-2']);
  });

  it('writes nothing when something named does not exist', async () => {
    const before = await catalogueSnapshot(prisma);
    const result = await createPublication(prisma, editor, form({ regions: ['atlantis'], authors: [{ name: 'Ghost Writer' }], category: '__new__', newCategory: 'Ghost' }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { regions: ['Unknown region: atlantis.'] } });
    const missingAuthor = await createPublication(prisma, editor, form({ authors: [{ id: 987654, name: 'Deleted Person' }] }));
    expect(missingAuthor).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await catalogueSnapshot(prisma)).toEqual(before);
  });
});

describe('drafts', () => {
  it('are invisible to public reads until published, and vanish again when unpublished', async () => {
    const draft = ok(await createPublication(prisma, editor, form({ title: 'Wallabycreek draft notes', status: 'draft' })));
    expect(await getPublication(draft.slug)).toBeNull();
    expect(await publicationState(draft.slug, { ownWrites: false })).toBe('missing');
    expect((await search('q=wallabycreek')).total).toBe(0);

    const published = ok(await updatePublication(prisma, editor, draft.id, draft.version, form({ title: 'Wallabycreek draft notes', status: 'published' })));
    expect(await publicationState(draft.slug, { ownWrites: false })).toBe('published');
    expect((await search('q=wallabycreek')).total).toBe(1);

    ok(await updatePublication(prisma, editor, draft.id, published.version, form({ title: 'Wallabycreek draft notes', status: 'draft' })));
    expect(await getPublication(draft.slug)).toBeNull();
    expect((await search('q=wallabycreek')).total).toBe(0);
  });
});

describe('document address and languages', () => {
  it('are saved in the order given, audited, and read back by the public detail', async () => {
    const created = ok(
      await createPublication(
        prisma,
        editor,
        form({ title: 'Numbatflat bilingual report', url: 'https://example.org/numbatflat.pdf', languages: ['fr', 'en'] }),
      ),
    );
    const detail = await getPublication(created.slug);
    expect(detail).toMatchObject({ url: 'https://example.org/numbatflat.pdf', languages: ['fr', 'en'] });
    const [audit] = await auditOf(created.id);
    expect(audit?.changes).toMatchObject({ url: 'https://example.org/numbatflat.pdf', languages: ['fr', 'en'] });

    const updated = ok(await updatePublication(prisma, editor, created.id, created.version, form({ title: 'Numbatflat bilingual report', languages: ['es'] })));
    expect(await getPublication(updated.slug)).toMatchObject({ url: null, languages: ['es'] });
    const [, update] = await auditOf(created.id);
    expect(update?.changes).toMatchObject({ url: { before: 'https://example.org/numbatflat.pdf', after: null }, languages: { before: ['fr', 'en'], after: ['es'] } });
  });
});

describe('public life: publication date and tombstones', () => {
  it('dates a record when first published, and keeps that date through later edits', async () => {
    const draft = ok(await createPublication(prisma, editor, form({ title: 'Quokkaridge first publication', status: 'draft' })));
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: draft.id } })).publishedAt).toBeNull();
    const published = ok(await updatePublication(prisma, editor, draft.id, draft.version, form({ title: 'Quokkaridge first publication' })));
    const first = (await getPublication(published.slug))!.publishedAt;
    expect(first).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 5));
    ok(await updatePublication(prisma, editor, draft.id, published.version, form({ title: 'Quokkaridge first publication', summary: 'Edited.' })));
    expect((await getPublication(published.slug))!.publishedAt).toEqual(first);
  });

  it('leaves a tombstone with its sets when a public record is deleted or unpublished, and lifts it when published again', async () => {
    const created = ok(
      await createPublication(prisma, editor, form({ title: 'Bilbyvale withdrawn study', category: 'research-study', countries: ['NG'] })),
    );
    const unpublished = ok(await updatePublication(prisma, editor, created.id, created.version, form({ title: 'Bilbyvale withdrawn study', category: 'research-study', countries: ['NG'], status: 'draft' })));
    expect(await publicationState(created.slug, { ownWrites: false })).toBe('gone');
    const tombstone = await prisma.publicationTombstone.findUniqueOrThrow({ where: { slug: created.slug } });
    expect(JSON.parse(tombstone.sets)).toEqual(expect.arrayContaining(['category:research-study', 'country:NG', 'region:west-africa']));

    // Editing the withdrawn draft is not public: the tombstone keeps its date and sets.
    const edited = ok(await updatePublication(prisma, editor, created.id, unpublished.version, form({ title: 'Bilbyvale withdrawn study', category: 'handbook', countries: ['RS'], status: 'draft' })));
    expect(await prisma.publicationTombstone.findUniqueOrThrow({ where: { slug: created.slug } })).toEqual(tombstone);

    const republished = ok(await updatePublication(prisma, editor, created.id, edited.version, form({ title: 'Bilbyvale withdrawn study', category: 'research-study', countries: ['NG'] })));
    expect(await publicationState(created.slug, { ownWrites: false })).toBe('published');
    expect(await prisma.publicationTombstone.count({ where: { slug: created.slug } })).toBe(0);

    ok(await deletePublicationAsStaff(prisma, editor, created.id, republished.version));
    expect(await publicationState(created.slug, { ownWrites: false })).toBe('gone');
    expect(await prisma.publicationTombstone.findUnique({ where: { slug: created.slug } })).toMatchObject({ title: 'Bilbyvale withdrawn study' });
  });

  it('never gives a new publication the slug of a withdrawn one', async () => {
    const first = ok(await createPublication(prisma, editor, form({ title: 'Wombatgully reused title', year: '' })));
    ok(await deletePublicationAsStaff(prisma, editor, first.id, first.version));
    const second = ok(await createPublication(prisma, editor, form({ title: 'Wombatgully reused title', year: '' })));
    expect(second.slug).not.toBe(first.slug);
    expect(await publicationState(first.slug, { ownWrites: false })).toBe('gone');
  });

  it('leaves no tombstone for a draft that was never public', async () => {
    const draft = ok(await createPublication(prisma, editor, form({ title: 'Dingoflat never public', status: 'draft' })));
    ok(await deletePublicationAsStaff(prisma, editor, draft.id, draft.version));
    expect(await publicationState(draft.slug, { ownWrites: false })).toBe('missing');
  });
});

describe('updatePublication', () => {
  it('records which fields changed, before → after, and public reads show the edit at once', async () => {
    const created = ok(await createPublication(prisma, editor, form({ title: 'Numbatridge baseline', year: '2019', authors: [{ name: 'First Numbat' }, { name: 'Second Numbat' }] })));
    await search('q=numbatridge'); // the index is now warm
    const updated = ok(
      await updatePublication(prisma, { id: 9002, name: 'Other Editor' }, created.id, created.version,
        form({ title: 'Numbatridge baseline, revised', year: '2021', authors: [{ name: 'Second Numbat' }, { name: 'First Numbat' }] })),
    );
    expect(updated.version).toBe(2);
    expect(updated.slug).toBe(created.slug);
    const [, update] = await auditOf(created.id);
    expect(update).toMatchObject({ action: 'update', userName: 'Other Editor' });
    expect(update?.changes).toEqual({
      title: { before: 'Numbatridge baseline', after: 'Numbatridge baseline, revised' },
      year: { before: 2019, after: 2021 },
      authors: { before: ['First Numbat', 'Second Numbat'], after: ['Second Numbat', 'First Numbat'] },
    });
    expect((await search('q=numbatridge')).items[0]).toMatchObject({ title: 'Numbatridge baseline, revised', year: 2021 });
    expect((await getPublication(created.slug))?.authors.map((a) => a.name)).toEqual(['Second Numbat', 'First Numbat']);
  });

  it('does not overwrite a newer save: the stale one gets the stored values and writes nothing', async () => {
    const created = ok(await createPublication(prisma, editor, form({ title: 'Quollhill assessment' })));
    ok(await updatePublication(prisma, { id: 1, name: 'First' }, created.id, 1, form({ title: 'Quollhill assessment (first)' })));
    const before = await catalogueSnapshot(prisma);
    const stale = await updatePublication(prisma, { id: 2, name: 'Second' }, created.id, 1, form({ title: 'Quollhill assessment (second)' }));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { title: 'Quollhill assessment (first)', version: 2, lastChange: { by: 'First' } } });
    expect(await catalogueSnapshot(prisma)).toEqual(before);
  });

  it('answers an update of a deleted publication with a conflict that has no current record', async () => {
    const created = ok(await createPublication(prisma, editor, form({ title: 'Bilbyplain memo' })));
    ok(await deletePublicationAsStaff(prisma, editor, created.id, created.version));
    expect(await updatePublication(prisma, editor, created.id, created.version, form({}))).toEqual({ ok: false, reason: 'conflict', current: null });
  });
});

describe('50 concurrent saves of one publication from stale versions', () => {
  const clients: PrismaClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });

  it('leave exactly one winner per version and an audit row for each saved change', async () => {
    const created = ok(await createPublication(prisma, editor, form({ title: 'Race start' })));
    // Five connections to the same file, as five app instances would have.
    for (let i = 0; i < 5; i++) clients.push(createPrismaClient());
    const SAVES = 50;
    // Every save starts from some version between 1 and 10: all but the first of each version are stale.
    const results = await Promise.all(
      Array.from({ length: SAVES }, (_, i) => {
        const from = 1 + (i % 10);
        return updatePublication(clients[i % clients.length]!, { id: 100 + i, name: `Editor ${i}` }, created.id, from,
          form({ title: `Race ${i}`, year: String(1950 + i) })).then((result) => ({ i, from, result }));
      }),
    );

    const winners = results.filter((r) => r.result.ok);
    const losers = results.filter((r) => !r.result.ok);
    expect(winners.length + losers.length).toBe(SAVES);
    expect(winners.length).toBeGreaterThanOrEqual(1);
    for (const loser of losers) expect(loser.result).toMatchObject({ ok: false, reason: 'conflict' });

    // One winner per version, and the versions they started from form an unbroken chain 1, 2, 3, …
    const fromVersions = winners.map((w) => w.from).sort((a, b) => a - b);
    expect(new Set(fromVersions).size).toBe(winners.length);
    expect(fromVersions).toEqual(Array.from({ length: winners.length }, (_, k) => k + 1));

    const stored = await prisma.publication.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.version).toBe(1 + winners.length);
    const last = winners.find((w) => w.from === winners.length)!;
    expect(stored.title).toBe(`Race ${last.i}`);

    // Every saved change is in the audit log, by its author, each recording the value it replaced.
    const updates = (await auditOf(created.id)).filter((e) => e.action === 'update');
    expect(updates).toHaveLength(winners.length);
    const winnerByVersion = new Map(winners.map((w) => [w.from, w]));
    let previousTitle = 'Race start';
    updates.forEach((entry, k) => {
      const winner = winnerByVersion.get(k + 1)!;
      expect(entry.userName).toBe(`Editor ${winner.i}`);
      expect(entry.changes.title).toEqual({ before: previousTitle, after: `Race ${winner.i}` });
      previousTitle = `Race ${winner.i}`;
    });
  });
});

describe('deletePublicationAsStaff', () => {
  it('removes the record from every public read and keeps it in the audit log', async () => {
    const created = ok(await createPublication(prisma, editor, form({ title: 'Platypuspond handbook', countries: ['RS'] })));
    expect((await search('q=platypuspond')).total).toBe(1);
    ok(await deletePublicationAsStaff(prisma, editor, created.id, created.version));
    expect(await getPublication(created.slug)).toBeNull();
    expect((await search('q=platypuspond')).total).toBe(0);
    const entries = await auditOf(created.id);
    expect(entries.at(-1)).toMatchObject({ action: 'delete', userName: editor.name, label: 'Platypuspond handbook' });
    expect(entries.at(-1)?.changes).toMatchObject({ title: 'Platypuspond handbook', countries: ['Serbia'] });
  });

  it('refuses to delete a version that is no longer the stored one', async () => {
    const created = ok(await createPublication(prisma, editor, form({ title: 'Dingoflat overview' })));
    ok(await updatePublication(prisma, editor, created.id, 1, form({ title: 'Dingoflat overview v2' })));
    const before = await catalogueSnapshot(prisma);
    expect(await deletePublicationAsStaff(prisma, editor, created.id, 1)).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2 } });
    expect(await catalogueSnapshot(prisma)).toEqual(before);
  });
});

describe('the safeguarding check before a publication goes public', () => {
  const personal = 'Wallabyford shelter case. Contact the survivor at maria.lopez@example.org or +44 20 7946 0958.';

  it('stops a save that would publish personal data, names each finding, and writes nothing', async () => {
    const before = await catalogueSnapshot(prisma);
    const result = await createPublication(prisma, editor, form({ title: 'Wallabyford shelter review', summary: personal, status: 'published' }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok || result.reason !== 'invalid') throw new Error('unreachable');
    expect(result.safeguarding).toEqual([
      'the summary has an e-mail address (“maria.lopez@example.org”)',
      'the summary has a phone number (“+44 20 7946 0958”)',
    ]);
    expect(result.fieldErrors.summary?.[0]).toMatch(/^Possible personal data: an e-mail address \(“maria\.lopez@example\.org”\), a phone number .* save as a draft and ask an admin\.$/);
    expect(await catalogueSnapshot(prisma)).toEqual(before);
    // An editor's reason is not enough: only admins may publish anyway.
    expect(await createPublication(prisma, editor, form({ title: 'Wallabyford shelter review', summary: personal, status: 'published', publishAnyway: 'I say so' }))).toMatchObject({ ok: false });
  });

  it('lets a draft keep it, checks again when the draft is published, and lets an admin publish with a recorded reason', async () => {
    const draft = ok(await createPublication(prisma, editor, form({ title: 'Wallabyford draft review', summary: personal, status: 'draft' })));
    const publish = form({ title: 'Wallabyford draft review', summary: personal, status: 'published', version: String(draft.version) });
    expect(await updatePublication(prisma, editor, draft.id, draft.version, publish)).toMatchObject({ ok: false, reason: 'invalid' });
    const reason = 'The address and number are the shelter’s public helpline, printed on the report’s cover.';
    const published = ok(
      await updatePublication(prisma, { id: 9002, name: 'Ada Admin' }, draft.id, draft.version, { ...publish, publishAnyway: reason }, { mayPublishAnyway: true }),
    );
    const entries = await auditOf(published.id);
    expect(entries.at(-1)?.changes).toMatchObject({
      status: { before: 'draft', after: 'published' },
      publishedDespite: {
        before: null,
        after: `${reason} (the check found: the summary has an e-mail address (“maria.lopez@example.org”); the summary has a phone number (“+44 20 7946 0958”))`,
      },
    });
    // Published and unchanged in its text: later saves are not asked again.
    const later = ok(await updatePublication(prisma, editor, published.id, published.version, { ...publish, year: 2020, publishAnyway: '' }));
    expect(later.version).toBe(published.version + 1);
  });
});
