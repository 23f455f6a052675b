// Page weight: what each public page sends a reader. Per page the HTML (raw and gzip), the share of it that
// is the inline RSC payload (self.__next_f.push), and the JavaScript it loads (every <script src>, gzip, as
// `next start` sends it compressed). With --lighthouse also Lighthouse 12's mobile run (simulated throttling)
// of `/` and a detail page: performance score, TBT, LCP, CLS, the median of --runs runs.
//
// Alone: `tsx bench/pages.ts [--n 100000 | --db <DATABASE_URL> | --url http://localhost:3200] [--lighthouse] [--floor]`
// (no --n/--db/--url: the sample data in a fresh SQLite file). `npm run bench -- --pages [--lighthouse]`
// runs it over the benchmark's catalogue after the other stages.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
// "localhost", never 127.0.0.1: a Next server bound to 127.0.0.1 loops on the proxy's locale rewrites.
const HOST = 'localhost';

export const PAGE_TARGETS = { homeHtmlKB: 100, jsGzipKB: 90, performance: 95, tbtMs: 150, cls: 0, accessibility: 100 } as const;

export type PageWeight = {
  path: string;
  status: number;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** The inline RSC payload: the text of every self.__next_f.push script. */
  rscBytes: number;
  scripts: number;
  jsGzipBytes: number;
};

export type LighthouseFigures = { path: string; runs: number; performance: number; accessibility: number; tbtMs: number; lcpMs: number; cls: number; fcpMs: number };

export type PagesResult = {
  base: string;
  load: number;
  pages: PageWeight[];
  lighthouse: LighthouseFigures[] | null;
  /** With `floor`: bench/bare-app's page, what Next ships before any code of ours (and its Lighthouse figures). */
  floor: (PageWeight & { lighthouse: LighthouseFigures | null }) | null;
};

const PUSH = /<script(?:\s[^>]*)?>(self\.__next_f\.push\([\s\S]*?\))<\/script>/g;
const SCRIPT_TAG = /<script\b[^>]*>/g;
const SRC = /\ssrc="([^"]+)"/;
// Module browsers skip noModule scripts (Next's legacy polyfills): they are not what a reader downloads.
const NO_MODULE = /\snoModule(=|\s|>)/i;

async function fetchText(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  return { status: response.status, text: await response.text() };
}

const jsCache = new Map<string, number>();

/** A script's gzip size, fetched once per run (chunks are shared between pages). */
async function scriptGzipBytes(url: string): Promise<number> {
  const known = jsCache.get(url);
  if (known !== undefined) return known;
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const size = gzipSync(Buffer.from(await response.arrayBuffer())).length;
  jsCache.set(url, size);
  return size;
}

export async function measurePage(base: string, pagePath: string): Promise<PageWeight> {
  const { status, text } = await fetchText(new URL(pagePath, base).href);
  const html = Buffer.from(text);
  const rscBytes = [...text.matchAll(PUSH)].reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0);
  const sources = [
    ...new Set(
      [...text.matchAll(SCRIPT_TAG)].flatMap(([tag]) => {
        const src = SRC.exec(tag)?.[1];
        return src && !NO_MODULE.test(tag) ? [new URL(src.replaceAll('&amp;', '&'), base).href] : [];
      }),
    ),
  ];
  let jsGzipBytes = 0;
  for (const src of sources) jsGzipBytes += await scriptGzipBytes(src);
  return { path: pagePath, status, htmlBytes: html.length, htmlGzipBytes: gzipSync(html).length, rscBytes, scripts: sources.length, jsGzipBytes };
}

/** The public pages: the catalogue in each language, the first result's record page in two, the API documentation. */
export async function publicPages(base: string): Promise<string[]> {
  const { status, text } = await fetchText(new URL('/', base).href);
  if (status !== 200) throw new Error(`GET / answered ${status}`);
  const slug = /href="\/publications\/([a-z0-9-]+)"/.exec(text)?.[1];
  if (!slug) throw new Error('the catalogue page links to no publication');
  return ['/', '/fr', '/es', `/publications/${slug}`, `/fr/publications/${slug}`, '/api', '/about'];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function runLighthouse(base: string, paths: string[], runs: number, log: (line: string) => void): Promise<LighthouseFigures[]> {
  // Imported here: only this stage needs them, and Lighthouse takes a second to load.
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const figures: LighthouseFigures[] = [];
    for (const pagePath of paths) {
      const samples: Omit<LighthouseFigures, 'path' | 'runs'>[] = [];
      for (let i = 0; i < runs; i++) {
        // The default configuration: a mobile device with simulated throttling (Lighthouse's own "mobile").
        const result = await lighthouse(new URL(pagePath, base).href, { port: chrome.port, onlyCategories: ['performance', 'accessibility'], logLevel: 'error', output: 'json' });
        if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${pagePath}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        samples.push({
          performance: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? NaN) * 100),
          tbtMs: audit('total-blocking-time'),
          lcpMs: audit('largest-contentful-paint'),
          cls: audit('cumulative-layout-shift'),
          fcpMs: audit('first-contentful-paint'),
        });
      }
      const pick = (key: keyof (typeof samples)[number]) => median(samples.map((s) => s[key]));
      const row = { path: pagePath, runs, performance: pick('performance'), accessibility: pick('accessibility'), tbtMs: pick('tbtMs'), lcpMs: pick('lcpMs'), cls: pick('cls'), fcpMs: pick('fcpMs') };
      log(`lighthouse ${pagePath}: ${row.performance}, accessibility ${row.accessibility}, TBT ${row.tbtMs.toFixed(0)} ms, LCP ${row.lcpMs.toFixed(0)} ms, CLS ${row.cls.toFixed(3)}`);
      figures.push(row);
    }
    return figures;
  } finally {
    await chrome.kill();
  }
}

// --- a server of our own, when no --url is given ------------------------------------------------------

function startNext(databaseUrl: string, port: number, cwd = ROOT): ChildProcess {
  // The catalogue as `npm start` serves it (server.ts's bundle); the bare app with Next's own server.
  const args = cwd === ROOT ? [path.join(ROOT, 'build/server.mjs')] : [NEXT_BIN, 'start', '-H', HOST, '-p', String(port)];
  // Its own process group, so that stopping it stops every process it started.
  const child = spawn(process.execPath, args, {
    cwd,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: HOST,
      DATABASE_URL: databaseUrl,
      DATABASE_REPLICA_URLS: '',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (child.pid === undefined) throw new Error('could not start the server');
  return child;
}

function stopGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function waitForServer(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(new URL('/', base), { signal: AbortSignal.timeout(timeoutMs) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer / within ${timeoutMs / 1000} s`);
}

/** A port nothing listens on now (the kernel's choice), on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type PagesOptions = {
  /** A running server; otherwise `next start` over `databaseUrl` on `port` (default: a free one). */
  url?: string;
  databaseUrl?: string;
  port?: number;
  lighthouse: boolean;
  /** Also build (once) and measure bench/bare-app. */
  floor?: boolean;
  runs: number;
  log: (line: string) => void;
};

const BARE_APP = path.join(ROOT, 'bench/bare-app');

async function measureFloor(lighthouse: boolean, runs: number, log: (line: string) => void): Promise<NonNullable<PagesResult['floor']>> {
  if (!existsSync(path.join(BARE_APP, '.next/BUILD_ID'))) {
    log('building bench/bare-app (the floor)');
    const built = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
      cwd: BARE_APP,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    });
    if (built.status !== 0) throw new Error('next build of bench/bare-app failed');
  }
  const port = await freePort();
  const server = startNext('', port, BARE_APP);
  process.once('exit', () => stopGroup(server));
  try {
    const base = `http://${HOST}:${port}`;
    await waitForServer(base, server, 60_000);
    const weight = await measurePage(base, '/');
    // Under the same load as the pages measured just before: how much of their TBT is Next's own.
    return { ...weight, lighthouse: lighthouse ? (await runLighthouse(base, ['/'], runs, (line) => log(`floor ${line}`)))[0]! : null };
  } finally {
    stopGroup(server);
  }
}

export async function runPages(o: PagesOptions): Promise<PagesResult> {
  let server: ChildProcess | undefined;
  const port = o.url ? 0 : (o.port ?? (await freePort()));
  const base = o.url ?? `http://${HOST}:${port}`;
  try {
    if (!o.url) {
      if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) throw new Error('no production build: run `npm run build` first');
      server = startNext(o.databaseUrl!, port);
      const started = server;
      // Synchronous, so that it also runs when the benchmark exits on an error or a signal.
      process.once('exit', () => stopGroup(started));
      await waitForServer(base, server, 300_000);
    }
    const load = loadavg()[0]!;
    const paths = await publicPages(base);
    const pages: PageWeight[] = [];
    for (const pagePath of paths) pages.push(await measurePage(base, pagePath));
    const lighthouse = o.lighthouse ? await runLighthouse(base, [paths[0]!, paths[3]!], o.runs, o.log) : null;
    const floor = o.floor ? await measureFloor(o.lighthouse, o.runs, o.log) : null;
    return { base, load, pages, lighthouse, floor };
  } finally {
    if (server) stopGroup(server);
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (pass: boolean) => (pass ? 'PASS' : 'MISS');

/** `targets`: also the PASS/MISS lines (run.ts prints its own, with the benchmark's other targets). */
export function pagesReport(r: PagesResult, { targets = true } = {}): string {
  const out: string[] = [`Page weight (${r.base}, load ${r.load.toFixed(2)}): HTML raw / gzip, inline RSC payload, external JavaScript gzip`];
  for (const p of r.pages) {
    out.push(
      `${p.path.padEnd(40)} ${String(p.status).padStart(3)}  HTML ${kb(p.htmlBytes).padStart(9)} / ${kb(p.htmlGzipBytes).padStart(8)}` +
        `  RSC ${kb(p.rscBytes).padStart(9)} (${((100 * p.rscBytes) / p.htmlBytes).toFixed(0).padStart(2)} %)  JS ${String(p.scripts).padStart(2)} files ${kb(p.jsGzipBytes).padStart(8)}`,
    );
  }
  if (r.floor) {
    const l = r.floor.lighthouse;
    out.push(
      `floor: a bare Next App Router page (bench/bare-app): HTML ${kb(r.floor.htmlBytes)}, JS ${r.floor.scripts} files ${kb(r.floor.jsGzipBytes)}` +
        (l ? `; Lighthouse ${l.performance}, TBT ${l.tbtMs.toFixed(0)} ms, LCP ${l.lcpMs.toFixed(0)} ms, CLS ${l.cls.toFixed(3)}` : ''),
    );
  }
  const home = r.pages[0]!;
  const heaviest = r.pages.reduce((a, b) => (b.jsGzipBytes > a.jsGzipBytes ? b : a));
  if (targets) out.push(`${mark(home.htmlBytes <= PAGE_TARGETS.homeHtmlKB * 1024)}  / HTML ≤ ${PAGE_TARGETS.homeHtmlKB} KB raw: ${kb(home.htmlBytes)}`);
  if (targets) out.push(`${mark(heaviest.jsGzipBytes <= PAGE_TARGETS.jsGzipKB * 1024)}  JavaScript ≤ ${PAGE_TARGETS.jsGzipKB} KB gzip on every public page: at most ${kb(heaviest.jsGzipBytes)} (${heaviest.path})`);
  if (r.lighthouse) {
    out.push(`Lighthouse 12 (mobile, simulated throttling), median of ${r.lighthouse[0]?.runs ?? 0} runs`);
    for (const l of r.lighthouse) {
      const pass = l.performance >= PAGE_TARGETS.performance && l.tbtMs <= PAGE_TARGETS.tbtMs && l.cls <= PAGE_TARGETS.cls && l.accessibility >= PAGE_TARGETS.accessibility;
      out.push(
        `${targets ? `${mark(pass)}  ` : ''}${l.path}: performance ${l.performance} (≥ ${PAGE_TARGETS.performance}), accessibility ${l.accessibility} (= ${PAGE_TARGETS.accessibility}), TBT ${l.tbtMs.toFixed(0)} ms (≤ ${PAGE_TARGETS.tbtMs}), ` +
          `CLS ${l.cls.toFixed(3)} (= 0), LCP ${l.lcpMs.toFixed(0)} ms, FCP ${l.fcpMs.toFixed(0)} ms`,
      );
    }
  }
  return out.join('\n');
}

// --- alone ----------------------------------------------------------------------------------------------

const CliSchema = z.object({
  url: z.url().optional(),
  db: z.string().min(1).optional(),
  n: z.coerce.number().int().min(100).max(1_000_000).optional(),
  port: z.coerce.number().int().min(1024).max(65535).optional(),
  lighthouse: z.boolean().default(false),
  runs: z.coerce.number().int().min(1).max(9).default(3),
  floor: z.boolean().default(false),
  json: z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      db: { type: 'string' },
      n: { type: 'string' },
      port: { type: 'string' },
      lighthouse: { type: 'boolean' },
      runs: { type: 'string' },
      floor: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const o = CliSchema.parse(values);
  // Through process.exit, so that the 'exit' handler stops the server this started.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => process.exit(130));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let databaseUrl = o.db;
  if (!o.url && !databaseUrl) {
    if (o.n) {
      const { ensureCatalogue } = await import('./generate');
      databaseUrl = `file:${(await ensureCatalogue(o.n)).file}`;
    } else {
      // The sample data, loaded into a fresh file the way `npm start` loads an empty catalogue.
      const dir = path.join(ROOT, 'bench/.cache/pages');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      databaseUrl = `file:${path.join(dir, 'sample.db')}`;
      const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-db.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (prepared.status !== 0) throw new Error('scripts/prepare-db.ts failed');
    }
  }
  const result = await runPages({ url: o.url, databaseUrl, port: o.port, lighthouse: o.lighthouse, floor: o.floor, runs: o.runs, log });
  console.log(pagesReport(result));
  if (o.json) console.log(JSON.stringify(result, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
