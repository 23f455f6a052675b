import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics (served by server.ts at /metrics). One registry per process, on
 * globalThis: server.ts and Next's server code are separate bundles in one process, and both count here
 * (prom-client is kept external to Next's bundle for that: next.config.mjs serverExternalPackages).
 */
type Metrics = {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  durations: Histogram<'route' | 'method'>;
  cache: Counter<'outcome'>;
  signInFailures: Counter<'reason'>;
};

const globalForMetrics = globalThis as unknown as { catalogueMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route, method and status.', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    durations: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route and method.',
      labelNames: ['route', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cache: new Counter({ name: 'response_cache_requests_total', help: 'Requests the public response cache saw, by outcome (hit, miss, not-modified).', labelNames: ['outcome'], registers: [registry] }),
    signInFailures: new Counter({ name: 'sign_in_failures_total', help: 'Failed sign-ins, by reason (credentials, throttled).', labelNames: ['reason'], registers: [registry] }),
  };
}

export const metrics: Metrics = (globalForMetrics.catalogueMetrics ??= createMetrics());

const LOCALE = /^\/(fr|es)(?=\/|$)/;

/**
 * The route a path belongs to, for metric labels: a few dozen values whatever the URLs (a label per slug
 * or query would grow without end).
 */
export function routeOf(pathname: string): string {
  const path = pathname.replace(LOCALE, '') || '/';
  const rules: [RegExp, string][] = [
    [/^\/$/, '/'],
    [/^\/publications\/[^/]+\/files\//, '/publications/:slug/files'],
    [/^\/publications\/[^/]+\/cite/, '/publications/:slug/cite'],
    [/^\/publications\/[^/]+$/, '/publications/:slug'],
    [/^\/api\/publications\/[^/]+$/, '/api/publications/:slug'],
    [/^\/api\/publications(\.[a-z.]+)?$/, '/api/publications$1'],
    [/^\/api(\/.*)?$/, '/api'],
    [/^\/(feed\.xml|atom\.xml|feed\.json)$/, '/$1'],
    [/^\/oai$/, '/oai'],
    [/^\/(sitemap\.xml|sitemaps\/.*)$/, '/sitemap'],
    [/^\/robots\.txt$/, '/robots.txt'],
    [/^\/admin(\/.*)?$/, '/admin'],
    [/^\/sign-in$/, '/sign-in'],
    [/^\/_next\/static\//, '/_next/static'],
    [/^\/_next\//, '/_next'],
    [/^\/(healthz|readyz|metrics)$/, '/$1'],
    [/^\/(icon\.svg|favicon\.ico)$/, '/icon'],
  ];
  for (const [pattern, route] of rules) {
    const match = pattern.exec(path);
    if (match) return route.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');
  }
  return 'other';
}
