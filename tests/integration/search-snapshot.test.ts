// The search index snapshot (lib/search/snapshot.ts) as IndexStore uses it, on a real database (SQLite file
// or PostgreSQL): a new store starts from the snapshot, replays what changed since, and rebuilds rather than
// trust a damaged snapshot, a snapshot of another database or one too far behind.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import type { Db } from '@/lib/prisma-client';
import { catalogueChanged } from '@/lib/publications/changes';
import { deletePublication, upsertPublication, type PublicationInput } from '@/lib/publications/save';
import type { CatalogueIndex } from '@/lib/search/catalogue-index';
import { parseQuery } from '@/lib/search/query';
import { openSnapshot } from '@/lib/search/snapshot';
import { IndexStore } from '@/lib/search/store';
import { emptyCatalogue } from './helpers/catalogues';

const QUERIES = [
  '',
  'q=trafficking',
  'q=%22referral+mechanisms%22',
  'q=traf*',
  'q=labour+-children',
  'country=NG',
  'region=west-africa&category=report',
  'q=victims&year=2015&sort=oldest',
  'translations=grouped',
];

/**
 * What every query answers, the page's ids and each facet's values as sets: a replayed index numbers its
 * slots and facet values in another order than a fresh build, and orders ties by them.
 */
function answers(index: CatalogueIndex) {
  return QUERIES.map((query) => {
    const params = parseCatalogueParams(new URLSearchParams(query));
    const { ids, translations, facets, ...rest } = index.search(params, parseQuery(params.q), { pageSize: 100_000 });
    const sortedFacets = Object.fromEntries(Object.entries(facets).map(([facet, values]) => [facet, [...values].sort((a, b) => (a.value < b.value ? -1 : 1))]));
    return {
      query,
      ...rest,
      facets: sortedFacets,
      ids: [...ids].sort((a, b) => a - b),
      translated: translations?.flat().sort((a, b) => a - b) ?? null,
    };
  });
}

const snapshotFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'ct-search-snapshot-')), 'search-index.snapshot');

/** The events the store logged (lib/log.ts writes one JSON line each through console.info). */
function events() {
  const spy = vi.spyOn(console, 'info').mockImplementation(() => {});
  return {
    all: () => spy.mock.calls.map(([line]) => JSON.parse(String(line)) as { event: string; reason?: string; behind?: number }),
    named(name: string) {
      return this.all().filter((e) => e.event === name);
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A store that built its index from `db` and wrote its snapshot to `file`. */
async function storeWithSnapshot(db: Db, file: string) {
  const store = new IndexStore({ file });
  const index = await store.current(db);
  await store.snapshotWrite;
  return { store, index };
}

const freshBuild = (db: Db) => new IndexStore(null).current(db);

function publication(fields: Partial<PublicationInput> & { title: string }): PublicationInput {
  return { summary: 'A record for the snapshot tests.', year: 2021, category: 'report', countries: ['NG'], regions: [], authors: [], ...fields };
}

describe('search index snapshot', () => {
  it('a new store starts from the snapshot: the same index as the one that wrote it', async () => {
    const file = snapshotFile();
    const log = events();
    const { index } = await storeWithSnapshot(prisma, file);
    expect(log.named('search-snapshot-ignored').map((e) => e.reason)).toEqual(['missing']);
    expect(log.named('search-snapshot-written')).toHaveLength(1);

    const restarted = new IndexStore({ file });
    expect(restarted.ready).toBe(false);
    const restored = await restarted.current(prisma);
    expect(restarted.ready).toBe(true);
    expect(log.named('search-snapshot-loaded')).toMatchObject([{ behind: 0 }]);
    expect(log.named('search-index-built')).toHaveLength(1); // the first store's only
    expect(restored.state()).toEqual(index.state());
    expect(answers(restored)).toEqual(answers(index));
    expect(answers(restored)[0]!.total).toBeGreaterThan(20);
    // Nothing changed since: nothing to write.
    expect(restarted.snapshotWrite).toBeNull();
  });

  it('a stale snapshot is loaded and the changes since replayed: it then answers as a fresh build', async () => {
    const file = snapshotFile();
    await storeWithSnapshot(prisma, file);
    const victim = await prisma.publication.findFirstOrThrow({ where: { status: 'published' }, orderBy: { id: 'asc' }, select: { slug: true } });
    const edited = await prisma.publication.findFirstOrThrow({ where: { status: 'published' }, orderBy: { id: 'desc' }, select: { slug: true, title: true } });
    await upsertPublication(prisma, publication({ title: 'Snapshotquokka field report', countries: ['ML', 'NG'], authors: ['Ada Snapshot'] }));
    await upsertPublication(prisma, publication({ slug: edited.slug, title: `${edited.title} (snapshotwombat edition)`, year: 1999 }));
    expect(await deletePublication(prisma, victim.slug)).toBe(true);

    const log = events();
    const restarted = new IndexStore({ file });
    const replayed = await restarted.current(prisma);
    expect(log.named('search-snapshot-loaded')).toMatchObject([{ behind: expect.any(Number) }]);
    expect(log.named('search-snapshot-loaded')[0]!.behind).toBeGreaterThanOrEqual(3);
    expect(log.named('search-index-built')).toHaveLength(0);
    expect(answers(replayed)).toEqual(answers(await freshBuild(prisma)));
    const search = (q: string) => replayed.search(parseCatalogueParams(new URLSearchParams({ q })), parseQuery(q)).total;
    expect(search('snapshotquokka')).toBe(1);
    expect(search('snapshotwombat')).toBe(1);
  });

  it('a corrupt snapshot is ignored and the index rebuilt; the rebuilt one is saved over it', async () => {
    const file = snapshotFile();
    await storeWithSnapshot(prisma, file);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);

    const log = events();
    const { index } = await storeWithSnapshot(prisma, file);
    expect(log.named('search-snapshot-ignored').map((e) => e.reason)).toEqual(['corrupt']);
    expect(log.named('search-index-built')).toHaveLength(1);
    expect(answers(index)).toEqual(answers(await freshBuild(prisma)));
    const saved = await (await openSnapshot(file)).load();
    expect(saved.state()).toEqual(index.state());
  });

  it('is written again in the background once enough changes pile up, and not when a sound one is already there', async () => {
    const file = snapshotFile();
    const log = events();
    const store = new IndexStore({ file, everyChanges: 2 });
    await store.current(prisma);
    await store.snapshotWrite;
    const first = await openSnapshot(file);
    await first.close();
    const before = first.header.seq;
    await upsertPublication(prisma, publication({ title: 'Snapshotkoala first' }));
    await store.current(prisma);
    expect(store.snapshotWrite).toBeNull(); // one change: not yet
    await upsertPublication(prisma, publication({ title: 'Snapshotkoala second' }));
    const index = await store.current(prisma);
    expect(store.snapshotWrite).not.toBeNull();
    await store.snapshotWrite;
    const snapshot = await openSnapshot(file);
    expect(snapshot.header.seq).toBeGreaterThan(before);
    expect((await snapshot.load()).state()).toEqual(index.state());
    expect(log.named('search-snapshot-written')).toHaveLength(2);
  });

  it('an instance that rebuilds leaves a sound snapshot as far as its index alone', async () => {
    const file = snapshotFile();
    const first = new IndexStore({ file });
    await first.current(prisma);
    await first.snapshotWrite;
    const second = new IndexStore({ file });
    await second.current(prisma); // from the snapshot
    // A change that rebuilds: both instances rebuild; the first writes its snapshot, the second finds it there.
    await catalogueChanged(prisma, []);
    const log = events();
    await first.current(prisma);
    await first.snapshotWrite;
    await second.current(prisma);
    expect(second.snapshotWrite).not.toBeNull();
    await second.snapshotWrite;
    expect(log.named('search-index-built')).toHaveLength(2);
    expect(log.named('search-snapshot-written')).toHaveLength(1);
  });

  it('a snapshot behind a change that rebuilds the index (a taxonomy edit) is not used', async () => {
    const file = snapshotFile();
    await storeWithSnapshot(prisma, file);
    await catalogueChanged(prisma, []);
    const log = events();
    await new IndexStore({ file }).current(prisma);
    expect(log.named('search-snapshot-ignored').map((e) => e.reason)).toEqual(['behind']);
    expect(log.named('search-index-built')).toHaveLength(1);
  });

  it("another database's snapshot is never used, even at the same change sequence", async () => {
    const [first, second] = [await emptyCatalogue(), await emptyCatalogue()];
    try {
      await upsertPublication(first, publication({ title: 'Only in the first catalogue' }));
      await upsertPublication(second, publication({ title: 'Only in the second catalogue' }));
      const lastSeq = async (db: Db) => (await db.catalogueChange.findFirstOrThrow({ orderBy: { seq: 'desc' } })).seq;
      expect(await lastSeq(first)).toBe(await lastSeq(second));

      const file = snapshotFile();
      await storeWithSnapshot(first, file);
      const log = events();
      const index = await new IndexStore({ file }).current(second);
      expect(log.named('search-snapshot-ignored').map((e) => e.reason)).toEqual(['other-database']);
      const titles = (q: string) => index.search(parseCatalogueParams(new URLSearchParams({ q })), parseQuery(q)).total;
      expect(titles('second')).toBe(1);
      expect(titles('first')).toBe(0);
    } finally {
      await first.$disconnect();
      await second.$disconnect();
    }
  });
});
