import type { Db } from '@/lib/prisma-client';
import { logEvent } from '@/lib/log';
import { dialect } from '@/lib/sql/dialect';
import { MEDIA_TYPES } from '@/lib/files/detect';
import { CatalogueIndex, type IndexDoc, type IndexFile } from './catalogue-index';
import { openSnapshot, SnapshotRejected, writeSnapshot } from './snapshot';

export type SnapshotSettings = {
  /** The snapshot's path (lib/env.ts `searchSnapshotFile`). */
  file: string;
  /** Write a new snapshot once the index is this many changes past the last one… */
  everyChanges?: number;
  /** …or once it is past it at all and this long has gone by. */
  everyMs?: number;
};

/** Past the last snapshot by this many changes, a new one is written: a restart then replays fewer. */
const SNAPSHOT_EVERY_CHANGES = 500;
const SNAPSHOT_EVERY_MS = 10 * 60_000;

/**
 * Keeps a process's CatalogueIndex in step with the database. Before each query it reads the newest
 * CatalogueChange (one indexed lookup) and replays what it has not seen: changed publications are
 * re-read and re-indexed, a null change rebuilds everything. Every instance sharing the database
 * does the same, so an edit made through one shows on all of them at their next request.
 *
 * With a snapshot file (lib/search/snapshot.ts) the first index comes from it when it is sound and of this
 * database's history, and the changes since are replayed as above; otherwise the index is built and the
 * snapshot written afterwards, in the background, and again from time to time as changes pile up.
 */
export class IndexStore {
  private index: CatalogueIndex | null = null;
  private seq = 0;
  private pending: Promise<CatalogueIndex> | null = null;
  private rebuilds = 0;
  private lastBuildMs: number | null = null;
  private snapshotTried = false;
  /** The seq of the snapshot on disk as far as this process knows (loaded or written), and when. */
  private snapshotSeq = 0;
  private snapshotAt = 0;
  private writing: Promise<void> | null = null;
  /** Rebuilt since the snapshot on disk: that snapshot is of an index a restart would rebuild anyway. */
  private rebuiltSinceSnapshot = false;
  private retryAfter = 0;
  private lastDb: Db | null = null;

  constructor(private readonly snapshot: SnapshotSettings | null = null) {}

  /** Changes whenever the index is rebuilt, which every taxonomy change causes: a key for caching names. */
  get generation(): number {
    return this.rebuilds;
  }

  /** What /metrics reports of the index (server.ts reads it through globalThis.catalogueIndex). */
  get stats(): { size: number; seq: number; rebuilds: number; lastBuildMs: number | null } {
    return { size: this.index?.size ?? 0, seq: this.seq, rebuilds: this.rebuilds, lastBuildMs: this.lastBuildMs };
  }

  /** Whether an index is loaded: what /readyz waits for (server.ts reads it through globalThis.catalogueIndex). */
  get ready(): boolean {
    return this.index !== null;
  }

  /** The snapshot being written, if any (tests and the benchmark wait for it). */
  get snapshotWrite(): Promise<void> | null {
    return this.writing;
  }

  /**
   * The index as of `db`: a replica, or the primary for readers who must see their own writes. The index
   * only moves forward, so one fed from the primary serves replica readers too.
   */
  async current(db: Db): Promise<CatalogueIndex> {
    const latest = await latestChange(db);
    // A replica may lag behind what this process already read from the primary: never go back.
    // One refresh at a time; requests arriving meanwhile wait for it, and refresh again if it read from a
    // database behind theirs (a lagging replica's refresh cannot satisfy a primary reader).
    while (!this.index || latest > this.seq) {
      this.pending ??= this.refresh(db).finally(() => {
        this.pending = null;
      });
      await this.pending;
    }
    this.lastDb = db;
    this.considerSnapshot();
    return this.index;
  }

  private async refresh(db: Db): Promise<CatalogueIndex> {
    if (!this.index && this.snapshot && !this.snapshotTried) {
      const restored = await this.restore(db, this.snapshot.file);
      this.snapshotTried = true;
      if (restored) {
        this.index = restored.index;
        this.seq = restored.seq;
        this.snapshotSeq = restored.seq;
        this.snapshotAt = Date.now();
        this.rebuilds++;
      }
    }
    const changes = this.index
      ? await db.catalogueChange.findMany({ where: { seq: { gt: this.seq } }, orderBy: { seq: 'asc' } })
      : [];
    const index = this.index;
    const rebuild =
      !index || changes.some((c) => c.publicationId === null) || index.deadSlots > Math.max(1000, index.size);
    if (rebuild) {
      // Read the position first: a write landing during the build is replayed again next time.
      const seq = await latestChange(db);
      const started = performance.now();
      const fresh = new CatalogueIndex();
      // In batches: a million publications' text held at once would double the memory the index needs.
      for await (const docs of docBatches(db)) for (const doc of docs) fresh.upsert(doc);
      fresh.compact();
      this.index = fresh;
      this.seq = seq;
      this.rebuilds++;
      this.lastBuildMs = performance.now() - started;
      if (this.snapshot) logEvent('search-index-built', { size: fresh.size, seq, ms: Math.round(performance.now() - started) });
      this.lastDb = db;
      this.rebuiltSinceSnapshot = true;
      this.considerSnapshot();
      return fresh;
    }
    const ids = [...new Set(changes.map((c) => c.publicationId!))];
    const found = new Set<number>();
    for await (const docs of docBatches(db, ids)) {
      for (const doc of docs) {
        index.upsert(doc);
        found.add(doc.id);
      }
    }
    for (const id of ids) if (!found.has(id)) index.remove(id);
    this.seq = changes.at(-1)?.seq ?? this.seq;
    return index;
  }

  /**
   * The index from the snapshot file, or null (and one log line saying why) when there is none or it must
   * not be trusted: damaged, of another format or analyzer, of another database's history, or so far
   * behind that replaying its changes would cost about what a rebuild does. Database errors propagate, and
   * the next refresh tries again.
   */
  private async restore(db: Db, file: string): Promise<{ index: CatalogueIndex; seq: number } | null> {
    const started = performance.now();
    const ignored = (reason: string, detail: string) => {
      logEvent('search-snapshot-ignored', { file, reason, detail });
      return null;
    };
    let snapshot;
    try {
      snapshot = await openSnapshot(file);
    } catch (error) {
      if (error instanceof SnapshotRejected) return ignored(error.reason, error.message);
      return ignored('unreadable', (error as Error).message);
    }
    const { header } = snapshot;
    try {
      const fingerprint = await historyFingerprint(db, header.seq);
      if (fingerprint !== header.fingerprint) {
        await snapshot.close();
        return ignored('other-database', `the database's change ${header.seq} is ${fingerprint ?? 'missing'}, the snapshot's ${header.fingerprint}`);
      }
      const since = { seq: { gt: header.seq } };
      const [behind, reset] = await Promise.all([
        db.catalogueChange.count({ where: since }),
        db.catalogueChange.findFirst({ where: { ...since, publicationId: null }, select: { seq: true } }),
      ]);
      if (reset) {
        await snapshot.close();
        return ignored('behind', `change ${reset.seq} since the snapshot rebuilds the whole index`);
      }
      const limit = maxReplay(header.size);
      if (behind > limit) {
        await snapshot.close();
        return ignored('behind', `${behind} changes since the snapshot, more than ${limit}`);
      }
      const index = await snapshot.load();
      logEvent('search-snapshot-loaded', { file, seq: header.seq, size: index.size, bytes: snapshot.bytes, behind, ms: Math.round(performance.now() - started) });
      return { index, seq: header.seq };
    } catch (error) {
      await snapshot.close().catch(() => {});
      if (error instanceof SnapshotRejected) return ignored(error.reason, error.message);
      throw error;
    }
  }

  /**
   * Whether the file already holds a sound snapshot of this database at `seq` or later (instances sharing
   * the folder all rebuild after the same change: one write is enough).
   */
  private async newerOnDisk(file: string, db: Db, seq: number): Promise<boolean> {
    let snapshot;
    try {
      snapshot = await openSnapshot(file);
    } catch {
      return false;
    }
    const { header } = snapshot;
    if (header.seq < seq || (await historyFingerprint(db, header.seq)) !== header.fingerprint) {
      await snapshot.close();
      return false;
    }
    return snapshot.verify();
  }

  /** Until no refresh is running (a failed one too). */
  private async settled(): Promise<void> {
    while (this.pending) await this.pending.catch(() => {});
  }

  /**
   * Starts writing a snapshot when one is due: after a rebuild, or when the index is SNAPSHOT_EVERY_CHANGES
   * past the last one or past it at all after SNAPSHOT_EVERY_MS. Never on the request path: it waits for the
   * current turn to end and for any refresh to finish, takes the index's state in one synchronous step (the
   * index is not changing then), and writes in chunks with other work running between them.
   */
  private considerSnapshot(): void {
    if (!this.snapshot || this.writing || this.seq === 0 || Date.now() < this.retryAfter) return;
    const ahead = this.seq - this.snapshotSeq;
    const due =
      this.rebuiltSinceSnapshot ||
      ahead >= (this.snapshot.everyChanges ?? SNAPSHOT_EVERY_CHANGES) ||
      (ahead > 0 && Date.now() - this.snapshotAt >= (this.snapshot.everyMs ?? SNAPSHOT_EVERY_MS));
    if (!due) return;
    const { file } = this.snapshot;
    this.writing = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.settled();
      const index = this.index!;
      const seq = this.seq;
      const db = this.lastDb!;
      const fingerprint = await historyFingerprint(db, seq);
      if (!fingerprint) return;
      // The index may have moved on while the fingerprint was read: take it as it is now, at its seq.
      await this.settled();
      if (this.index !== index || this.seq !== seq) return;
      if (await this.newerOnDisk(file, db, seq)) {
        // Another instance sharing the folder got there first.
        this.snapshotSeq = seq;
        this.snapshotAt = Date.now();
        this.rebuiltSinceSnapshot = false;
        return;
      }
      await this.settled();
      if (this.index !== index || this.seq !== seq) return;
      const state = index.state();
      const size = index.size;
      const generation = this.rebuilds;
      const written = await writeSnapshot(file, state, { seq, fingerprint, size });
      this.snapshotSeq = seq;
      this.snapshotAt = Date.now();
      if (this.rebuilds === generation) this.rebuiltSinceSnapshot = false;
      logEvent('search-snapshot-written', { file, seq, size, bytes: written.bytes, ms: Math.round(written.ms) });
    })()
      .catch((error: Error) => {
        // Tried again after a pause, not at every request (a full disk, a folder the server cannot write).
        this.retryAfter = Date.now() + (this.snapshot?.everyMs ?? SNAPSHOT_EVERY_MS);
        logEvent('search-snapshot-failed', { file, error: error.message });
      })
      .finally(() => {
        this.writing = null;
      });
  }
}

/**
 * Changes a restored snapshot may have to replay before a rebuild is cheaper: replaying re-reads each changed
 * publication, about what a rebuild costs per publication, and leaves a dead slot behind.
 */
function maxReplay(size: number): number {
  return Math.max(1000, Math.floor(size / 4));
}

/**
 * What identifies this database's history up to change `seq`: that change and the first, with their times.
 * Another database (another server, one restored from a backup, a reset one) has other rows there, or none.
 */
export async function historyFingerprint(db: Db, seq: number): Promise<string | null> {
  const [first, at] = await Promise.all([
    db.catalogueChange.findFirst({ orderBy: { seq: 'asc' } }),
    db.catalogueChange.findUnique({ where: { seq } }),
  ]);
  if (!first || !at) return null;
  const row = (c: typeof at) => `${c.seq}:${c.publicationId ?? '-'}:${c.createdAt.toISOString()}`;
  return `${row(first)}/${row(at)}`;
}

/** Publications read per round trip when building the whole index. */
const REBUILD_BATCH = 5_000;
/** Ids per `IN (…)` list: Prisma refuses more bound parameters than SQLite's historical limit of 999. */
const IN_LIMIT = 500;

async function latestChange(db: Db): Promise<number> {
  const last = await db.catalogueChange.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
  return last?.seq ?? 0;
}

type Pair = { publicationId: number; value: string };

/** Every searchable publication, or those among `ids`, REBUILD_BATCH at a time in id order. */
export async function* docBatches(db: Db, ids?: number[]): AsyncGenerator<IndexDoc[]> {
  if (ids) {
    // Listed one by one: at most IN_LIMIT a query.
    for (let start = 0; start < ids.length; start += IN_LIMIT) {
      const some = ids.slice(start, start + IN_LIMIT);
      yield loadDocBatch(db, some, { in: some });
    }
    return;
  }
  for (let after = 0; ; ) {
    const batch = await db.publication.findMany({
      where: { status: 'published', id: { gt: after } },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: REBUILD_BATCH,
    });
    if (batch.length === 0) return;
    // A run of consecutive published ids: read as a range, two parameters whatever its size.
    const first = batch[0]!.id;
    after = batch.at(-1)!.id;
    yield loadDocBatch(db, batch.map((p) => p.id), { gte: first, lte: after });
  }
}

/** The searchable publications among `ids`, which `range` selects, read with a few set-based queries. */
async function loadDocBatch(db: Db, ids: number[], range: { in: number[] } | { gte: number; lte: number }): Promise<IndexDoc[]> {
  const only = { publicationId: range };
  const [texts, files, publications, countries, regions, authors, languages, memberships] = await Promise.all([
    dialect(db).readSearchText(db, ids),
    // Only text that extraction got right: a damaged or encrypted file is stored with no text to search.
    db.publicationFile.findMany({
      where: { publicationId: range, textStatus: 'ok', publication: { status: 'published' } },
      select: { id: true, publicationId: true, text: true, language: true, mediaType: true },
      orderBy: [{ publicationId: 'asc' }, { position: 'asc' }],
    }),
    db.publication.findMany({
      // Drafts are for staff only: public search never sees them.
      where: { status: 'published', id: range },
      select: { id: true, year: true, translationGroupId: true, category: { select: { slug: true } } },
    }),
    db.publicationCountry.findMany({ where: only, select: { publicationId: true, countryCode: true } }),
    db.publicationRegion.findMany({ where: only, select: { publicationId: true, region: { select: { slug: true } } } }),
    db.publicationAuthor.findMany({
      where: only,
      select: { publicationId: true, author: { select: { slug: true } } },
      orderBy: [{ publicationId: 'asc' }, { position: 'asc' }],
    }),
    db.publicationLanguage.findMany({
      where: only,
      select: { publicationId: true, code: true },
      orderBy: [{ publicationId: 'asc' }, { position: 'asc' }],
    }),
    db.countryRegion.findMany({ select: { countryCode: true, region: { select: { slug: true } } } }),
  ]);

  const group = (pairs: Pair[]) => {
    const map = new Map<number, string[]>();
    for (const { publicationId, value } of pairs) {
      const list = map.get(publicationId);
      if (list) list.push(value);
      else map.set(publicationId, [value]);
    }
    return map;
  };
  const countriesOf = group(countries.map((c) => ({ publicationId: c.publicationId, value: c.countryCode })));
  const regionsOf = group(regions.map((r) => ({ publicationId: r.publicationId, value: r.region.slug })));
  const authorsOf = group(authors.map((a) => ({ publicationId: a.publicationId, value: a.author.slug })));
  const languagesOf = group(languages.map((l) => ({ publicationId: l.publicationId, value: l.code })));
  const membership = new Map<string, string[]>();
  for (const m of memberships) membership.set(m.countryCode, [...(membership.get(m.countryCode) ?? []), m.region.slug]);
  const textOf = new Map(texts.map((t) => [t.id, t]));
  const filesOf = new Map<number, IndexFile[]>();
  for (const f of files) {
    if (f.text === '') continue;
    const file = { id: f.id, text: f.text, language: f.language, paged: f.mediaType === MEDIA_TYPES.pdf };
    const list = filesOf.get(f.publicationId);
    if (list) list.push(file);
    else filesOf.set(f.publicationId, [file]);
  }

  return publications.map((p) => {
    const text = textOf.get(p.id);
    const codes = countriesOf.get(p.id) ?? [];
    const effectiveRegions = new Set(regionsOf.get(p.id) ?? []);
    for (const code of codes) for (const slug of membership.get(code) ?? []) effectiveRegions.add(slug);
    return {
      id: p.id,
      title: text?.title ?? '',
      summary: text?.summary ?? '',
      names: text?.names ?? '',
      year: p.year,
      category: p.category?.slug ?? null,
      countries: codes,
      regions: [...effectiveRegions],
      authors: authorsOf.get(p.id) ?? [],
      group: p.translationGroupId,
      languages: languagesOf.get(p.id) ?? [],
      files: filesOf.get(p.id) ?? [],
    };
  });
}
