import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { expect, resultCount, test } from './fixtures';

const LIU_TITLE = 'National Referral Mechanisms for Victims of Human Trafficking: Deficiencies and Future Development';
const LIU_APA = `Liu, G. (2017). ${LIU_TITLE}.`;

/** The slug of G. Liu's seeded policy brief (one author, a person: a plain APA reference). */
async function liuSlug(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const body = await (await request.get('/api/publications?author=g-liu')).json();
  expect(body.items.map((i: { title: string }) => i.title)).toEqual([LIU_TITLE]);
  return body.items[0].slug;
}

test.describe('cite box', () => {
  test('shows the APA reference, switches to Chicago, Harvard, BibTeX and RIS, and offers the downloads', async ({ page, request }) => {
    const slug = await liuSlug(request);
    await page.goto(`/publications/${slug}`);
    const box = page.getByRole('region', { name: 'Cite this publication' });
    await expect(box).toBeVisible();
    // APA is open at first, its plain text ready to copy.
    await expect(box.getByLabel('APA 7 reference as plain text')).toHaveValue(new RegExp(`^${LIU_APA.replace(/[.()]/g, '\\$&')}`));
    await expect(box.locator('details[data-style="apa"] .csl-entry')).toContainText(LIU_APA);

    await box.getByText('Chicago (author-date)', { exact: true }).click();
    await expect(box.getByLabel('Chicago (author-date) reference as plain text')).toBeVisible();
    await expect(box.getByLabel('Chicago (author-date) reference as plain text')).toHaveValue(/^Liu, G\. 2017\. /);
    // One format open at a time.
    await expect(box.getByLabel('APA 7 reference as plain text')).toBeHidden();

    await box.getByText('Harvard', { exact: true }).click();
    await expect(box.getByLabel('Harvard reference as plain text')).toHaveValue(/^Liu, G\. \(2017\) /);

    await box.getByText('BibTeX', { exact: true }).click();
    await expect(box.getByLabel('BibTeX record')).toHaveValue(new RegExp(`^@report\\{${slug},`));
    await box.getByText('RIS', { exact: true }).click();
    await expect(box.getByLabel('RIS record')).toHaveValue(/^TY {2}- RPRT/);

    for (const [name, extension] of [['BibTeX (.bib)', 'bib'], ['RIS (.ris)', 'ris'], ['CSL-JSON (.json)', 'json']]) {
      await expect(box.getByRole('link', { name })).toHaveAttribute('href', `/publications/${slug}/cite.${extension}`);
    }
  });

  test('the catalogue links the result set’s citations with its filters', async ({ page }) => {
    await page.goto('/?country=RS&sort=title');
    // The exports sit in a disclosure (one Tab stop between the search box and the results); it opens without JavaScript too.
    await page.getByText('Export, cite and follow').click();
    await expect(page.getByRole('link', { name: 'All results as BibTeX' })).toHaveAttribute('href', '/api/publications.bib?country=RS&sort=title');
    await expect(page.getByRole('link', { name: 'All results as RIS' })).toHaveAttribute('href', '/api/publications.ris?country=RS&sort=title');
    await expect(page.getByRole('link', { name: 'All results as CSL-JSON' })).toHaveAttribute('href', '/api/publications.csl.json?country=RS&sort=title');
    await expect(page.getByRole('link', { name: 'APA 7' })).toHaveAttribute('href', '/api/publications.html?country=RS&sort=title&style=apa');

    const count = await resultCount(page);
    await page.getByRole('link', { name: 'Harvard' }).click();
    await expect(page.locator('.csl-entry')).toHaveCount(count);
  });
});

test.describe('citation downloads @http', () => {
  test('each record format answers with its content type, as a download named after the slug', async ({ request }) => {
    const slug = await liuSlug(request);
    const cases = [
      { path: 'cite.bib', type: 'application/x-bibtex; charset=utf-8', file: `${slug}.bib` },
      { path: 'cite.ris', type: 'application/x-research-info-systems; charset=utf-8', file: `${slug}.ris` },
      { path: 'cite.json', type: 'application/vnd.citationstyles.csl+json; charset=utf-8', file: `${slug}.json` },
    ];
    for (const c of cases) {
      const response = await request.get(`/publications/${slug}/${c.path}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe(c.type);
      expect(response.headers()['content-disposition']).toBe(`attachment; filename="${c.file}"`);
      const [parsed] = (await Cite.async(await response.text())).data as { title: string }[];
      expect(parsed!.title).toBe(LIU_TITLE);
    }
    for (const style of ['apa', 'chicago', 'harvard']) {
      const response = await request.get(`/publications/${slug}/cite?style=${style}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('class="csl-entry"');
    }
    expect(await (await request.get(`/publications/${slug}/cite?style=apa`)).text()).toContain(`Liu, G. (2017). <i>${LIU_TITLE}</i>.`);
  });

  test('a bad style is a 400 that says which exist; an unknown slug is a 404', async ({ request }) => {
    const slug = await liuSlug(request);
    for (const path of [`/publications/${slug}/cite?style=mla`, `/publications/${slug}/cite?style=`, '/api/publications.html?style=vancouver']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect(await response.text()).toBe('Unknown citation style: use one of apa, chicago, harvard\n');
    }
    for (const path of ['cite.bib', 'cite.ris', 'cite.json', 'cite?style=apa']) {
      expect((await request.get(`/publications/no-such-publication/${path}`)).status(), path).toBe(404);
    }
  });

  test('the result set’s BibTeX for a filtered query holds exactly its records', async ({ request }) => {
    const query = 'country=RS&category=needs-assessment&sort=title';
    const listed = await (await request.get(`/api/publications?${query}`)).json();
    expect(listed.total).toBeGreaterThan(0);
    const response = await request.get(`/api/publications.bib?${query}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/x-bibtex; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="publications-\d{4}-\d{2}-\d{2}\.bib"$/);
    const parsed = (await Cite.async(await response.text())).data as { id: string; title: string }[];
    expect(parsed.map((p) => p.title)).toEqual(listed.items.map((i: { title: string }) => i.title));
    expect(parsed.map((p) => p.id)).toEqual(listed.items.map((i: { slug: string }) => i.slug));
  });

  test('malformed input never gives a server error', async ({ request }) => {
    const paths = [
      '/publications/%E0%A4%A/cite.bib',
      '/api/publications/%E0%A4%A',
      '/publications/%00/cite.ris',
      `/publications/${'x'.repeat(3000)}/cite.json`,
      '/publications/..%2F..%2Fetc%2Fpasswd/cite?style=apa',
      '/publications/x/cite?style=%ZZ',
      '/publications/x/cite?style=apa&style=<script>',
      '/api/publications.bib?year=%ZZ&page=-1&country=,,,',
      '/api/publications.ris?q=%22unbalanced&yearFrom=99999999999999999999',
      '/api/publications.csl.json?author=%00&sort=NaN',
      '/api/publications.html?style[]=apa',
      `/api/publications.html?style=apa&q=${'ä'.repeat(300)}`,
    ];
    for (const path of paths) {
      const response = await request.get(path, { failOnStatusCode: false });
      expect(response.status(), path).toBeLessThan(500);
    }
  });
});
