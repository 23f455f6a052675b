// The production HTTP server (`npm start`): Next.js behind a response cache, with health checks, limits
// on expensive anonymous requests and a graceful shutdown. `next dev` runs without it (no cache while
// developing). See the README's "Response cache" for the design.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { databaseUrl, env } from '@/lib/env';
import { SESSION_COOKIE_NAMES } from '@/lib/auth/cookie-names';
import { oversizedServerAction, SERVER_ACTION_MAX_BYTES } from '@/lib/http/body-limit';
import { cacheTarget, cookieValue, type CacheTarget } from '@/lib/http/cache-key';
import { versionReader } from '@/lib/http/catalogue-version';
import { expensiveKind, RateLimiter } from '@/lib/http/rate-limit';
import { captureResponse, matchingEtag, ResponseCache, sendCaptured } from '@/lib/http/response-cache';
import { clientAddressOf } from '@/lib/http/client-address';
import { CACHE_FILL_HEADER, CLIENT_ADDRESS_HEADER, CONTENT_LENGTH_HEADER } from '@/lib/http/internal-headers';
import { notReadyBecause } from '@/lib/http/readiness';
import { logEvent, requestContext } from '@/lib/log';
import { metrics, routeOf } from '@/lib/metrics';
import { Gauge } from 'prom-client';
import { randomUUID, timingSafeEqual } from 'node:crypto';

// `npm start` runs from the project folder, as every relative path here (data/, .next/) assumes.
const ROOT = process.cwd();
/** How long requests in flight get to finish after SIGTERM before their connections are cut. */
const DRAIN_MS = 10_000;

// The name Next builds its own URLs from, not the address it listens on (server.listen below). Next's URL
// class writes every loopback address as "localhost" in the proxy's rewrites, then compares them with a URL
// made from this name: a literal 127.0.0.1 here made every rewrite look external (proxied to itself, a 500).
const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;
const nextHostname = !env.HOSTNAME || LOOPBACK.test(env.HOSTNAME) ? 'localhost' : env.HOSTNAME;
const app = next({ dev: false, dir: ROOT, hostname: nextHostname, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const versions = versionReader(databaseUrl());
const cache = new ResponseCache({
  maxBytes: env.RESPONSE_CACHE_MB * 1024 * 1024,
  buildId: readFileSync(path.join(ROOT, '.next/BUILD_ID'), 'utf8').trim(),
  cdnMaxAge: env.CDN_MAX_AGE,
  cdnStaleWhileRevalidate: env.CDN_STALE_WHILE_REVALIDATE,
});
const limiter = new RateLimiter(env.EXPENSIVE_REQUESTS_PER_MINUTE, env.EXPENSIVE_REQUESTS_BURST);
let draining = false;

type IndexStats = { ready: boolean; stats: { size: number; seq: number; rebuilds: number; lastBuildMs: number | null } };
const indexStore = () => (globalThis as { catalogueIndex?: IndexStats }).catalogueIndex;

// Read when Prometheus scrapes: the state of the index, the cache and how far the index is behind the change log.
const gauge = (name: string, help: string, value: () => number | Promise<number>) =>
  new Gauge({
    name,
    help,
    registers: [metrics.registry],
    async collect() {
      this.set(await value());
    },
  });
gauge('search_index_publications', 'Publications in this process\'s search index.', () => indexStore()?.stats.size ?? 0);
gauge('search_index_rebuilds', 'Times this process built its search index (from scratch or from a snapshot).', () => indexStore()?.stats.rebuilds ?? 0);
gauge('search_index_last_build_seconds', 'How long the last full build of the search index took.', () => (indexStore()?.stats.lastBuildMs ?? 0) / 1000);
gauge('search_index_change_lag', 'Changes in the database\'s change log this process\'s index has not replayed yet.', async () => {
  const latest = Number((await versions.read()).split('.')[0]);
  const seen = indexStore()?.stats.seq ?? 0;
  return Math.max(0, latest - seen);
});
gauge('response_cache_bytes', 'Bytes held by the public response cache.', () => cache.bytes);

/** /metrics is for the deployment's monitoring: from an allowed address (METRICS_ALLOW), or with METRICS_TOKEN. */
function mayReadMetrics(req: IncomingMessage): boolean {
  if (env.METRICS_TOKEN) {
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    const expected = Buffer.from(`Bearer ${env.METRICS_TOKEN}`);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  return env.METRICS_ALLOW.includes(clientOf(req));
}

const clientOf = (req: IncomingMessage): string => clientAddressOf(req.headers, req.socket.remoteAddress, env.TRUST_PROXY === '1');

/** The origin part of cache keys: pages name their own absolute URL when SITE_URL is unset (lib/site-url.ts). */
function originKey(req: IncomingMessage): string {
  if (env.SITE_URL) return '';
  const forwarded = env.TRUST_PROXY === '1' ? `${req.headers['x-forwarded-host'] ?? ''} ${req.headers['x-forwarded-proto'] ?? ''}` : '';
  return `${req.headers.host ?? ''} ${forwarded}`;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

function hasSessionCookie(req: IncomingMessage): boolean {
  return SESSION_COOKIE_NAMES.some((name) => cookieValue(req.headers.cookie, name) !== undefined);
}

/** Whatever Next says, nothing answered to a signed-in staff member may be kept by a browser or CDN cache. */
function keepPrivate(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    res.setHeader('Cache-Control', 'private, no-store');
    const headers = (args as unknown[]).find((a) => typeof a === 'object' && a !== null && !Array.isArray(a)) as Record<string, unknown> | undefined;
    if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === 'cache-control') delete headers[name];
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

/** The download routes' length (CONTENT_LENGTH_HEADER) becomes the response's Content-Length. */
function withContentLength(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    const length = res.getHeader(CONTENT_LENGTH_HEADER);
    const headers = (args as unknown[]).find((a) => typeof a === 'object' && a !== null && !Array.isArray(a)) as Record<string, unknown> | undefined;
    const given = length ?? (headers && Object.entries(headers).find(([name]) => name.toLowerCase() === CONTENT_LENGTH_HEADER)?.[1]);
    if (given !== undefined) {
      res.removeHeader(CONTENT_LENGTH_HEADER);
      if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === CONTENT_LENGTH_HEADER) delete headers[name];
      if (/^\d+$/.test(String(given))) res.setHeader('Content-Length', String(given));
    }
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

/** 429 for an anonymous client past its limit of expensive requests; true when it was sent. */
function limited(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const kind = expensiveKind(url.pathname, url.searchParams);
  if (!kind) return false;
  const wait = limiter.take(clientOf(req));
  if (wait === 0) return false;
  plain(res, 429, `Too many requests of this kind (${kind}) from your address. Try again in ${wait} s.`, { 'Retry-After': String(wait) });
  return true;
}

/** Answers from the cache, or renders once through Next and keeps what it answered. */
async function cached(req: IncomingMessage, res: ServerResponse, target: CacheTarget, url: URL): Promise<void> {
  let version: string;
  try {
    version = await versions.read();
  } catch {
    return void (await handle(req, res)); // Next reports the database's state itself
  }
  const etag = cache.etag(version, target.key);
  const held = matchingEtag(req.headers['if-none-match'], etag);
  if (held) {
    metrics.cache.inc({ outcome: 'not-modified' });
    return cache.notModified(res, held);
  }
  const entry = cache.get(target.key, version);
  if (entry) {
    cache.hits++;
    metrics.cache.inc({ outcome: 'hit' });
    return cache.send(req, res, entry, etag, 'hit');
  }
  if (limited(req, res, url)) return;
  if (req.method === 'HEAD') return void (await handle(req, res));

  // Rendered from the canonical URL, uncompressed (the cache compresses), from the primary (lib/db.ts):
  // a replica behind the version just read must not fill the cache with what it has not seen yet.
  req.url = target.url;
  const acceptEncoding = req.headers['accept-encoding'];
  delete req.headers['accept-encoding'];
  req.headers[CACHE_FILL_HEADER] = '1';
  metrics.cache.inc({ outcome: 'miss' });
  const { entry: filled, captured } = await cache.fill(target.key, version, () => captureResponse(res, () => handle(req, res)));
  if (acceptEncoding !== undefined) req.headers['accept-encoding'] = acceptEncoding;
  if (filled) return cache.send(req, res, filled, etag, 'miss');
  if (captured) return sendCaptured(req, res, captured);
  delete req.headers[CACHE_FILL_HEADER];
  await handle(req, res);
}

async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Headers only this server may set: whatever a client sent under these names is dropped.
  delete req.headers[CACHE_FILL_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = clientOf(req);
  if (draining) res.setHeader('Connection', 'close');
  const started = performance.now();
  const route = routeOf((req.url ?? '/').split('?')[0]!);
  const method = req.method === 'HEAD' || req.method === 'GET' || req.method === 'POST' ? req.method : 'other';
  res.once('finish', () => {
    metrics.requests.inc({ route, method, status: String(res.statusCode) });
    metrics.durations.observe({ route, method }, (performance.now() - started) / 1000);
  });

  if (req.url === '/healthz') return plain(res, 200, 'ok');
  if (req.url === '/metrics') {
    if (!mayReadMetrics(req)) return plain(res, 403, 'Forbidden: /metrics answers only the addresses in METRICS_ALLOW, or a request with METRICS_TOKEN.');
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
    return void res.end(text);
  }
  if (req.url === '/readyz') {
    const store = (globalThis as { catalogueIndex?: { ready: boolean } }).catalogueIndex;
    const notReady = await notReadyBecause({ draining, store, pingDatabase: () => versions.read() });
    return notReady ? plain(res, 503, `not ready: ${notReady}`) : plain(res, 200, 'ready');
  }

  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://server.invalid');
  } catch {
    return void (await handle(req, res));
  }
  if (oversizedServerAction(req.method, req.headers)) {
    // Refused before the body is read; the connection closes, so the rest of the body is not waited for.
    return plain(res, 413, `Payload too large: a form may send at most ${SERVER_ACTION_MAX_BYTES / 1024 / 1024} MB. Nothing was saved.`, {
      Connection: 'close',
      'X-Content-Type-Options': 'nosniff',
    });
  }
  if (hasSessionCookie(req)) keepPrivate(res);
  if (/^\/publications\/[^/]+\/files\//.test(url.pathname)) withContentLength(res);
  const target = cache.enabled ? cacheTarget(req.method, req.url, req.headers, originKey(req)) : null;
  if (target) return cached(req, res, target, url);
  if ((req.method === 'GET' || req.method === 'HEAD') && limited(req, res, url)) return;
  if (req.method === 'GET' && url.pathname.startsWith('/admin') && isDocumentRequest(req)) return readableForbidden(req, res);
  await handle(req, res);
}

/** A browser loading a page (not a client-side navigation's RSC request, a prefetch or a Server Action). */
function isDocumentRequest(req: IncomingMessage): boolean {
  return req.headers.rsc === undefined && req.headers['next-router-prefetch'] === undefined && req.headers['next-action'] === undefined;
}

/**
 * Next 16 answers forbidden() in a staff page with its empty error shell (`<html id="__next_error__">`): the
 * message is drawn by JavaScript, and without it the page is blank. Staff pages are answered whole here
 * (they are small and private), and that shell is replaced by a page that says it in HTML.
 */
async function readableForbidden(req: IncomingMessage, res: ServerResponse): Promise<void> {
  delete req.headers['accept-encoding'];
  const captured = await captureResponse(res, () => handle(req, res));
  if (captured.status !== 403 || !captured.body.includes('id="__next_error__"')) return sendCaptured(req, res, captured);
  const page = Buffer.from(FORBIDDEN_PAGE);
  sendCaptured(req, res, { ...captured, headers: { ...captured.headers, 'content-type': 'text/html; charset=utf-8' }, body: page });
}

const FORBIDDEN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>Not allowed · Admin · CT Publications Catalogue</title></head>
<body><main><h1>Not allowed</h1><p>Your account does not have access to this page.</p>
<p><a href="/admin">Back to the admin area</a></p></main></body></html>
`;

/** A proxy's request id is kept when the proxy is trusted and the id looks like one; else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = env.TRUST_PROXY === '1' ? String(req.headers['x-request-id'] ?? '') : '';
  return /^[\w.-]{8,128}$/.test(given) ? given : randomUUID();
}

const server = createServer((req, res) => {
  const requestId = requestIdOf(req);
  res.setHeader('X-Request-Id', requestId);
  // Every line logged while this request is answered carries its id (lib/log.ts).
  requestContext.run({ requestId }, () => respondLogged(req, res));
});

function respondLogged(req: IncomingMessage, res: ServerResponse): void {
  respond(req, res).catch((error: unknown) => {
    logEvent('request failed', { url: req.url, error: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) plain(res, 500, 'Internal server error');
    else res.destroy();
  });
}

server.listen(env.PORT, env.HOSTNAME, () => {
  logEvent('listening', { port: env.PORT, hostname: env.HOSTNAME ?? '(all interfaces)', responseCacheMB: env.RESPONSE_CACHE_MB });
});

function shutDown(signal: string): void {
  if (draining) return;
  draining = true;
  logEvent('shutting down', { signal });
  // Stop accepting; keep-alive connections with nothing in flight are closed now, the rest when they finish.
  server.close(() => {
    void versions.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
  }, DRAIN_MS).unref();
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
