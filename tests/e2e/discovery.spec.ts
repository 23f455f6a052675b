import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from './fixtures';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (n) => ['item', 'entry', 'url', 'sitemap', 'link'].includes(n) });

test.describe('feeds @http', () => {
  test('RSS, Atom and JSON Feed of a query: content types, the same records, linking to live detail pages', async ({ request, baseURL }) => {
    const query = 'region=south-eastern-europe';
    const rss = await request.get(`/feed.xml?${query}`);
    expect(rss.status()).toBe(200);
    expect(rss.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    const rssText = await rss.text();
    expect(XMLValidator.validate(rssText)).toBe(true);
    const items = (xml.parse(rssText).rss.channel.item ?? []) as { link: string[] }[];
    const rssLinks = items.map((i) => i.link[0]!);

    const atom = await request.get(`/atom.xml?${query}`);
    expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const entries = xml.parse(await atom.text()).feed.entry as { id: string }[];

    const json = await request.get(`/feed.json?${query}`);
    expect(json.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = (await json.json()) as { version: string; items: { url: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');

    const total = (await (await request.get(`/api/publications?${query}`)).json()).total as number;
    expect(total).toBeGreaterThan(0);
    expect(rssLinks).toHaveLength(Math.min(50, total));
    expect(entries.map((e) => e.id)).toEqual(rssLinks);
    expect(feed.items.map((i) => i.url)).toEqual(rssLinks);
    for (const link of rssLinks) expect(link.startsWith(`${baseURL}/publications/`)).toBe(true);
    const detail = await request.get(rssLinks[0]!);
    expect(detail.status()).toBe(200);
  });

  test('malformed parameters still give a valid feed', async ({ request }) => {
    for (const path of ['/feed.xml?country=%ZZ&page=-1&year=abc', '/atom.xml?q=%22&sort=%00', '/feed.json?yearFrom=99999999999999999999&region=,,,']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const text = await response.text();
      if (path.startsWith('/feed.json')) expect(() => JSON.parse(text)).not.toThrow();
      else expect(XMLValidator.validate(text)).toBe(true);
    }
  });
});

test.describe('finding the site @http', () => {
  test('robots.txt names the sitemap on this origin and closes staff pages and deep combinations', async ({ request, baseURL }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    for (const rule of ['Disallow: /admin', 'Disallow: /sign-in', 'Disallow: /?*&country=', 'Disallow: /?*q=', 'Disallow: /?*page=11']) {
      expect(text.split('\n')).toContain(rule);
    }
  });

  test('the sitemap index leads to every published record, each page live', async ({ request, baseURL }) => {
    const index = await request.get('/sitemap.xml');
    expect(index.headers()['content-type']).toBe('application/xml; charset=utf-8');
    const indexText = await index.text();
    expect(XMLValidator.validate(indexText)).toBe(true);
    const children = (xml.parse(indexText).sitemapindex.sitemap as { loc: string }[]).map((s) => s.loc);
    expect(children[0]).toBe(`${baseURL}/sitemaps/pages.xml`);
    const urls: string[] = [];
    for (const child of children) {
      const response = await request.get(child);
      expect(response.status(), child).toBe(200);
      urls.push(...(xml.parse(await response.text()).urlset.url as { loc: string }[]).map((u) => u.loc));
    }
    expect(urls[0]).toBe(`${baseURL}/`);
    const listed = (await (await request.get('/api/publications?sort=title&page=1')).json()).items as { slug: string }[];
    for (const { slug } of listed) expect(urls).toContain(`${baseURL}/publications/${slug}`);
    for (const url of urls.slice(1, 4)) expect((await request.get(url)).status(), url).toBe(200);
    expect((await request.get('/sitemaps/publications-999.xml')).status()).toBe(404);
  });
});

test.describe('catalogue page discovery', () => {
  test('the head links the query’s feeds and canonical URL, deep combinations are noindex, facet links nofollow', async ({ page, baseURL }) => {
    await page.goto('/?year=2019&region=south-eastern-europe&sort=title&findCountry=ser');
    const canonicalQuery = 'region=south-eastern-europe&year=2019';
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/?${canonicalQuery}&sort=title`);
    for (const [type, path] of [['application/rss+xml', '/feed.xml'], ['application/atom+xml', '/atom.xml'], ['application/feed+json', '/feed.json']]) {
      await expect(page.locator(`link[rel="alternate"][type="${type}"]`)).toHaveAttribute('href', `${baseURL}${path}?${canonicalQuery}`);
    }
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');

    await page.getByText('Export, cite and follow').click();
    const follow = page.getByText('Follow this search:').locator('..');
    await expect(follow.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', `/feed.xml?${canonicalQuery}`);
    await expect(follow.getByRole('link', { name: 'Atom' })).toHaveAttribute('href', `/atom.xml?${canonicalQuery}`);

    const facetLinks = page.getByRole('complementary', { name: 'Filters' }).locator('li a');
    expect(await facetLinks.count()).toBeGreaterThan(0);
    for (const rel of await facetLinks.evaluateAll((links) => links.map((a) => a.getAttribute('rel')))) expect(rel).toBe('nofollow');

    // One filter value: indexed, with its own canonical URL.
    await page.goto('/?region=south-eastern-europe');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/?region=south-eastern-europe`);
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
    // A page past the end is the last page, and its canonical URL says so.
    const total = (await (await page.request.get('/api/publications')).json()).total as number;
    await page.goto('/?page=999');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/?page=${Math.ceil(total / 20)}`);
  });
});
