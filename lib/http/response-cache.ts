import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { LOCALE_COOKIE } from './cache-key';
import { ByteLru } from './lru';
import { bodyBytes, fillBody, gzipBody, templateBody, type TemplatedBody } from './templated-body';

/** One stored answer: what Next sent, with the nonce of its CSP cut out of the body and the header. */
export type CacheEntry = {
  version: string;
  status: number;
  headers: [string, string | string[]][];
  csp: TemplatedBody | null;
  body: TemplatedBody;
};

/** What Next answered, held back from the client (captureResponse). */
export type Captured = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

/** Statuses worth keeping: a page, a missing or withdrawn publication. Redirects depend on more than the URL. */
const STORED_STATUSES = new Set([200, 404, 410]);
/** Headers the cache sets itself on every answer, or that belong to one connection. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'etag', 'cache-control', 'content-security-policy', 'x-request-id']);
const COMPRESSIBLE = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript))/;
const NONCE = /'nonce-([A-Za-z0-9+/_=-]+)'/;

export type ResponseCacheOptions = {
  maxBytes: number;
  /** The build: a new deploy changes the HTML of every page, so it is part of every ETag. */
  buildId: string;
  cdnMaxAge: number;
  cdnStaleWhileRevalidate: number;
};

/**
 * Public answers kept in memory, at most `maxBytes`, each valid for exactly one catalogue version: an
 * answer stored at another version is never sent. The key says which request it answers (cache-key.ts).
 */
export class ResponseCache {
  private readonly entries: ByteLru<CacheEntry>;
  private readonly fills = new Map<string, Promise<CacheEntry | null>>();
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResponseCacheOptions) {
    this.entries = new ByteLru(options.maxBytes);
  }

  get bytes(): number {
    return this.entries.bytes;
  }

  get enabled(): boolean {
    return this.options.maxBytes > 0;
  }

  /** Strong: the same build, catalogue version and key always answer with the same representation. */
  etag(version: string, key: string): string {
    const hash = createHash('sha256').update(`${this.options.buildId}\n${version}\n${key}`).digest('base64url').slice(0, 27);
    return `"${hash}"`;
  }

  get(key: string, version: string): CacheEntry | null {
    const entry = this.entries.get(key);
    return entry?.version === version ? entry : null;
  }

  /**
   * The entry for `key` at `version`, rendered by `render` at most once however many requests ask at the
   * same time. `entry` is null when what Next answered is not to be kept; then the request that rendered it
   * gets it as `captured` (to send as it is), and the others must ask Next themselves.
   */
  async fill(key: string, version: string, render: () => Promise<Captured>): Promise<{ entry: CacheEntry | null; captured: Captured | null }> {
    const fillKey = `${version}\n${key}`;
    const pending = this.fills.get(fillKey);
    if (pending) return { entry: await pending, captured: null };
    this.misses++;
    let captured: Captured | null = null;
    const filling = render().then((answer) => {
      const entry = this.entryOf(version, answer);
      if (entry) this.entries.set(key, entry, entryBytes(entry));
      else captured = answer;
      return entry;
    });
    this.fills.set(fillKey, filling);
    try {
      const entry = await filling;
      return { entry, captured };
    } finally {
      this.fills.delete(fillKey);
    }
  }

  private entryOf(version: string, { status, headers, body }: Captured): CacheEntry | null {
    if (!STORED_STATUSES.has(status) || headers['content-encoding'] !== undefined) return null;
    // The locale cookie next-intl sets is part of the key (cache-key.ts); any other cookie is someone's own.
    const cookies = [headers['set-cookie'] ?? []].flat().map(String);
    if (cookies.some((c) => !c.startsWith(`${LOCALE_COOKIE}=`))) return null;
    const policy = headers['content-security-policy'];
    const nonce = typeof policy === 'string' ? (NONCE.exec(policy)?.[1] ?? null) : null;
    const type = String(headers['content-type'] ?? '');
    const kept: [string, string | string[]][] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || OWN_HEADERS.has(name)) continue;
      kept.push([name, typeof value === 'number' ? String(value) : value]);
    }
    return {
      version,
      status,
      headers: kept,
      csp: typeof policy === 'string' ? templateBody(Buffer.from(policy), nonce, false) : null,
      body: templateBody(body, nonce, COMPRESSIBLE.test(type)),
    };
  }

  /** Sends `entry` with a nonce of its own, gzipped when the client takes gzip, or a 304 when it has it already. */
  send(req: IncomingMessage, res: ServerResponse, entry: CacheEntry, etag: string, state: 'hit' | 'miss'): void {
    const nonce = randomBytes(16).toString('base64');
    const identity = fillBody(entry.body, nonce);
    const gzip = acceptsGzip(req) ? gzipBody(entry.body, nonce, identity) : null;
    res.statusCode = entry.status;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    if (entry.csp) res.setHeader('Content-Security-Policy', fillBody(entry.csp, nonce).toString());
    if (entry.body.deflated) res.setHeader('Vary', varyWith(res.getHeader('vary'), 'Accept-Encoding'));
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('ETag', gzip ? gzipTag(etag) : etag);
    res.setHeader('Cache-Control', this.cacheControl(entry));
    res.setHeader('X-Catalogue-Cache', state);
    const body = gzip ?? identity;
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * A 304 for a client (or CDN) holding the representation `etag` names. No Content-Security-Policy:
   * a cache that updates its stored headers from a 304 would otherwise pair the stored body's nonce with
   * another one. Valid without an entry: the tag names a build, a catalogue version and a key.
   */
  notModified(res: ServerResponse, etag: string): void {
    res.statusCode = 304;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', this.publicCacheControl());
    res.setHeader('X-Catalogue-Cache', 'revalidated');
    res.end();
  }

  private cacheControl(entry: CacheEntry): string {
    // A shared cache would hand the locale cookie to everyone: such answers are the reader's own.
    if (entry.headers.some(([name]) => name === 'set-cookie')) return 'private, max-age=0';
    return this.publicCacheControl();
  }

  private publicCacheControl(): string {
    const { cdnMaxAge, cdnStaleWhileRevalidate } = this.options;
    return `public, max-age=0, s-maxage=${cdnMaxAge}, stale-while-revalidate=${cdnStaleWhileRevalidate}`;
  }
}

function entryBytes(entry: CacheEntry): number {
  let bytes = bodyBytes(entry.body) + (entry.csp ? bodyBytes(entry.csp) : 0) + 256;
  for (const [name, value] of entry.headers) bytes += name.length + String(value).length;
  return bytes;
}

const gzipTag = (etag: string) => `${etag.slice(0, -1)}-gz"`;

/**
 * The tag of If-None-Match that names `etag` in either encoding (weak comparison, as RFC 9110 has it for
 * this header), or null: a 304 repeats the one the client holds.
 */
export function matchingEtag(ifNoneMatch: string | undefined, etag: string): string | null {
  if (!ifNoneMatch) return null;
  const wanted = [etag, gzipTag(etag)];
  for (const tag of ifNoneMatch.split(',')) {
    const strong = tag.trim().replace(/^W\//, '');
    if (wanted.includes(strong)) return strong;
  }
  return null;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  return String(header)
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
    });
}

function varyWith(current: unknown, name: string): string {
  const list = current === undefined ? [] : String(current).split(',').map((v) => v.trim()).filter(Boolean);
  return list.some((v) => v.toLowerCase() === name.toLowerCase()) ? list.join(', ') : [...list, name].join(', ');
}

/**
 * Runs `handle` with the response held back: Next writes into buffers instead of the socket, as
 * compression middleware does, and the promise gives what it wrote once it ends the response.
 */
export function captureResponse(res: ServerResponse, handle: () => Promise<unknown>): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
    const restore = () => Object.assign(res, original);
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, (encoding as BufferEncoding) ?? 'utf8') : Buffer.from(chunk as Uint8Array);
    res.writeHead = function writeHead(status: number, ...rest: unknown[]) {
      res.statusCode = status;
      const headers = rest.find((r) => typeof r === 'object' && r !== null);
      if (Array.isArray(headers)) {
        const flat = Array.isArray(headers[0]) ? (headers as [string, string][]).flat() : (headers as string[]);
        for (let i = 0; i + 1 < flat.length; i += 2) res.setHeader(flat[i]!, flat[i + 1]!);
      } else if (headers) {
        for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
      }
      return res;
    } as ServerResponse['writeHead'];
    res.flushHeaders = () => {};
    res.write = function write(chunk: unknown, encoding?: unknown, callback?: unknown) {
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    } as ServerResponse['write'];
    res.end = function end(chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
      restore();
      resolve({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
      const done = [chunk, encoding, callback].find((a) => typeof a === 'function');
      if (done) queueMicrotask(() => (done as () => void)());
      return res;
    } as ServerResponse['end'];
    handle().catch((error: unknown) => {
      restore();
      reject(error);
    });
  });
}

/** Sends what Next answered as it was. */
export function sendCaptured(req: IncomingMessage, res: ServerResponse, { status, headers, body }: Captured): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && name !== 'transfer-encoding') res.setHeader(name, value);
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
