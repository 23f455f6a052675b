// The query layer in process: searchPublications(parseCatalogueParams(...)) exactly as the page and the
// API call it, on a warm index. Runs as a child of bench/run.ts:
//
//   DATABASE_URL=<file:… or postgresql://…> node --conditions=react-server --import tsx --expose-gc bench/query-layer.ts --n <n> --runs <r>
//
// lib/data/catalogue.ts imports 'server-only', which throws unless React's server conditions are on, and
// lib/env.ts reads DATABASE_URL when first imported: both are settled before this process starts.
// Results go back over IPC when forked, or to stdout as JSON when run by hand.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { FACET_LIMIT, listRelatedPublications, searchPublications, suggestPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { CatalogueIndex, type IndexDoc } from '@/lib/search/catalogue-index';
import { parseQuery } from '@/lib/search/query';
import { openSnapshot, writeSnapshot } from '@/lib/search/snapshot';
import { IndexStore, docBatches, historyFingerprint } from '@/lib/search/store';
import { CACHE_DIR } from './generate';
import { percentiles, queryMatrix, SUGGEST_QUERIES, timeRuns, type Percentiles } from './matrix';

export type QueryLayerResult = {
  /** Reading every document from the database through Prisma, and indexing them (CatalogueIndex.upsert), summed over the app's batches. */
  build: { readMs: number; indexMs: number; docs: number };
  /**
   * The built index as a snapshot (lib/search/snapshot.ts): taking its state (synchronous, the pause a
   * server sees), writing the file (chunked, in the background on a server), its size, and loading it back
   * (read, checksum, decode) with the process's RSS growth over the load.
   */
  snapshot: { stateMs: number; writeMs: number; bytes: number; loadMs: number; loadRssMB: number };
  /**
   * What the index holds in memory (CatalogueIndex.memoryBytes: its arrays counted exactly, strings and
   * objects estimated), built as the app builds it and again with every document left out; how many
   * publications have a document and how much text that is.
   */
  indexMemory: { withDocumentsMB: number; withoutDocumentsMB: number; documents: number; documentTextMB: number };
  /** The first searchPublications call: builds the module's own index, as the first request to a server does. */
  coldFirstQueryMs: number;
  /** After the build; `peakRssMB` is the process's peak (getrusage's maxrss) over the whole run, builds included. */
  memory: { rssMB: number; heapUsedMB: number; peakRssMB: number };
  queries: {
    name: string;
    total: number;
    /** searchPublications end to end. */
    layer: Percentiles;
    /** CatalogueIndex.search alone (bitsets, counts, ranking): the rest of `layer` is the change-log lookup, the page's cards (one statement), names, snippets. */
    index: Percentiles;
  }[];
  /**
   * Related publications of RELATED_SAMPLES records spread over the catalogue, in turn: CatalogueIndex.related
   * alone (`index`), and listRelatedPublications end to end (`layer`: the change-log lookup, the ranking, the six
   * cards in one statement); `listed`: publications listed per record, on average.
   */
  related: { samples: number; index: Percentiles; layer: Percentiles; listed: number };
  /** suggestPublications end to end (index, a card read for the titles, names), per text typed. */
  suggest: { q: string; suggestions: number; layer: Percentiles }[];
};

/** Records whose related publications are timed, one every n / RELATED_SAMPLES ids. */
const RELATED_SAMPLES = 50;

const MB = 1024 * 1024;
// Exposed by run.ts (--expose-gc): collecting between phases keeps one phase's garbage out of the next one's timings.
const collect = () => (globalThis as { gc?: () => void }).gc?.();
/** Memory an index built from every batch takes, each document mapped by `map` first. */
async function indexBytes(map: (doc: IndexDoc) => IndexDoc): Promise<number> {
  const index = new CatalogueIndex();
  for await (const docs of docBatches(prisma)) for (const doc of docs) index.upsert(map(doc));
  index.compact();
  return index.memoryBytes();
}

async function main(): Promise<QueryLayerResult> {
  const { values } = parseArgs({ options: { n: { type: 'string' }, runs: { type: 'string', default: '100' } } });
  const n = Number(values.n);
  const runs = Number(values.runs);
  if (!Number.isInteger(n) || !Number.isInteger(runs) || runs < 1) throw new Error('usage: --n <publications> --runs <runs>');
  const log = (line: string) => process.stderr.write(`  ${line}\n`);

  // How long the index takes to build, in its two halves, batch by batch as the app builds it (so the
  // process's peak memory is the app's). This index is thrown away afterwards.
  let readMs = 0;
  let indexMs = 0;
  let count = 0;
  let documents = 0;
  let documentChars = 0;
  let scratch: CatalogueIndex | null = new CatalogueIndex();
  const batches = docBatches(prisma);
  let start = performance.now();
  for (;;) {
    const next = await batches.next();
    readMs += performance.now() - start;
    if (next.done) break;
    start = performance.now();
    for (const doc of next.value) scratch.upsert(doc);
    indexMs += performance.now() - start;
    for (const doc of next.value) {
      if (doc.files?.length) documents++;
      for (const file of doc.files ?? []) documentChars += file.text.length;
    }
    count += next.value.length;
    start = performance.now();
  }
  start = performance.now();
  scratch.compact();
  indexMs += performance.now() - start;
  const build = { readMs, indexMs, docs: count };
  const withDocuments = scratch.memoryBytes();
  log(`index: read ${count.toLocaleString('en')} docs in ${(readMs / 1000).toFixed(2)} s, indexed in ${(indexMs / 1000).toFixed(2)} s`);

  const file = path.join(CACHE_DIR, `query-layer-${process.pid}.snapshot`);
  const seq = (await prisma.catalogueChange.findFirstOrThrow({ orderBy: { seq: 'desc' } })).seq;
  const fingerprint = (await historyFingerprint(prisma, seq))!;
  start = performance.now();
  const state = scratch.state();
  const stateMs = performance.now() - start;
  const written = await writeSnapshot(file, state, { seq, fingerprint, size: scratch.size });
  scratch = null;
  collect();
  const rssBefore = process.memoryUsage().rss;
  start = performance.now();
  let loaded: CatalogueIndex | null = await (await openSnapshot(file)).load();
  const loadMs = performance.now() - start;
  const snapshot = { stateMs, writeMs: written.ms, bytes: written.bytes, loadMs, loadRssMB: (process.memoryUsage().rss - rssBefore) / MB };
  log(
    `snapshot: state ${stateMs.toFixed(0)} ms, written in ${(written.ms / 1000).toFixed(2)} s, ${(written.bytes / MB).toFixed(1)} MB, ` +
      `loaded in ${(loadMs / 1000).toFixed(2)} s (${loaded.size.toLocaleString('en')} publications, RSS +${snapshot.loadRssMB.toFixed(0)} MB)`,
  );
  loaded = null;
  rmSync(file, { force: true });
  const withoutDocuments = await indexBytes((doc) => ({ ...doc, files: [] }));
  const indexMemory = { withDocumentsMB: withDocuments / MB, withoutDocumentsMB: withoutDocuments / MB, documents, documentTextMB: documentChars / MB };
  log(
    `index memory: ${indexMemory.withDocumentsMB.toFixed(0)} MB with ${documents.toLocaleString('en')} documents (${indexMemory.documentTextMB.toFixed(0)} M characters of text), ` +
      `${indexMemory.withoutDocumentsMB.toFixed(0)} MB without them`,
  );
  collect();

  start = performance.now();
  await searchPublications(parseCatalogueParams({}));
  const coldFirstQueryMs = performance.now() - start;
  log(`first searchPublications (cold: builds the app's index) ${(coldFirstQueryMs / 1000).toFixed(2)} s`);
  // The index searchPublications now holds (lib/data/catalogue.ts keeps it on globalThis): timing it alone
  // splits each query into index work and the rest, without a second copy of the index skewing GC.
  const store = (globalThis as { catalogueIndex?: IndexStore }).catalogueIndex ?? new IndexStore();
  const index = await store.current(prisma);
  collect();
  const after = { rssMB: process.memoryUsage().rss / MB, heapUsedMB: process.memoryUsage().heapUsed / MB };

  const queries: QueryLayerResult['queries'] = [];
  for (const query of queryMatrix(n)) {
    const url = () => new URLSearchParams(query.search);
    const result = await searchPublications(parseCatalogueParams(url()));
    collect();
    const layer = percentiles(await timeRuns(runs, () => searchPublications(parseCatalogueParams(url()))));
    const params = parseCatalogueParams(url());
    const indexTimes = await timeRuns(runs, () => index.search(params, parseQuery(params.q), { facetLimit: FACET_LIMIT }));
    queries.push({ name: query.name, total: result.total, layer, index: percentiles(indexTimes) });
    log(`${query.name.padEnd(16)} ${String(result.total).padStart(7)} matches  p50 ${layer.p50.toFixed(2)} ms  p95 ${layer.p95.toFixed(2)} ms`);
  }
  const ids = await prisma.publication.findMany({ where: { status: 'published' }, select: { id: true }, orderBy: { id: 'asc' } });
  const step = Math.max(1, Math.floor(ids.length / RELATED_SAMPLES));
  const sampleIds = ids.filter((_, i) => i % step === 0).slice(0, RELATED_SAMPLES).map((p) => p.id);
  const records = await prisma.publication.findMany({ where: { id: { in: sampleIds } }, select: { id: true, title: true, summary: true }, orderBy: { id: 'asc' } });
  let turn = 0;
  const next = () => records[turn++ % records.length]!;
  let listedTotal = 0;
  for (const record of records) listedTotal += index.related(record.id, record).length;
  collect();
  const relatedIndexTimes = await timeRuns(runs, () => {
    const record = next();
    return index.related(record.id, record);
  });
  const relatedLayer = percentiles(await timeRuns(runs, () => listRelatedPublications(next())));
  const related = { samples: records.length, index: percentiles(relatedIndexTimes), layer: relatedLayer, listed: listedTotal / Math.max(1, records.length) };
  log(`related (${records.length} records)  index p50 ${related.index.p50.toFixed(2)} ms  p95 ${related.index.p95.toFixed(2)} ms; layer p50 ${relatedLayer.p50.toFixed(2)} ms  p95 ${relatedLayer.p95.toFixed(2)} ms`);
  const suggest: QueryLayerResult['suggest'] = [];
  for (const q of SUGGEST_QUERIES) {
    const answer = await suggestPublications(q);
    collect();
    const layer = percentiles(await timeRuns(runs, () => suggestPublications(q)));
    suggest.push({ q, suggestions: answer.titles.length + answer.authors.length + answer.countries.length, layer });
    log(`suggest ${JSON.stringify(q).padEnd(12)} ${String(suggest.at(-1)!.suggestions).padStart(3)} suggestions  p50 ${layer.p50.toFixed(2)} ms  p95 ${layer.p95.toFixed(2)} ms`);
  }
  await prisma.$disconnect();
  const memory = { ...after, peakRssMB: process.resourceUsage().maxRSS / 1024 };
  return { build, snapshot, indexMemory, coldFirstQueryMs, memory, queries, related, suggest };
}

const result = await main();
if (process.send) process.send(result, () => process.exit(0));
else console.log(JSON.stringify(result, null, 2));
