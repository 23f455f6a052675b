import { describe, expect, it } from 'vitest';
import { metrics, routeOf } from './metrics';

describe('routeOf', () => {
  it.each([
    ['/', '/'],
    ['/fr', '/'],
    ['/es/publications/some-report-2020', '/publications/:slug'],
    ['/publications/x/files/3/report.pdf', '/publications/:slug/files'],
    ['/publications/x/cite.bib', '/publications/:slug/cite'],
    ['/api/publications', '/api/publications'],
    ['/api/publications.csv', '/api/publications.csv'],
    ['/api/publications/x', '/api/publications/:slug'],
    ['/api/openapi.json', '/api'],
    ['/fr/feed.xml', '/feed.xml'],
    ['/oai', '/oai'],
    ['/sitemaps/publications-1.xml', '/sitemap'],
    ['/admin/publications/12/edit', '/admin'],
    ['/_next/static/chunks/a.js', '/_next/static'],
    ['/metrics', '/metrics'],
    ['/wp-login.php', 'other'],
    ['/french', 'other'],
  ])('%s → %s', (path, route) => {
    expect(routeOf(path)).toBe(route);
  });
});

describe('metrics', () => {
  it('has one registry per process, with the catalogue’s metrics in it', async () => {
    metrics.requests.inc({ route: '/', method: 'GET', status: '200' });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/http_requests_total\{route="\/",method="GET",status="200"\} \d+/);
    expect(text).toContain('process_resident_memory_bytes');
    expect(metrics).toBe((globalThis as { catalogueMetrics?: unknown }).catalogueMetrics);
  });
});
