import { spawn, type ChildProcess } from 'node:child_process';
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { E2E_DATABASE_URL, FIRST_INSTANCE_URL, SECOND_INSTANCE_URL, SERVER_COMMAND, SERVER_ENV, SERVER_LOG_DIR } from '../../playwright.config';
import { withE2eDatabase } from './database';
import { startLoadBalancer } from './load-balancer';
import { expect, madeUpWord, signIn, test } from './staff';

// The public response cache of server.ts, on the two e2e instances (one database), from anonymous
// clients without cookies unless a test says otherwise.
const cacheState = (response: APIResponse) => response.headers()['x-catalogue-cache'];

let anonymous: APIRequestContext;
test.beforeAll(async () => {
  anonymous = await playwrightRequest.newContext();
});
test.afterAll(async () => {
  await anonymous.dispose();
});

const get = (url: string, headers: Record<string, string> = {}) => anonymous.get(url, { headers, maxRedirects: 0 });

/** Records a catalogue change: every instance's cached answers are from an older catalogue now. */
const touchCatalogue = () => withE2eDatabase((db) => db.catalogueChange.create({ data: { publicationId: null } }));
const latestChange = () => withE2eDatabase(async (db) => (await db.catalogueChange.findFirst({ orderBy: { seq: 'desc' } }))?.seq ?? 0);

/**
 * Runs `block`, again when it failed while another spec changed the catalogue (the other worker edits
 * records at any time, and an answer cached before an edit is rightly not answered after it). A failure
 * with no change meanwhile is the cache's own.
 */
async function whileCatalogueStill(block: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const before = await latestChange();
    try {
      return await block();
    } catch (error) {
      if (attempt === 5 || (await latestChange()) === before) throw error;
    }
  }
}

test.describe('response cache @http', () => {
  test('answers again from the cache, with a strong ETag, and 304 for a client that has it until the catalogue changes', async () => {
    const url = `${FIRST_INSTANCE_URL}/api/publications?country=NG`;
    let etag = '';
    await whileCatalogueStill(async () => {
      const first = await get(url);
      expect(first.status()).toBe(200);
      const second = await get(url);
      expect(cacheState(second)).toBe('hit');
      etag = second.headers().etag!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(await second.json()).toEqual(await first.json());
      expect(second.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);

      const revalidated = await get(url, { 'If-None-Match': etag });
      expect(revalidated.status()).toBe(304);
      expect(revalidated.headers().etag).toBe(etag);
      // The other instance, behind the same origin, names the same representation by the same tag.
      const balancer = await startLoadBalancer([FIRST_INSTANCE_URL, SECOND_INSTANCE_URL]);
      try {
        const tagged = await get(`${balancer.url}/api/publications?country=NG`);
        balancer.use(1);
        expect((await get(`${balancer.url}/api/publications?country=NG`, { 'If-None-Match': tagged.headers().etag! })).status()).toBe(304);
      } finally {
        await balancer.close();
      }
    });

    await touchCatalogue();
    const changed = await get(url, { 'If-None-Match': etag });
    expect(changed.status()).toBe(200);
    expect(cacheState(changed)).toBe('miss');
    expect(changed.headers().etag).not.toBe(etag);
  });

  test('folds parameter order, case, duplicates and defaults into one entry', async () => {
    const year = 2000 + Math.floor(Math.random() * 20);
    // The first visit gets the locale cookie (part of the key: next-intl reads it); visits after it carry it.
    await get(`${FIRST_INSTANCE_URL}/`);
    await whileCatalogueStill(async () => {
      const first = await get(`${FIRST_INSTANCE_URL}/?country=th&year=${year}&country=NG&page=1&sort=newest&country=NG`);
      expect(first.status()).toBe(200);
      const same = await get(`${FIRST_INSTANCE_URL}/?year=${year}&country=NG,TH`);
      expect(cacheState(same)).toBe('hit');
      expect(same.headers().etag).toBe(first.headers().etag);
      // An unknown parameter is kept as written: its own entry, the same page.
      expect(cacheState(await get(`${FIRST_INSTANCE_URL}/?year=${year}&country=NG,TH&utm_source=x`))).toBe('miss');
    });
  });

  test('every script of a cached page carries the nonce of its own response, and the page runs under its CSP', async ({ page, consoleErrors }) => {
    const url = `${FIRST_INSTANCE_URL}/?q=${madeUpWord()}`;
    const nonces = new Set<string>();
    for (const encoding of ['identity', 'identity', 'gzip']) {
      const response = await get(url, { 'Accept-Encoding': encoding });
      const html = await response.text();
      const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy']!)![1]!;
      nonces.add(nonce);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      // Stylesheets and preloads carry it too; no tag carries any other.
      expect(new Set(html.match(/nonce="[^"]*"/g))).toEqual(new Set([`nonce="${nonce}"`]));
    }
    expect(nonces.size).toBe(3);

    // A browser loading the cached page: Next's scripts run (a CSP refusal would be a console error).
    await page.goto(url);
    await page.goto(url);
    await expect(page.getByRole('searchbox').first()).toBeVisible();
    await page.waitForFunction(() => (window as unknown as { next?: unknown }).next !== undefined);
    expect(consoleErrors).toEqual([]);
  });

  test('an edit through one instance shows on the next anonymous request to the other; drafts never show', async ({ page, editor, unique }) => {
    const word = madeUpWord();
    const search = `${SECOND_INSTANCE_URL}/api/publications?q=${word}`;
    // Cached on the second instance before the edit.
    await whileCatalogueStill(async () => {
        expect((await (await get(search)).json()).total).toBe(0);
        expect(cacheState(await get(search))).toBe('hit');
    });

    await signIn(page, editor, '/admin/publications/new');
    await page.getByLabel('Title', { exact: true }).fill(`${unique} ${word} draft`);
    await page.getByLabel('Summary', { exact: true }).fill('A draft for the response cache.');
    await page.getByLabel('Status', { exact: true }).selectOption('draft');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('The publication was created.')).toBeVisible();
    const editPath = new URL(page.url()).pathname;

    // A draft is a change, and the answer rendered after it still does not show it.
    const afterDraft = await get(search);
    expect(cacheState(afterDraft)).toBe('miss');
    expect((await afterDraft.json()).total).toBe(0);

    await page.goto(editPath);
    await page.getByLabel('Status', { exact: true }).selectOption('published');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your changes were saved.')).toBeVisible();

    const published = await get(search);
    expect(cacheState(published)).toBe('miss');
    const body = await published.json();
    expect(body.total).toBe(1);
    const slug: string = body.items[0].slug;
    const detail = await get(`${SECOND_INSTANCE_URL}/publications/${slug}`);
    expect(await detail.text()).toContain(`${word} draft`);

    await page.goto(editPath);
    await page.getByLabel('Title', { exact: true }).fill(`${unique} ${word} revised`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your changes were saved.')).toBeVisible();
    const revised = await get(`${SECOND_INSTANCE_URL}/publications/${slug}`);
    expect(cacheState(revised)).toBe('miss');
    expect(await revised.text()).toContain(`${word} revised`);
  });

  test('a signed-in staff member neither receives nor fills a public entry', async ({ page, editor }) => {
    const url = `/api/publications?q=${madeUpWord()}`;
    await signIn(page, editor, '/admin');
    // page.request sends the browser's session cookie.
    for (const path of [url, url, '/', '/feed.xml']) {
      const staff = await page.request.get(path);
      expect(staff.status()).toBe(200);
      expect(cacheState(staff)).toBeUndefined();
      expect(staff.headers()['cache-control']).toBe('private, no-store');
      expect(staff.headers().etag).toBeUndefined();
    }
    await whileCatalogueStill(async () => {
        expect(cacheState(await get(`${FIRST_INSTANCE_URL}${url}`))).toBe('miss');
        expect(cacheState(await get(`${FIRST_INSTANCE_URL}${url}`))).toBe('hit');
    });
  });

  test('health and readiness', async () => {
    for (const origin of [FIRST_INSTANCE_URL, SECOND_INSTANCE_URL]) {
      expect((await get(`${origin}/healthz`)).status()).toBe(200);
      const ready = await get(`${origin}/readyz`);
      expect(ready.status()).toBe(200);
      expect(await ready.text()).toBe('ready\n');
    }
  });
});

/** A third server on the e2e database, with its own environment, stopped after the test. */
async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess & { url: string }> {
  const child = spawn('sh', ['-c', `exec ${SERVER_COMMAND} >> ${SERVER_LOG_DIR}/server-${port}.log 2>&1`], {
    env: { ...process.env, ...SERVER_ENV, DATABASE_URL: E2E_DATABASE_URL, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'ignore',
  });
  const url = `http://${env.HOSTNAME ?? 'localhost'}:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) break;
    // The index loads on the first catalogue request unless the server warms it.
    await fetch(`${url}/api/publications`).catch(() => undefined);
    if (waited > 60_000) throw new Error('server not ready after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Object.assign(child, { url });
}

test.describe('limits on expensive anonymous requests @http', () => {
  test('trip per client with Retry-After, leave other clients and ordinary pages alone, and recover', async () => {
    test.setTimeout(120_000);
    const port = Number(new URL(FIRST_INSTANCE_URL).port) + 2;
    // Two at once, then one every 10 s.
    const server = await startServer(port, { EXPENSIVE_REQUESTS_BURST: '2', EXPENSIVE_REQUESTS_PER_MINUTE: '6', TRUST_PROXY: '1' });
    try {
      const from = (client: string, path: string) => get(`${server.url}${path}`, { 'X-Forwarded-For': `198.51.100.1, ${client}` });
      expect((await from('203.0.113.5', '/api/publications.csv')).status()).toBe(200);
      expect((await from('203.0.113.5', '/?page=12')).status()).toBe(200);
      const refused = await from('203.0.113.5', '/api/publications.bib');
      expect(refused.status()).toBe(429);
      expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(await refused.text()).toContain('Try again in');
      // The limit is the client's, and ordinary pages are not limited.
      expect((await from('203.0.113.6', '/api/publications.csv')).status()).toBe(200);
      expect((await from('203.0.113.5', '/?country=NG')).status()).toBe(200);
      // The left-hand address is the client's own claim, not the proxy's: it does not name the client.
      expect((await get(`${server.url}/api/publications.csv`, { 'X-Forwarded-For': `203.0.113.99, 203.0.113.5` })).status()).toBe(429);

      await new Promise((resolve) => setTimeout(resolve, Number(refused.headers()['retry-after']) * 1000 + 100));
      expect((await from('203.0.113.5', '/api/publications.csv')).status()).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
  });

  test('SIGTERM: not ready any more, requests in flight finish, the process exits cleanly', async () => {
    test.setTimeout(120_000);
    const port = Number(new URL(FIRST_INSTANCE_URL).port) + 3;
    const server = await startServer(port, {});
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    const inFlight = fetch(`${server.url}/api/publications.csv`).then(async (r) => ({ status: r.status, body: await r.text() }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.split('\n')[0]).toContain('title');
    expect(await exited).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});

test.describe('bind address @http', () => {
  test('a server bound to a literal 127.0.0.1 serves the pages of unknown publications in each language, not a 500', async () => {
    test.setTimeout(120_000);
    const port = Number(new URL(FIRST_INSTANCE_URL).port) + 2;
    const server = await startServer(port, { HOSTNAME: '127.0.0.1' });
    try {
      for (const [path, title] of [
        ['/publications/no-such-record', 'Page not found · CT Publications Catalogue'],
        ['/fr/publications/aucune', 'Page introuvable · Catalogue des publications sur la traite'],
      ] as const) {
        const response = await get(`${server.url}${path}`);
        expect(response.status(), path).toBe(404);
        expect(await response.text()).toContain(`<title>${title}</title>`);
      }
      expect((await get(`${server.url}/`)).status()).toBe(200);
    } finally {
      server.kill();
    }
  });
});

test.describe('metrics @http', () => {
  const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  test('Prometheus metrics for the machine itself: requests by route, the index, the cache, sign-in failures', async ({ page }) => {
    // Twice, so that the second is a hit (again if another spec changed the catalogue in between).
    await whileCatalogueStill(async () => {
      await get(`${FIRST_INSTANCE_URL}/api/publications?country=ML`);
      expect(cacheState(await get(`${FIRST_INSTANCE_URL}/api/publications?country=ML`))).toBe('hit');
    });
    await get(`${FIRST_INSTANCE_URL}/`);
    const before = await (await get(`${FIRST_INSTANCE_URL}/metrics`)).text();
    await page.goto(`${FIRST_INSTANCE_URL}/sign-in`);
    await page.getByLabel('Email').fill(`metrics-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form [role="alert"]')).toBeVisible();

    const response = await get(`${FIRST_INSTANCE_URL}/metrics`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(value(text, 'http_requests_total{route="/",method="GET",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'http_requests_total{route="/api/publications",method="GET",status="200"}')).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",route="\/",method="GET"\} \d+$/m);
    expect(value(text, 'search_index_publications')).toBeGreaterThan(0);
    expect(value(text, 'search_index_change_lag')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'response_cache_requests_total{outcome="hit"}')).toBeGreaterThanOrEqual(1);
    const failures = (t: string) => value(t, 'sign_in_failures_total{reason="credentials"}') || 0;
    expect(failures(text)).toBe(failures(before) + 1);
    expect(text).toContain('process_resident_memory_bytes');
  });

  test('refused to other addresses, unless they bring the token', async () => {
    // The e2e servers trust a proxy: a forwarded address is the client's.
    const forwarded = await get(`${FIRST_INSTANCE_URL}/metrics`, { 'X-Forwarded-For': '203.0.113.9' });
    expect(forwarded.status()).toBe(403);
    expect(await forwarded.text()).toContain('METRICS_ALLOW');

    test.setTimeout(120_000);
    const port = Number(new URL(FIRST_INSTANCE_URL).port) + 2;
    const token = 'metrics-token-for-the-e2e-test';
    const server = await startServer(port, { METRICS_ALLOW: '198.51.100.1', METRICS_TOKEN: token });
    try {
      expect((await get(`${server.url}/metrics`)).status()).toBe(403);
      expect((await get(`${server.url}/metrics`, { Authorization: 'Bearer wrong-token-of-the-same-size!!' })).status()).toBe(403);
      const allowed = await get(`${server.url}/metrics`, { Authorization: `Bearer ${token}` });
      expect(allowed.status()).toBe(200);
      expect(await allowed.text()).toContain('http_requests_total');
    } finally {
      server.kill();
    }
  });
});

test.describe('request ids @http', () => {
  test('every response has its own id, cached ones too; a trusted proxy’s id is kept', async () => {
    const url = `${FIRST_INSTANCE_URL}/api/publications?country=BD`;
    const [a, b] = [await get(url), await get(url)];
    expect(a.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers()['x-request-id']).not.toBe(b.headers()['x-request-id']);
    // The e2e servers trust a proxy (TRUST_PROXY=1): the id it gives is the one logged and returned.
    expect((await get(url, { 'X-Request-Id': 'proxy-given-id-42' })).headers()['x-request-id']).toBe('proxy-given-id-42');
    expect((await get(url, { 'X-Request-Id': 'bad id with spaces' })).headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
