// `npm run bench`: generates (or reuses) the synthetic catalogue, then measures in turn, never two heavy
// things at once (the machine has 2 cores): the query layer in process (a child under React's server
// conditions), the same queries as plain SQL (the floor), and HTTP (the app server against a plain server).
// Prints one table per stage and PASS/MISS beside each target. Exits non-zero on errors, never on a MISS.
// `--db postgres` runs the same stages on PostgreSQL: the catalogue copied from the SQLite file into a
// database on BENCH_POSTGRES_URL's server, or on a throwaway cluster started (and stopped) here.
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_N, ensureCatalogue, progressLine, type GenerateResult } from './generate';
import { CRAWL_CONNECTIONS, killAllGroups, runHttp, type HttpResult } from './http';
import { GENERATOR_VERSION, queryMatrix, RELATED_TARGET_P95_MS, SUGGEST_TARGET_P95_MS, targetFor, TARGET_P95_MS, WARMUP_RUNS } from './matrix';
import { pagesReport, PAGE_TARGETS, runPages, type PagesResult } from './pages';
import { BENCH_PG_PORT, ensurePostgresCatalogue, startPostgres, stopOwnCluster, type PostgresCatalogue } from './postgres';
import type { QueryLayerResult } from './query-layer';
import { FLOOR_BUDGET_MS, runSqlFloor, type FloorResult } from './sql-floor';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Issue 18: cached `/` and `/api/publications` ≥ 0.5× the plain server; a crawler on uncached facet URLs ≥ 150 req/s
 * at 32 connections with 0 errors and p99 ≤ 500 ms; peak RSS ≤ 500 MB at 100,000 (cache included). Start-up cold ≤ 5 s.
 */
const TARGETS = { pageVsPlain: 0.5, crawlRps: 150, crawlP99Ms: 500, peakRssMB: 500, startupMs: 5000 } as const;
/** Issue 18: start-up from a search index snapshot ≤ 3 s at 100,000 publications, ≤ 20 s at 1,000,000; peak RSS then ≤ 500 MB at 100,000. */
const SNAPSHOT_TARGETS = { startupMs: (n: number) => (n <= 100_000 ? 3000 : 20_000), peakRssMB: 500 } as const;
/** The PostgreSQL issue's targets (for N = 1,000,000): every query's p95, and each app server's peak memory. */
const POSTGRES_TARGETS = { p95Ms: 100, peakRssMB: 1536 } as const;

type Db = 'sqlite' | 'postgres';
const DATABASES: Record<Db, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

const USAGE = `usage: npm run bench -- [options]
  --db sqlite|postgres the database (default sqlite); postgres uses BENCH_POSTGRES_URL's server
                       (keeping the loaded database for next time) or a throwaway cluster on port ${BENCH_PG_PORT}
  --n <count>          publications to generate (default ${DEFAULT_N}; cached in bench/.cache)
  --runs <count>       timed runs per query, after ${WARMUP_RUNS} warm-up runs (default 100)
  --connections <c>    autocannon connections (default 10)
  --duration <s>       seconds of load per URL and server (default 10)
  --skip-floor         skip the SQL floor (minutes per query at 1,000,000 on PostgreSQL)
  --skip-http          skip the HTTP stage (no build, no server)
  --pages              also page weight: HTML, inline RSC payload and gzip JavaScript of each public page
  --lighthouse         with --pages: Lighthouse mobile runs of / and a record page (3 each, median; ~1 min)
  --floor              with --pages: also a bare Next App Router page (bench/bare-app, built once): Next's own weight
  --json               print the results as JSON after the tables
  --help               this text`;

type Options = {
  db: Db;
  n: number;
  runs: number;
  connections: number;
  duration: number;
  skipFloor: boolean;
  skipHttp: boolean;
  pages: boolean;
  lighthouse: boolean;
  floor: boolean;
  json: boolean;
};

function options(): Options {
  const config = {
    options: {
      db: { type: 'string', default: 'sqlite' },
      n: { type: 'string', default: String(DEFAULT_N) },
      runs: { type: 'string', default: '100' },
      connections: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      'skip-floor': { type: 'boolean', default: false },
      'skip-http': { type: 'boolean', default: false },
      pages: { type: 'boolean', default: false },
      lighthouse: { type: 'boolean', default: false },
      floor: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  } as const;
  let values: ReturnType<typeof parseArgs<typeof config>>['values'];
  try {
    ({ values } = parseArgs(config));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  // Bounded in count and time: every option has a ceiling.
  const integer = (name: string, value: string, min: number, max: number) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not ${JSON.stringify(value)}`);
    }
    return number;
  };
  if (!(values.db in DATABASES)) throw new UsageError(`--db must be sqlite or postgres, not ${JSON.stringify(values.db)}`);
  return {
    db: values.db as Db,
    n: integer('n', values.n, 100, 1_000_000),
    runs: integer('runs', values.runs, 1, 1000),
    connections: integer('connections', values.connections, 1, 200),
    duration: integer('duration', values.duration, 1, 120),
    skipFloor: values['skip-floor'],
    skipHttp: values['skip-http'],
    pages: values.pages || values.lighthouse || values.floor,
    lighthouse: values.lighthouse,
    floor: values.floor,
    json: values.json,
  };
}

class UsageError extends Error {}

const log = (line: string) => process.stderr.write(`${line}\n`);

// --- the query layer, in a child under React's server conditions --------------------------------------

let queryChild: ChildProcess | undefined;

function runQueryLayer(databaseUrl: string, n: number, runs: number): Promise<QueryLayerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(ROOT, 'bench/query-layer.ts'), ['--n', String(n), '--runs', String(runs)], {
      cwd: ROOT,
      execArgv: ['--conditions=react-server', '--import', 'tsx', '--expose-gc'],
      // lib/env.ts reads DATABASE_URL when first imported: it must be set before the child starts.
      // No snapshot file: the first searchPublications measures a cold build (the snapshot is measured apart).
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_REPLICA_URLS: '', NODE_ENV: 'production', SEARCH_SNAPSHOT_FILE: 'off' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    queryChild = child;
    let result: QueryLayerResult | undefined;
    // 10 queries × (runs + warm-ups) × 2, plus two index builds (a minute each per 100,000 is generous): bounded.
    const timer = setTimeout(() => child.kill('SIGKILL'), 5 * 60_000 + (n / 100_000) * 2 * 60_000 + runs * 10 * 2 * 500);
    child.on('message', (message) => (result = message as QueryLayerResult));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      queryChild = undefined;
      if (result && code === 0) resolve(result);
      else reject(new Error(`query layer failed (${signal ?? `exit ${code}`})`));
    });
  });
}

// --- the tables ---------------------------------------------------------------------------------------

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (x: number) => `${x.toFixed(0)} MB`;
const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
const mark = (pass: boolean) => (pass ? 'PASS' : 'MISS');

function table(header: string[], rows: string[][], rightAligned: (i: number) => boolean): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAligned(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

type Results = {
  options: Options;
  /** The machine: other work running at the same time shows in the load average (1 min) taken before each stage. */
  machine: { cpus: number; node: string; load: Record<string, number> };
  catalogue: GenerateResult;
  /** With --db postgres: the database the stages ran on. */
  postgres: PostgresCatalogue | null;
  queryLayer: QueryLayerResult;
  /** Null with --skip-floor. */
  floor: FloorResult[] | null;
  http: HttpResult | null;
  /** Null without --pages. */
  pages: PagesResult | null;
  targets: { name: string; pass: boolean; detail: string }[];
};

function evaluate(r: Omit<Results, 'targets'>): Results['targets'] {
  const matrix = queryMatrix(r.options.n);
  const targets: Results['targets'] = [];
  const missing = r.queryLayer.queries.filter((q) => q.layer.p95 > targetFor(matrix.find((m) => m.name === q.name)!));
  targets.push({
    name: `query layer p95 ≤ ${TARGET_P95_MS.text} ms (≤ ${TARGET_P95_MS.facetOnly} ms facet-only)`,
    pass: missing.length === 0,
    detail: missing.length ? `missed by ${missing.map((q) => q.name).join(', ')}` : `all ${matrix.length} queries`,
  });
  const related = r.queryLayer.related;
  targets.push({
    name: `related publications p95 ≤ ${RELATED_TARGET_P95_MS} ms (the data layer, index and cards)`,
    pass: related.layer.p95 <= RELATED_TARGET_P95_MS,
    detail: `p95 ${ms(related.layer.p95)} ms (index alone ${ms(related.index.p95)} ms) over ${related.samples} records`,
  });
  const slowSuggest = r.queryLayer.suggest.filter((s) => s.layer.p95 > SUGGEST_TARGET_P95_MS);
  targets.push({
    name: `type-ahead p95 ≤ ${SUGGEST_TARGET_P95_MS} ms`,
    pass: slowSuggest.length === 0,
    detail: slowSuggest.length ? `missed by ${slowSuggest.map((s) => JSON.stringify(s.q)).join(', ')}` : `all ${r.queryLayer.suggest.length} texts`,
  });
  if (r.http) {
    for (const url of ['/', '/api/publications']) {
      const load = (server: 'next' | 'plain') => r.http!.loads.find((l) => l.url === url && l.server === server)!;
      const next = load('next');
      const ratio = next.requestsPerSecond / load('plain').requestsPerSecond;
      const failures = next.errors + next.timeouts + next.non2xx;
      targets.push({
        name: `cached ${url} ≥ ${TARGETS.pageVsPlain}× plain req/s, 0 errors`,
        pass: ratio >= TARGETS.pageVsPlain && failures === 0,
        detail: `${ratio.toFixed(3)}×, ${failures} errors/timeouts/non-2xx`,
      });
    }
    const crawl = r.http.crawl;
    const crawlFailures = crawl.errors + crawl.timeouts + crawl.non2xx;
    targets.push({
      name: `crawler (uncached facet URLs, 32 connections) ≥ ${TARGETS.crawlRps} req/s, 0 errors, p99 ≤ ${TARGETS.crawlP99Ms} ms`,
      pass: crawl.requestsPerSecond >= TARGETS.crawlRps && crawlFailures === 0 && crawl.latencyP99 <= TARGETS.crawlP99Ms,
      detail: `${crawl.requestsPerSecond.toFixed(1)} req/s, p99 ${crawl.latencyP99} ms, ${crawlFailures} errors/timeouts/non-2xx, ${crawl.distinct} distinct of ${crawl.asked} asked`,
    });
    targets.push({ name: `peak RSS ≤ ${TARGETS.peakRssMB} MB`, pass: r.http.peakRssMB <= TARGETS.peakRssMB, detail: mb(r.http.peakRssMB) });
    targets.push({ name: `start-up to first answer ≤ ${TARGETS.startupMs / 1000} s`, pass: r.http.startupMs <= TARGETS.startupMs, detail: s(r.http.startupMs) });
    const snap = r.http.fromSnapshot;
    const limit = SNAPSHOT_TARGETS.startupMs(r.options.n);
    targets.push({
      name: `start-up from the index snapshot ≤ ${limit / 1000} s`,
      pass: snap !== null && snap.startupMs <= limit,
      detail: snap ? s(snap.startupMs) : 'no snapshot was written',
    });
    if (snap) {
      targets.push({
        name: `peak RSS starting from the snapshot ≤ ${SNAPSHOT_TARGETS.peakRssMB} MB`,
        pass: snap.peakRssMB <= SNAPSHOT_TARGETS.peakRssMB,
        detail: mb(snap.peakRssMB),
      });
    }
  }
  if (r.pages) {
    const home = r.pages.pages[0]!;
    const heaviest = r.pages.pages.reduce((a, b) => (b.jsGzipBytes > a.jsGzipBytes ? b : a));
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    targets.push({ name: `/ HTML ≤ ${PAGE_TARGETS.homeHtmlKB} KB raw`, pass: home.htmlBytes <= PAGE_TARGETS.homeHtmlKB * 1024, detail: kb(home.htmlBytes) });
    targets.push({
      name: `JavaScript ≤ ${PAGE_TARGETS.jsGzipKB} KB gzip on public pages`,
      pass: heaviest.jsGzipBytes <= PAGE_TARGETS.jsGzipKB * 1024,
      detail: `at most ${kb(heaviest.jsGzipBytes)} (${heaviest.path})`,
    });
    for (const l of r.pages.lighthouse ?? []) {
      targets.push({
        name: `Lighthouse mobile ${l.path}: performance ≥ ${PAGE_TARGETS.performance}, TBT ≤ ${PAGE_TARGETS.tbtMs} ms, CLS ${PAGE_TARGETS.cls}`,
        pass: l.performance >= PAGE_TARGETS.performance && l.tbtMs <= PAGE_TARGETS.tbtMs && l.cls <= PAGE_TARGETS.cls,
        detail: `${l.performance}, TBT ${l.tbtMs.toFixed(0)} ms, CLS ${l.cls.toFixed(3)}`,
      });
      targets.push({ name: `Lighthouse accessibility ${l.path} = ${PAGE_TARGETS.accessibility}`, pass: l.accessibility >= PAGE_TARGETS.accessibility, detail: String(l.accessibility) });
    }
  }
  if (r.options.db === 'postgres') {
    const at = `PostgreSQL, set for N = 1,000,000${r.options.n === 1_000_000 ? '' : `; this run N = ${r.options.n.toLocaleString('en')}`}`;
    const slow = r.queryLayer.queries.filter((q) => q.layer.p95 > POSTGRES_TARGETS.p95Ms);
    const worst = r.queryLayer.queries.reduce((a, b) => (b.layer.p95 > a.layer.p95 ? b : a));
    targets.push({
      name: `query layer p95 ≤ ${POSTGRES_TARGETS.p95Ms} ms, every query (${at})`,
      pass: slow.length === 0,
      detail: slow.length ? `missed by ${slow.map((q) => q.name).join(', ')}` : `slowest ${worst.name}, p95 ${ms(worst.layer.p95)} ms`,
    });
    // Without the HTTP stage, the query-layer process stands in: the same index build (it builds two, one
    // after the other, the first thrown away) and queries, without Next.
    const peak = r.http
      ? { mb: r.http.peakRssMB, of: 'the app server' }
      : { mb: r.queryLayer.memory.peakRssMB, of: 'the query-layer process, standing in (--skip-http)' };
    targets.push({
      name: `app server peak RSS ≤ ${(POSTGRES_TARGETS.peakRssMB / 1024).toFixed(1)} GB (${at})`,
      pass: peak.mb <= POSTGRES_TARGETS.peakRssMB,
      detail: `${mb(peak.mb)}, ${peak.of}`,
    });
  }
  return targets;
}

const FLOOR_ENGINE: Record<Db, string> = {
  sqlite: 'better-sqlite3, FTS5, bm25',
  postgres: 'node-postgres, tsvector @@ tsquery, ts_rank',
};

function report(r: Results): string {
  const out: string[] = [];
  const { catalogue: c, queryLayer: q, options: o, machine } = r;
  const busy = Object.values(machine.load).some((l) => l > machine.cpus * 0.75);
  out.push(
    `Machine: ${machine.cpus} CPUs, Node ${machine.node}; load average before each stage: ` +
      Object.entries(machine.load).map(([stage, l]) => `${stage} ${l.toFixed(2)}`).join(', ') +
      (busy ? ' (other work was running: figures are pessimistic)' : ''),
  );
  out.push(
    `Catalogue: ${c.n.toLocaleString('en')} publications (generator v${GENERATOR_VERSION}), ${path.relative(ROOT, c.file)}, ` +
      `${mb(c.bytes / 1024 / 1024)}, ${c.cached ? 'cached' : `generated in ${c.seconds.toFixed(1)} s`}`,
  );
  if (r.postgres) {
    const p = r.postgres;
    out.push(
      `PostgreSQL: database ${p.database} on ${p.server}, ${mb(p.bytes / 1024 / 1024)}, ` +
        (p.cached
          ? 'cached (kept from an earlier run)'
          : `loaded from the SQLite file in ${p.seconds.total.toFixed(1)} s (rows ${p.seconds.rows.toFixed(1)} s, ` +
            `full-text rows ${p.seconds.fullText.toFixed(1)} s, vacuum/analyse ${p.seconds.analyse.toFixed(1)} s)`),
    );
  }
  out.push(
    `Index build: ${s(q.build.readMs + q.build.indexMs)} (read ${q.build.docs.toLocaleString('en')} docs through Prisma ${s(q.build.readMs)}, ` +
      `index ${s(q.build.indexMs)}); first searchPublications, cold ${s(q.coldFirstQueryMs)}; ` +
      `query process after build: RSS ${mb(q.memory.rssMB)}, heap ${mb(q.memory.heapUsedMB)}, peak RSS ${mb(q.memory.peakRssMB)}`,
  );
  out.push(
    `Index memory (CatalogueIndex.memoryBytes: arrays counted, strings and objects estimated): ${mb(q.indexMemory.withDocumentsMB)} with the documents of ` +
      `${q.indexMemory.documents.toLocaleString('en')} publications (${q.indexMemory.documentTextMB.toFixed(0)} M characters of text), ` +
      `${mb(q.indexMemory.withoutDocumentsMB)} without them`,
  );
  out.push(
    `Index snapshot: ${mb(q.snapshot.bytes / 1024 / 1024)}; state taken in ${ms(q.snapshot.stateMs)} ms, written in ${s(q.snapshot.writeMs)}, ` +
      `loaded in ${s(q.snapshot.loadMs)} (RSS +${mb(q.snapshot.loadRssMB)})`,
  );
  out.push('');
  out.push(
    `Query layer: searchPublications(parseCatalogueParams(…)), ${o.runs} runs after ${WARMUP_RUNS} warm-up, ms. ` +
      `"index" = CatalogueIndex.search alone. Floor: same answers in SQL (${FLOOR_ENGINE[o.db]}), 2 warm-up, then up to ${o.runs} runs ` +
      `or ${FLOOR_BUDGET_MS / 1000} s per query (at least 5). ratio = layer p50 / floor p50.`,
  );
  const matrix = queryMatrix(o.n);
  const rows = matrix.map((m) => {
    const layer = q.queries.find((x) => x.name === m.name)!;
    const floor = r.floor?.find((x) => x.name === m.name);
    const target = targetFor(m);
    return [
      m.name,
      String(layer.total) + (!floor || layer.total === floor.total ? '' : ` ≠${floor.total}`),
      ms(layer.layer.p50),
      ms(layer.layer.p95),
      ms(layer.layer.p99),
      ms(layer.index.p50),
      floor ? ms(floor.floor.p50) : '–',
      floor ? ms(floor.floor.p95) : '–',
      floor ? String(floor.floor.runs) : '–',
      floor ? (layer.layer.p50 / floor.floor.p50).toFixed(2) : '–',
      `≤${target}`,
      mark(layer.layer.p95 <= target),
    ];
  });
  out.push(
    table(
      ['query', 'matches', 'p50', 'p95', 'p99', 'index p50', 'floor p50', 'floor p95', 'floor runs', 'ratio', 'p95 target', ''],
      rows,
      (i) => i >= 1 && i <= 10,
    ),
  );
  out.push('');
  out.push('Type-ahead: suggestPublications(q) (GET /api/suggest without HTTP), ms.');
  out.push(
    table(
      ['typed', 'suggestions', 'p50', 'p95', 'p99', 'p95 target', ''],
      q.suggest.map((s) => [JSON.stringify(s.q), String(s.suggestions), ms(s.layer.p50), ms(s.layer.p95), ms(s.layer.p99), `≤${SUGGEST_TARGET_P95_MS}`, mark(s.layer.p95 <= SUGGEST_TARGET_P95_MS)]),
      (i) => i >= 1 && i <= 5,
    ),
  );
  const mismatched = matrix.filter((m) => {
    const floor = r.floor?.find((x) => x.name === m.name);
    return floor !== undefined && q.queries.find((x) => x.name === m.name)!.total !== floor.total;
  });
  if (mismatched.length) {
    out.push(`warning: the app and ${DATABASES[o.db]} disagree on the number of matches (≠) for ${mismatched.map((m) => m.name).join(', ')}`);
  }
  const rel = q.related;
  out.push(
    `Related publications of ${rel.samples} records spread over the catalogue, ${o.runs} calls after ${WARMUP_RUNS} warm-up, ms: ` +
      `listRelatedPublications p50 ${ms(rel.layer.p50)}, p95 ${ms(rel.layer.p95)}, p99 ${ms(rel.layer.p99)}; ` +
      `CatalogueIndex.related alone p50 ${ms(rel.index.p50)}, p95 ${ms(rel.index.p95)}; ${rel.listed.toFixed(1)} listed per record`,
  );

  if (r.http) {
    const h = r.http;
    out.push('');
    out.push(
      `HTTP: autocannon (separate process), ${h.connections} connections, ${h.duration} s per row; plain = node:http serving the same bytes. ` +
        `Build ${h.build.id} of ${h.build.builtAt}${h.build.stale ? ' (older than the sources!)' : ''}.`,
    );
    const httpRows = h.loads.map((l) => {
      const plain = h.loads.find((x) => x.url === l.url && x.server === 'plain')!;
      return [
        l.url,
        l.server,
        String(l.bytes),
        l.requestsPerSecond.toFixed(1),
        String(l.latencyP50),
        String(l.latencyP99),
        String(l.errors + l.timeouts),
        String(l.non2xx),
        l.server === 'next' ? (l.requestsPerSecond / plain.requestsPerSecond).toFixed(3) : '',
      ];
    });
    out.push(
      table(['url', 'server', 'bytes', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'next/plain'], [...httpRows, [
        h.crawl.url, `crawler ×${CRAWL_CONNECTIONS}`, String(h.crawl.bytes), h.crawl.requestsPerSecond.toFixed(1), String(h.crawl.latencyP50),
        String(h.crawl.latencyP99), String(h.crawl.errors + h.crawl.timeouts), String(h.crawl.non2xx), '',
      ]], (i) => i >= 2),
    );
    out.push(
      `server: first answer of / after ${s(h.startupMs)}; peak RSS ${mb(h.peakRssMB)} (VmHWM summed over ${h.processes} ` +
        `process(es) of its group), ${mb(h.endRssMB)} resident after the load`,
    );
    out.push(
      h.fromSnapshot
        ? `server again, from the search index snapshot (${mb(h.fromSnapshot.snapshotBytes / 1024 / 1024)}): first answer of / after ` +
            `${s(h.fromSnapshot.startupMs)}; peak RSS ${mb(h.fromSnapshot.peakRssMB)} until then`
        : 'the server wrote no search index snapshot: start-up from one not measured',
    );
  }
  if (r.pages) {
    out.push('');
    out.push(pagesReport(r.pages, { targets: false }));
  }
  out.push('');
  out.push('Targets');
  for (const t of r.targets) out.push(`${mark(t.pass)}  ${t.name}: ${t.detail}`);
  if (!r.http) out.push('(HTTP targets skipped: --skip-http)');
  return out.join('\n');
}

// --- main ---------------------------------------------------------------------------------------------

function cleanUp(): void {
  queryChild?.kill('SIGKILL');
  killAllGroups();
  stopOwnCluster();
}

async function main(): Promise<void> {
  const o = options();
  const started = Date.now();
  process.on('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  // Whatever happens, stop: generation at 1,000,000 plus every stage at its bounds fits well within this
  // (on PostgreSQL, loading and the floor take longer: ~45 minutes at 1,000,000 on 2 busy cores).
  const limitMinutes = 30 + (o.db === 'postgres' ? Math.round((60 * o.n) / 1_000_000) : 0);
  setTimeout(() => {
    log(`benchmark took longer than ${limitMinutes} minutes: stopping`);
    cleanUp();
    process.exit(1);
  }, limitMinutes * 60_000).unref();

  const load: Record<string, number> = {};
  const stage = (name: string, title: string) => {
    load[name] = loadavg()[0]!;
    log(`== ${title}`);
  };
  stage('catalogue', `catalogue (n = ${o.n.toLocaleString('en')})`);
  const catalogue = await ensureCatalogue(o.n, progressLine());
  if (catalogue.cached) log(`reusing ${path.relative(ROOT, catalogue.file)}`);
  let postgres: PostgresCatalogue | null = null;
  if (o.db === 'postgres') {
    stage('postgres', 'PostgreSQL catalogue');
    const server = startPostgres((line) => log(`  ${line}`));
    postgres = await ensurePostgresCatalogue(server, catalogue.file, o.n, progressLine());
    if (postgres.cached) log(`  reusing database ${postgres.database}`);
  }
  const databaseUrl = postgres ? postgres.url : `file:${catalogue.file}`;

  stage('query layer', `query layer (in process, react-server conditions, ${DATABASES[o.db]})`);
  const queryLayer = await runQueryLayer(databaseUrl, o.n, o.runs);

  let floor: FloorResult[] | null = null;
  if (!o.skipFloor) {
    stage('floor', `SQL floor (${FLOOR_ENGINE[o.db]})`);
    floor = await runSqlFloor(
      postgres ? { postgresUrl: postgres.url } : { sqliteFile: catalogue.file },
      o.n,
      o.runs,
      (line) => log(`  ${line}`),
    );
  }

  let http: HttpResult | null = null;
  if (!o.skipHttp) {
    stage('http', 'HTTP (the app server, cached and crawled, vs plain node:http; autocannon)');
    http = await runHttp({ databaseUrl, n: o.n, connections: o.connections, duration: o.duration, log: (line) => log(`  ${line}`) });
  }
  let pages: PagesResult | null = null;
  if (o.pages) {
    stage('pages', `page weight${o.lighthouse ? ' and Lighthouse' : ''} (next start)`);
    pages = await runPages({ databaseUrl, lighthouse: o.lighthouse, floor: o.floor, runs: 3, log: (line) => log(`  ${line}`) });
  }
  stopOwnCluster();

  const machine = { cpus: availableParallelism(), node: process.versions.node, load };
  const partial = { options: o, machine, catalogue, postgres, queryLayer, floor, http, pages };
  const results: Results = { ...partial, targets: evaluate(partial) };
  log(`== done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(report(results));
  if (o.json) console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  cleanUp();
  if (error instanceof UsageError) log(`${error.message}\n\n${USAGE}`);
  else log(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
