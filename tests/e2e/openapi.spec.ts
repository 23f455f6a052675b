import type { APIRequestContext, APIResponse } from '@playwright/test';
import { API_ENDPOINTS } from '../../lib/api/endpoints';
import { OpenApiChecker } from '../openapi';
import { expect, test } from './fixtures';

/**
 * The running production server against the OpenAPI document it serves: every endpoint, every documented
 * example request, real records, and malformed requests, each answer checked against the schema the
 * document gives for its path, status and media type.
 */

let served: Promise<OpenApiChecker> | null = null;

/** The served document, validated by @readme/openapi-parser (once per worker). */
function documentOf(request: APIRequestContext): Promise<OpenApiChecker> {
  return (served ??= (async () => {
    const response = await request.get('/api/openapi.json');
    expect(response.status()).toBe(200);
    return OpenApiChecker.create(await response.json());
  })());
}

type Answer = { url: string; status: number; errors: string[]; body: string };

async function answer(checker: OpenApiChecker, request: APIRequestContext, url: string): Promise<Answer> {
  const response: APIResponse = await request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
  const body = await response.text();
  const { pathname } = new URL(url, 'http://localhost');
  const errors = checker.responseErrors(pathname, response.status(), response.headers()['content-type'], body);
  return { url, status: response.status(), errors, body };
}

/** Documented and not a server error: what every answer must be. */
function expectDocumented(answers: Answer[]) {
  expect(answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.url}`)).toEqual([]);
  expect(answers.filter((a) => a.errors.length > 0).map((a) => `${a.status} ${a.url}: ${a.errors.join('; ')}`)).toEqual([]);
}

test.describe('OpenAPI document @http', () => {
  test('is served as a valid OpenAPI 3.1 document that lists every endpoint', async ({ request }) => {
    const response = await request.get('/api/openapi.json');
    expect(response.headers()['content-type']).toContain('application/json');
    const checker = await documentOf(request);
    expect(checker.paths.sort()).toEqual(API_ENDPOINTS.map((e) => e.path).sort());
    // The document is itself one of the documented responses.
    expectDocumented([await answer(checker, request, '/api/openapi.json')]);
  });

  test('every example request answers as documented', async ({ request }) => {
    const checker = await documentOf(request);
    const answers: Answer[] = [];
    for (const endpoint of API_ENDPOINTS) {
      for (const example of endpoint.examples) answers.push(await answer(checker, request, example.href));
    }
    expectDocumented(answers);
    // All 200 but the unknown slug's 404.
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.url}`)).toEqual(['404 /api/publications/no-such-publication']);

    // The CSV export's header is the documented example's.
    const csv = answers.find((a) => a.url.startsWith('/api/publications.csv'))!;
    const documented = checker.operation('/api/publications.csv').responses['200']!.content!['text/csv']!.example as string;
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(documented.split('\r\n')[0]);
  });

  test('every path of the document answers with real records as documented', async ({ request }) => {
    const checker = await documentOf(request);
    const first = await request.get('/api/publications?sort=title');
    const { total, pageSize } = await first.json();
    const slugs: string[] = [];
    const answers: Answer[] = [];
    // Every page of the catalogue, and every publication on them.
    for (let page = 1; page <= Math.ceil(total / pageSize); page++) {
      const a = await answer(checker, request, `/api/publications?sort=title&page=${page}`);
      answers.push(a);
      slugs.push(...JSON.parse(a.body).items.map((item: { slug: string }) => item.slug));
    }
    expect(slugs).toHaveLength(total);
    for (const slug of slugs) answers.push(await answer(checker, request, `/api/publications/${encodeURIComponent(slug)}`));
    // Every path template, its parameters filled with a real value, its required query parameters with their examples.
    for (const template of checker.paths) {
      const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        if (name !== 'slug') throw new Error(`No value to try for {${name}} in ${template}: add one here`);
        return encodeURIComponent(slugs[0]!);
      });
      const endpoint = API_ENDPOINTS.find((e) => e.path === template);
      const required = new URLSearchParams((endpoint?.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(p.example)]));
      answers.push(await answer(checker, request, required.size > 0 ? `${path}?${required}` : path));
    }
    expectDocumented(answers);
    expect(answers.every((a) => a.status === 200)).toBe(true);

    // The whole JSON export holds every publication, each record as documented.
    const exported = answers.find((a) => a.url === '/api/publications.json')!;
    expect(JSON.parse(exported.body).map((r: { slug: string }) => r.slug).sort()).toEqual([...slugs].sort());
  });

  test('a text query gives documented snippets', async ({ request }) => {
    const checker = await documentOf(request);
    const a = await answer(checker, request, '/api/publications?q=handbook');
    expectDocumented([a]);
    expect(JSON.parse(a.body).items[0].snippets.title).toMatch(/<mark>/i);
  });

  test('malformed requests answer 200 with the parameters cleaned, or a clear 4xx; never 5xx', async ({ request }) => {
    const checker = await documentOf(request);
    const list = async (query: string) => {
      const a = await answer(checker, request, `/api/publications?${query}`);
      expectDocumented([a]);
      expect(a.status, query).toBe(200);
      return JSON.parse(a.body) as { total: number; page: number; pageSize: number; facets: Record<string, { selected: boolean }[]> };
    };
    const everything = await list('');
    const lastPage = Math.ceil(everything.total / everything.pageSize);
    const selected = (body: Awaited<ReturnType<typeof list>>) =>
      Object.values(body.facets).flat().filter((v) => v.selected).length;

    for (const page of ['abc', '-3', '0', '1e9', '%ZZ', '']) expect((await list(`page=${page}`)).page, `page=${page}`).toBe(1);
    expect((await list('page=99999999999999999999')).page).toBe(lastPage);
    for (const country of ['ZZ', 'ZZZ', '%3Cscript%3E', 'R$', ',,,']) {
      const body = await list(`country=${country}`);
      expect(body.total, `country=${country}`).toBe(everything.total);
      expect(selected(body), `country=${country}`).toBe(0);
    }
    expect((await list('sort=bogus&year=20x7&yearFrom=abc')).total).toBe(everything.total);
    const clamped = await list('yearFrom=3000');
    expect(clamped.total).toBe(0);
    // A long text query is cut to 500 characters and searched.
    expect((await list(`q=${'x'.repeat(6000)}`)).total).toBe(0);

    // Beyond what an HTTP server accepts in a request line: a client error, not a server error.
    const huge = await answer(checker, request, `/api/publications?q=${'x'.repeat(40_000)}`);
    expect(huge.status >= 400 && huge.status < 500, `${huge.status}`).toBe(true);

    const answers: Answer[] = [];
    for (const path of ['/api/publications.csv', '/api/publications.json']) {
      for (const query of ['page=abc', 'country=ZZZ', `q=${'y'.repeat(6000)}`, 'yearFrom=2100&yearTo=1900', '%ZZ=%ZZ']) {
        answers.push(await answer(checker, request, `${path}?${query}`));
      }
    }
    for (const slug of ['no-such-publication', '%ZZ', 'x'.repeat(2000), '..%2F..%2Fetc%2Fpasswd', '%00', 'a%20b']) {
      answers.push(await answer(checker, request, `/api/publications/${slug}`));
    }
    expect(answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.url.slice(0, 80)}`)).toEqual([]);
    // Whatever reached a handler is documented (a 400 from the server itself for a malformed URL is not the API's).
    expectDocumented(answers.filter((a) => a.status !== 400));
    expect(answers.filter((a) => a.url.startsWith('/api/publications/')).map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
  });
});

test.describe('/api page', () => {
  test('documents every endpoint, links the document, and loads nothing from another origin', async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'API' }).click();
    await expect(page).toHaveURL(/\/api$/);
    await expect(page.getByRole('heading', { level: 1, name: 'API' })).toBeVisible();

    for (const endpoint of API_ENDPOINTS) {
      const section = page.locator(`section#${endpoint.operationId}`);
      await expect(section.getByRole('heading', { level: 3 })).toContainText(endpoint.path);
      for (const p of endpoint.parameters) await expect(section.getByRole('rowheader', { name: new RegExp(`^${p.name}\\b`) })).toBeVisible();
      for (const example of endpoint.examples) {
        await expect(section.getByRole('link', { name: example.href, exact: true })).toHaveAttribute('href', example.href);
      }
    }
    await expect(page.getByText('The same description, machine-readable').getByRole('link')).toHaveAttribute('href', '/api/openapi.json');
    await expect(page.locator('section#schema-PublicationDetail')).toContainText('publishedAt');

    const scripts = await page.locator('script[src]').evaluateAll((tags) => tags.map((t) => (t as HTMLScriptElement).src));
    expect(scripts.filter((src) => !src.startsWith(origin))).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
