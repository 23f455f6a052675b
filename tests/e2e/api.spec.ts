import { expect, test } from './fixtures';

test.describe('JSON API @http', () => {
  test('lists publications with facets, in the documented shape', async ({ request }) => {
    const response = await request.get('/api/publications?country=rs&sort=title');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['correction', 'facets', 'items', 'page', 'pageSize', 'results', 'suggestions', 'total']);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(20);
    expect(body.total).toBe(body.items.length);
    expect(body.results).toBe(body.items.length);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(['authors', 'category', 'countries', 'languages', 'regions', 'slug', 'snippets', 'summary', 'title', 'translations', 'year']);
      expect(item.snippets).toBeNull();
      expect(item.countries).toContainEqual({ code: 'RS', name: 'Serbia' });
    }
    expect(Object.keys(body.facets).sort()).toEqual(['author', 'category', 'country', 'language', 'region', 'year']);
    expect(body.facets.country).toContainEqual({ value: 'RS', label: 'Serbia', count: body.total, selected: true });
  });

  test('returns one publication, or a JSON 404', async ({ request }) => {
    const list = await (await request.get('/api/publications')).json();
    const slug = list.items[0].slug;
    const one = await request.get(`/api/publications/${slug}`);
    expect(one.status()).toBe(200);
    expect((await one.json()).slug).toBe(slug);

    const missing = await request.get('/api/publications/no-such-publication');
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Publication not found' });
  });

  test('200 random malformed query strings never give a server error', async ({ request }) => {
    test.setTimeout(120_000); // 400 requests
    // A fixed seed keeps a failure reproducible.
    let seed = 20261128;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const keys = ['q', 'country', 'region', 'category', 'author', 'year', 'yearFrom', 'yearTo', 'sort', 'page', 'x', '', '[]', 'page[]'];
    const values = [
      '', '%', '%%', '%ZZ', '%00', '-1', '0', '1e9', '99999999999999999999', 'NaN', 'null', '"', '\'', '"unbalanced',
      '<script>alert(1)</script>', '../../etc/passwd', 'SELECT * FROM Publication;--', '🙂', 'ä'.repeat(300),
      'x'.repeat(6000), 'RS,BA,,', ',,,', '2019-2020', ' 2017 ', '20x7', 'rs', 'ZZ', 'worldwide', 'handbook', '*', 'OR',
    ];
    const failures: string[] = [];
    for (let i = 0; i < 200; i++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        random() < 0.5 ? `${pick(keys)}=${encodeURIComponent(pick(values))}` : `${pick(keys)}=${pick(values)}`,
      );
      const query = parts.join('&');
      for (const path of ['/', '/api/publications']) {
        const response = await request.get(`${path}?${query}`, { failOnStatusCode: false });
        if (response.status() >= 500) failures.push(`${response.status()} ${path}?${query}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

test.describe('JSON API search @http', () => {
  test('returns escaped, highlighted snippets in relevance order', async ({ request }) => {
    const body = await (await request.get('/api/publications?q=handbook+%3Cscript%3E')).json();
    expect(body.total).toBe(0);
    const found = await (await request.get('/api/publications?q=handbook')).json();
    expect(found.total).toBeGreaterThan(0);
    const first = found.items[0];
    expect(first.snippets.title).toMatch(/<mark>Handbook<\/mark>/i);
    for (const item of found.items) {
      expect(item.snippets.title + item.snippets.summary).not.toMatch(/<(?!\/?mark>)/);
    }
  });

  test('reports the spelling correction searched, and the words as typed with literal=1; suggestions on request', async ({ request }) => {
    const right = await (await request.get('/api/publications?q=trafficking')).json();
    const corrected = await (await request.get('/api/publications?q=trafficing')).json();
    expect(corrected.correction).toEqual({ q: 'trafficking', words: [{ from: 'trafficing', to: 'trafficking' }] });
    expect(corrected.total).toBe(right.total);
    const literal = await (await request.get('/api/publications?q=trafficing&literal=1')).json();
    expect(literal).toMatchObject({ correction: null, total: 0, suggestions: ['trafficking'] });

    const suggest = await request.get('/api/suggest?q=serb&locale=fr');
    expect(suggest.status()).toBe(200);
    expect((await suggest.json()).countries[0]).toMatchObject({ value: 'RS', label: 'Serbie' });
    const bad = await request.get('/api/suggest?q=x');
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({ error: 'q needs at least 2 characters' });
  });
});
