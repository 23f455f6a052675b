// HTTP: the production server (`npm start`'s build/server.mjs over the benchmark database) against a plain node:http server
// that answers with the same bytes. Every process here runs in its own process group, so that stopping
// it also stops whatever it spawned; run.ts kills any group still alive when it exits for any reason.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR } from './generate';
import type { PlainManifest } from './plain-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The production server, as `npm run build` bundles server.ts. */
const SERVER_BUNDLE = path.join(ROOT, 'build/server.mjs');
const CRAWLER = path.join(ROOT, 'bench/crawler.ts');
/**
 * The JavaScript heap cap `npm start` gives the app server (package.json): V8 otherwise lets garbage grow
 * with the machine's memory, and the server measured here should be the one deployed.
 */
const HEAP_CAP = (() => {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flag = /--max-old-space-size=\d+/.exec(start)?.[0];
  if (!flag) throw new Error(`package.json's start script sets no --max-old-space-size: ${start}`);
  return flag;
})();
const AUTOCANNON_BIN = path.join(ROOT, 'node_modules/.bin/autocannon');
const BUILD_ID = path.join(ROOT, '.next/BUILD_ID');
// Loopback only, for every server and every request. "localhost", not 127.0.0.1: Next gives its proxy the
// request's URL with 127.0.0.1 written as localhost, and a server bound to 127.0.0.1 then takes the proxy's
// locale rewrites (app/[locale]) for another origin and loops (the e2e servers bind localhost for the same reason).
const HOST = 'localhost';

/** The pages loaded: the catalogue page and its JSON twin, without parameters (every facet counted over everything). */
export const HTTP_URLS = ['/', '/api/publications'] as const;

export type LoadResult = {
  url: string;
  server: 'next' | 'plain';
  bytes: number;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

export type HttpResult = {
  connections: number;
  duration: number;
  /** Spawning the server to the first 200 answer of `/` (which builds the search index). */
  startupMs: number;
  /** Peak resident memory of the server's process group: the sum over its processes of VmHWM. */
  peakRssMB: number;
  /** Resident memory (VmRSS) of the group after the load: what stays once the index is built. */
  endRssMB: number;
  /**
   * A second server, after the first one wrote its search index snapshot: start-up to the first 200 of
   * `/` (loading the snapshot instead of building the index), its peak RSS then, and the snapshot's size.
   */
  fromSnapshot: { startupMs: number; peakRssMB: number; snapshotBytes: number } | null;
  processes: number;
  /** The build measured, and whether app/, components/ or lib/ changed after it. */
  build: { id: string; builtAt: string; stale: boolean };
  /** `/` and `/api/publications` again and again: after the first, answered by the response cache. */
  loads: LoadResult[];
  /** A crawler: CRAWL_CONNECTIONS connections, each request a catalogue URL with a facet combination not asked before. */
  crawl: LoadResult & { distinct: number; asked: number };
};

/** The crawler's connections (issue 18: 32) and the distinct facet URLs it walks (2,000). */
export const CRAWL_CONNECTIONS = 32;
const CRAWL_URLS = 2_000;

/** `databaseUrl`: the benchmark database, as DATABASE_URL (a SQLite file: URL or a PostgreSQL URL). */
export type HttpOptions = { databaseUrl: string; n: number; connections: number; duration: number; log: (line: string) => void };

// --- process groups --------------------------------------------------------------------------------

const groups = new Set<number>();

function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  groups.add(child.pid);
  return child;
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to the whole group, SIGKILL to whatever is left after a grace period. */
async function stopGroup(pgid: number, graceMs = 5000): Promise<void> {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // already gone
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pgid)) killGroup(pgid);
  groups.delete(pgid);
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Synchronous, for exit and signal handlers: kills every group this module started and has not stopped. */
export function killAllGroups(): void {
  for (const pgid of groups) killGroup(pgid);
  groups.clear();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- memory -----------------------------------------------------------------------------------------

/** Pids whose process group is `pgid` (the server and every process it started). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) members.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return members;
}

function statusKB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples VmHWM (the kernel's own per-process peak) of a group; a process that exits keeps its last peak. */
function memorySampler(pgid: number, everyMs = 250) {
  const peaks = new Map<number, number>();
  let currentKB = 0;
  const sample = () => {
    currentKB = 0;
    for (const pid of groupMembers(pgid)) {
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, statusKB(pid, 'VmHWM')));
      currentKB += statusKB(pid, 'VmRSS');
    }
  };
  const timer = setInterval(sample, everyMs);
  sample();
  let stopped = false;
  return {
    stop(): { peakRssMB: number; endRssMB: number; processes: number } {
      if (!stopped) sample(); // once the group is gone there is nothing left to sample
      stopped = true;
      clearInterval(timer);
      const kb = [...peaks.values()].reduce((a, b) => a + b, 0);
      return { peakRssMB: kb / 1024, endRssMB: currentKB / 1024, processes: peaks.size };
    },
  };
}

// --- requests ---------------------------------------------------------------------------------------

type Answer = { status: number; contentType: string; body: Buffer };

/** One GET without Accept-Encoding (as autocannon sends it), so the bytes are the identity encoding. */
function httpGet(port: number, url: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = get({ host: HOST, port, path: url, agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// --- the build --------------------------------------------------------------------------------------

function newestSourceChange(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated' && entry.name !== 'node_modules') walk(full);
      } else if (/\.(ts|tsx|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of ['app', 'components', 'lib']) walk(path.join(ROOT, dir));
  return Math.max(newest, statSync(path.join(ROOT, 'server.ts')).mtimeMs);
}

/** `npm run build` when there is no production build; the benchmark measures whatever build exists. */
function ensureBuild(log: (line: string) => void): HttpResult['build'] {
  if (!existsSync(BUILD_ID) || !existsSync(SERVER_BUNDLE)) {
    log('no production build (.next/BUILD_ID, build/server.mjs): running npm run build');
    // The build's output goes to stderr, keeping stdout for the results.
    const result = spawnSync('npm', ['run', 'build', '--silent'], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      timeout: 15 * 60_000,
    });
    if (result.status !== 0) throw new Error(`npm run build failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  const builtAt = statSync(BUILD_ID).mtimeMs;
  return {
    id: readFileSync(BUILD_ID, 'utf8').trim(),
    builtAt: new Date(builtAt).toISOString(),
    stale: newestSourceChange() > builtAt,
  };
}

// --- load -------------------------------------------------------------------------------------------

type AutocannonJson = {
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
};

/**
 * A load generator as its own process group (so that its work is not the server's), killed after
 * `limitS` seconds: the JSON its last line of output holds.
 */
async function loadProcess<T>(name: string, command: string, args: string[], limitS: number): Promise<T> {
  const child = spawnGroup(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => killGroup(child.pid!), limitS * 1000);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  groups.delete(child.pid!);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`${name} failed (exit ${code}): ${stderr.slice(-500)}`);
  return JSON.parse(line) as T;
}

/** One row of the load table from what autocannon reported. */
function loadResult(url: string, server: LoadResult['server'], bytes: number, r: AutocannonJson): LoadResult {
  return {
    url,
    server,
    bytes,
    requestsPerSecond: r.requests.average,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

/** autocannon's CLI on one URL. */
function autocannon(port: number, url: string, connections: number, duration: number): Promise<AutocannonJson> {
  const args = ['--json', '--connections', String(connections), '--duration', String(duration), '--timeout', '10', `http://${HOST}:${port}${url}`];
  return loadProcess('autocannon', AUTOCANNON_BIN, args, duration + 30);
}

/** The production server over the benchmark database, its log kept in memory (saved to `nextLog` on request). */
function startNext(port: number, databaseUrl: string, snapshotFile: string, nextLog: string) {
  const started = performance.now();
  const child = spawnGroup(process.execPath, [HEAP_CAP, SERVER_BUNDLE], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: HOST,
      DATABASE_URL: databaseUrl,
      DATABASE_REPLICA_URLS: '',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      SEARCH_SNAPSHOT_FILE: snapshotFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logStream: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => logStream.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => logStream.push(chunk));
  const server = {
    child,
    started,
    exited: undefined as number | null | undefined,
    saveLog: () => writeFileSync(nextLog, Buffer.concat(logStream)),
    log: () => Buffer.concat(logStream).toString(),
  };
  child.on('exit', (code) => (server.exited = code));
  return server;
}

/**
 * Start-up: until `/` first answers 200, in ms from the spawn. Connections are refused until the server
 * listens; the first accepted request then waits for the search index (built, or loaded from a snapshot).
 */
async function firstAnswer(server: ReturnType<typeof startNext>, port: number, n: number, nextLog: string): Promise<number> {
  // The first answer waits for the index: about 2 minutes at a million publications on 2 cores.
  const waitMs = Math.round(120_000 + 0.3 * n);
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (server.exited !== undefined) throw new Error(`the server exited (${server.exited}) before answering:\n${(server.saveLog(), tail(nextLog))}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer / within ${Math.round(waitMs / 1000)} s:\n${(server.saveLog(), tail(nextLog))}`);
    try {
      const answer = await httpGet(port, '/', waitMs);
      if (answer.status === 200) return performance.now() - server.started;
      await sleep(100);
    } catch {
      await sleep(20);
    }
  }
}

export async function runHttp({ databaseUrl, n, connections, duration, log }: HttpOptions): Promise<HttpResult> {
  const build = ensureBuild(log);
  if (build.stale) log('warning: app/, components/ or lib/ changed after the last build: this measures the build, not the working tree');
  const dir = path.join(CACHE_DIR, 'http');
  mkdirSync(dir, { recursive: true });
  const nextLog = path.join(dir, 'next.log');
  // The first server starts cold (no snapshot) and writes one; the second starts from it.
  const snapshotFile = path.join(dir, 'search-index.snapshot');
  rmSync(snapshotFile, { force: true });

  const nextPort = await freePort();
  const server = startNext(nextPort, databaseUrl, snapshotFile, nextLog);
  const next = server.child;
  const saveLog = server.saveLog;
  const memory = memorySampler(next.pid!);
  let plainPid: number | undefined;

  try {
    const startupMs = await firstAnswer(server, nextPort, n, nextLog);
    log(`the server answered / in ${(startupMs / 1000).toFixed(2)} s`);

    // Capture what Next answers, and serve exactly that from the plain server.
    const manifest: PlainManifest = {};
    const bytes = new Map<string, Buffer>();
    for (const url of HTTP_URLS) {
      const answer = await httpGet(nextPort, url, 60_000);
      if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}:\n${(saveLog(), tail(nextLog))}`);
      const bodyFile = path.join(dir, `${url === '/' ? 'index' : url.slice(1).replaceAll('/', '-')}.body`);
      writeFileSync(bodyFile, answer.body);
      manifest[url] = { contentType: answer.contentType, bodyFile };
      bytes.set(url, answer.body);
      // A few untimed requests so the route's code is loaded and compiled before autocannon starts.
      for (let i = 0; i < 10; i++) await httpGet(nextPort, url, 60_000);
    }
    const manifestFile = path.join(dir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

    const plainPort = await freePort();
    const plain = spawnGroup(
      process.execPath,
      ['--import', 'tsx', 'bench/plain-server.ts', '--port', String(plainPort), '--manifest', manifestFile],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    plainPid = plain.pid!;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('plain server did not start within 30 s')), 30_000);
      plain.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      plain.on('exit', (code) => reject(new Error(`plain server exited (${code})`)));
    });
    for (const url of HTTP_URLS) {
      const answer = await httpGet(plainPort, url, 10_000);
      if (!answer.body.equals(bytes.get(url)!) || answer.contentType !== manifest[url]!.contentType) {
        throw new Error(`plain server's ${url} differs from Next's`);
      }
    }

    const loads: LoadResult[] = [];
    for (const url of HTTP_URLS) {
      for (const [server, port] of [['next', nextPort], ['plain', plainPort]] as const) {
        log(`autocannon ${server.padEnd(5)} ${url} (${connections} connections, ${duration} s)`);
        loads.push(loadResult(url, server, bytes.get(url)!.length, await autocannon(port, url, connections, duration)));
      }
    }
    const crawl = await crawlFacets(nextPort, bytes.get('/api/publications')!, dir, duration, log);
    const { peakRssMB, endRssMB, processes } = memory.stop();
    const fromSnapshot = await restartFromSnapshot(server, { databaseUrl, n, snapshotFile, nextLog: path.join(dir, 'next-snapshot.log'), log });
    return { connections, duration, startupMs, peakRssMB, endRssMB, processes, fromSnapshot, build, loads, crawl };
  } finally {
    memory.stop();
    saveLog();
    if (plainPid !== undefined) await stopGroup(plainPid);
    await stopGroup(next.pid!);
  }
}

/**
 * Waits for the first server's snapshot (written in the background after its index build), stops that
 * server, and times a second one starting from the snapshot. Null, with a log line, when no snapshot came.
 */
async function restartFromSnapshot(
  first: ReturnType<typeof startNext>,
  { databaseUrl, n, snapshotFile, nextLog, log }: { databaseUrl: string; n: number; snapshotFile: string; nextLog: string; log: (line: string) => void },
): Promise<HttpResult['fromSnapshot']> {
  const deadline = Date.now() + 60_000 + 0.06 * n;
  while (!first.log().includes('"search-snapshot-written"') && Date.now() < deadline) await sleep(200);
  if (!existsSync(snapshotFile) || !first.log().includes('"search-snapshot-written"')) {
    log('the server wrote no search index snapshot: no start-up from a snapshot measured');
    return null;
  }
  await stopGroup(first.child.pid!);
  const snapshotBytes = statSync(snapshotFile).size;
  const port = await freePort();
  const second = startNext(port, databaseUrl, snapshotFile, nextLog);
  const memory = memorySampler(second.child.pid!);
  try {
    const startupMs = await firstAnswer(second, port, n, nextLog);
    const { peakRssMB } = memory.stop();
    if (!second.log().includes('"search-snapshot-loaded"')) throw new Error(`the second server did not load the snapshot:\n${(second.saveLog(), tail(nextLog))}`);
    log(`the server from the snapshot (${(snapshotBytes / 1024 / 1024).toFixed(1)} MB) answered / in ${(startupMs / 1000).toFixed(2)} s`);
    return { startupMs, peakRssMB, snapshotBytes };
  } finally {
    memory.stop();
    second.saveLog();
    await stopGroup(second.child.pid!);
  }
}

/**
 * CRAWL_URLS catalogue URLs, each a different combination of one to three facet values the catalogue has
 * (from the unfiltered API answer), in a fixed pseudo-random order: what a crawler following facet links asks.
 */
function facetUrls(apiAnswer: Buffer): string[] {
  const { facets } = JSON.parse(apiAnswer.toString()) as { facets: Record<string, { value: string }[]> };
  const values = (['country', 'region', 'category', 'year', 'language'] as const).flatMap((facet) => (facets[facet] ?? []).map((f) => [facet, f.value] as const));
  let seed = 18;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const urls = new Set<string>();
  for (let tries = 0; urls.size < CRAWL_URLS && tries < CRAWL_URLS * 20; tries++) {
    const picked = Array.from({ length: 1 + Math.floor(random() * 3) }, () => values[Math.floor(random() * values.length)]!);
    const query = new URLSearchParams(picked.map(([facet, value]) => [facet, value]));
    urls.add(`/?${query}`);
  }
  return [...urls];
}

/** The crawler (bench/crawler.ts) in its own process, against the app server only. */
async function crawlFacets(port: number, apiAnswer: Buffer, dir: string, duration: number, log: (line: string) => void): Promise<HttpResult['crawl']> {
  const urls = facetUrls(apiAnswer);
  const urlsFile = path.join(dir, 'crawl-urls.json');
  writeFileSync(urlsFile, JSON.stringify(urls));
  log(`crawler: ${urls.length} distinct facet URLs of /, ${CRAWL_CONNECTIONS} connections, ${duration} s`);
  const args = ['--import', 'tsx', CRAWLER, '--port', String(port), '--host', HOST, '--urls', urlsFile, '--connections', String(CRAWL_CONNECTIONS), '--duration', String(duration)];
  const r = await loadProcess<AutocannonJson & { distinct: number; asked: number; throughput: { average: number } }>('crawler', process.execPath, args, duration + 60);
  const bytes = r.requests.total > 0 ? Math.round((r.throughput.average * duration) / r.requests.total) : 0;
  return {
    ...loadResult('/?<facets>', 'next', bytes, r),
    distinct: r.distinct,
    asked: r.asked,
  };
}
