import { MAX_PAGE, parseCatalogueParams } from '@/lib/catalogue/params';

/**
 * What makes an anonymous request expensive enough to limit per client: the whole-result exports, pages
 * deep in a result list, and feeds with many filters. A crawler walking facet links meets these; a reader
 * rarely does. Everything else (ordinary pages, whatever their filters) is left to the response cache.
 */
export type ExpensiveKind = 'export' | 'deep-page' | 'feed';

const EXPORT = /^\/api\/publications\.(?:json|csv|bib|ris|csl\.json|html)$/;
const LISTING = /^\/(?:fr|es)?$|^\/api\/publications$/;
const FEED = /^\/(?:(?:fr|es)\/)?(?:feed\.xml|atom\.xml|feed\.json)$/;

/** Result pages beyond this are deep: 200 results in, far past what anyone reads. */
export const DEEP_PAGE = 10;
/** Feeds with more filters than this are an unusual query each time. */
export const FEED_FILTERS = 3;

export function expensiveKind(pathname: string, search: URLSearchParams): ExpensiveKind | null {
  if (EXPORT.test(pathname)) return 'export';
  if (LISTING.test(pathname)) {
    const page = Number.parseInt(search.get('page') ?? '', 10);
    return Number.isFinite(page) && Math.min(page, MAX_PAGE) > DEEP_PAGE ? 'deep-page' : null;
  }
  if (FEED.test(pathname)) {
    const p = parseCatalogueParams(search);
    const filters = p.country.length + p.region.length + p.category.length + p.author.length + p.language.length + p.year.length +
      (p.q ? 1 : 0) + (p.yearFrom !== null ? 1 : 0) + (p.yearTo !== null ? 1 : 0);
    return filters > FEED_FILTERS ? 'feed' : null;
  }
  return null;
}

/**
 * A token bucket per client: `burst` requests at once, then one every `60 / perMinute` seconds. Counted
 * in this process's memory, not shared: each instance protects its own CPU, which is what the limit is
 * for, so behind N instances a client gets at most N times the rate, and no request waits on a database
 * write to be counted. Buckets of clients gone quiet are dropped, so memory stays bounded by the clients
 * seen in the last few minutes (and a hard cap).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 100_000,
  ) {}

  /** 0 when `client` may go ahead (and is counted), else the whole seconds to wait. */
  take(client: string): number {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(client);
    const tokens = bucket ? Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate) : this.burst;
    if (tokens >= 1) {
      this.buckets.delete(client); // re-inserted last: the first entries are the quietest
      this.buckets.set(client, { tokens: tokens - 1, at: now });
      this.prune(now);
      return 0;
    }
    this.buckets.set(client, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / rate / 1000));
  }

  private prune(now: number): void {
    const full = this.burst / (this.perMinute / 60_000); // time for an empty bucket to fill
    for (const [client, bucket] of this.buckets) {
      if (this.buckets.size <= this.maxClients && now - bucket.at < full) break;
      this.buckets.delete(client);
    }
  }
}
