import type { Db } from '@/lib/prisma-client';
import { CatalogueIndex, type IndexDoc } from './catalogue-index';
import { dialect } from '@/lib/sql/dialect';

/**
 * Keeps a process's CatalogueIndex in step with the database. Before each query it reads the newest
 * CatalogueChange (one indexed lookup) and replays what it has not seen: changed publications are
 * re-read and re-indexed, a null change rebuilds everything. Every instance sharing the database
 * does the same, so an edit made through one shows on all of them at their next request.
 */
export class IndexStore {
  private index: CatalogueIndex | null = null;
  private seq = 0;
  private pending: Promise<CatalogueIndex> | null = null;
  private rebuilds = 0;

  /** Whether an index is loaded: what /readyz waits for (server.ts reads it through globalThis.catalogueIndex). */
  get ready(): boolean {
    return this.index !== null;
  }

  /** Changes whenever the index is rebuilt, which every taxonomy change causes: a key for caching names. */
  get generation(): number {
    return this.rebuilds;
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
    return this.index;
  }

  private async refresh(db: Db): Promise<CatalogueIndex> {
    const changes = this.index
      ? await db.catalogueChange.findMany({ where: { seq: { gt: this.seq } }, orderBy: { seq: 'asc' } })
      : [];
    const index = this.index;
    const rebuild =
      !index || changes.some((c) => c.publicationId === null) || index.deadSlots > Math.max(1000, index.size);
    if (rebuild) {
      // Read the position first: a write landing during the build is replayed again next time.
      const seq = await latestChange(db);
      const fresh = new CatalogueIndex();
      // In batches: a million publications' text held at once would double the memory the index needs.
      for await (const docs of docBatches(db)) for (const doc of docs) fresh.upsert(doc);
      fresh.compact();
      this.index = fresh;
      this.seq = seq;
      this.rebuilds++;
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
  const [texts, publications, countries, regions, authors, languages, memberships] = await Promise.all([
    dialect(db).readSearchText(db, ids),
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
    };
  });
}
