import type { APIRequestContext } from '@playwright/test';
import { upsertPublication, deletePublication } from '@/lib/publications/save';
import { inE2eTransaction, withE2eDatabase } from './database';
import { E2E_TITLE, expect, madeUpWord, signIn, test } from './staff';

// What a researcher gets after finding a record: the document, its languages, and the metadata that
// Zotero, Google Scholar and link previews read from the served HTML. @http specs need no browser variant.

// Each worker makes and removes its own record (workers run this file's tests in parallel).
const WORD = madeUpWord();
const BILINGUAL = {
  slug: `e2e-interop-${WORD}`,
  title: `${E2E_TITLE} interop ${WORD} Traite des êtres humains : guide <pratique> & "outils"`,
  summary: 'A bilingual guide for practitioners.',
  year: 2021,
  category: 'handbook',
  countries: ['NG'],
  regions: [],
  authors: ['Marie Dupont', 'International Organization for Migration'],
  languages: ['fr', 'en'],
  url: 'https://example.org/files/guide.pdf',
};

test.beforeAll(async () => {
  await inE2eTransaction((tx) => upsertPublication(tx, BILINGUAL));
});

test.afterAll(async () => {
  await inE2eTransaction((tx) => deletePublication(tx, BILINGUAL.slug));
});

async function metaContents(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const meta = (name: string) =>
    [...html.matchAll(/<meta ([^>]*)>/g)]
      .map((m) => m[1]!)
      .filter((attrs) => attrs.includes(`name="${name}"`) || attrs.includes(`property="${name}"`))
      .map((attrs) => /content="([^"]*)"/.exec(attrs)?.[1]);
  return { html, meta, csp: response.headers()['content-security-policy'] ?? '' };
}

const decode = (text: string | undefined) =>
  text?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

test.describe('embedded metadata', () => {
  test('Highwire, Dublin Core, OpenGraph and canonical tags in the served HTML @http', async ({ request }) => {
    const { html, meta } = await metaContents(request, `/publications/${BILINGUAL.slug}`);
    expect(meta('citation_title').map(decode)).toEqual([BILINGUAL.title]);
    expect(meta('citation_author')).toEqual(BILINGUAL.authors);
    expect(meta('citation_publication_date')).toEqual(['2021']);
    expect(meta('citation_language')).toEqual(['fr', 'en']);
    expect(meta('citation_pdf_url')).toEqual([BILINGUAL.url]);
    expect(meta('citation_publisher')).toEqual(['International Organization for Migration']);
    expect(meta('citation_abstract_html_url')[0]).toMatch(new RegExp(`^http://localhost:\\d+/publications/${BILINGUAL.slug}$`));
    expect(meta('DC.creator')).toEqual(BILINGUAL.authors);
    expect(html).toContain('<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"');
    expect(meta('og:title').map(decode)).toEqual([BILINGUAL.title]);
    expect(meta('twitter:card')).toEqual(['summary']);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="http://localhost:\\d+/publications/${BILINGUAL.slug}"`));
    // Highwire tags come before anything else Scholar might mistake for them.
    expect(html.indexOf('citation_title')).toBeLessThan(html.indexOf('DC.title'));
  });

  test('JSON-LD parses, describes the record, and carries this response’s CSP nonce @http', async ({ request }) => {
    const { html, csp } = await metaContents(request, `/publications/${BILINGUAL.slug}`);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const scripts = [...html.matchAll(/<script type="application\/ld\+json"([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toContain(`nonce="${nonce}"`);
    const data = JSON.parse(scripts[0]![2]!);
    expect(data).toMatchObject({
      '@type': 'Book',
      name: BILINGUAL.title,
      inLanguage: ['fr', 'en'],
      datePublished: '2021',
      author: [{ '@type': 'Person', name: 'Marie Dupont' }, { '@type': 'Organization', name: 'International Organization for Migration' }],
      spatialCoverage: [{ '@type': 'Country', name: 'Nigeria' }],
      isPartOf: { '@type': 'DataCatalog' },
    });
  });

  test('pages that are not found or gone have titles of their own, and the status says which @http', async ({ request }) => {
    const missing = await request.get(`/publications/no-such-${madeUpWord()}`);
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toMatch(/<title>Page not found/);
    expect(await missing.text()).toMatch(/<h1[^>]*>Publication not found/);
    const nowhere = await request.get(`/no-such-page-${madeUpWord()}`);
    expect(nowhere.status()).toBe(404);
    expect(await nowhere.text()).toMatch(/<title>Page not found/);
  });
});

test.describe('the document and its languages', () => {
  test('the detail page leads to the document, says it is a PDF, and names its languages', async ({ page }) => {
    await page.goto(`/publications/${BILINGUAL.slug}`);
    const link = page.getByRole('link', { name: /Get the document/ });
    await expect(link).toHaveAttribute('href', BILINGUAL.url);
    await expect(link).toContainText('(PDF)');
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fr');
    const languages = page.locator('dt', { hasText: 'Languages' }).locator('xpath=following-sibling::dd').getByRole('link');
    await expect(languages).toHaveText(['French', 'English']);
    // Each opens the catalogue filtered by that language.
    await expect(languages.first()).toHaveAttribute('href', '/?language=fr');
  });

  test('cards in the catalogue name the languages, with the title’s language marked', async ({ page }) => {
    await page.goto(`/?q=${WORD}&country=NG`);
    const card = page.locator('article', { hasText: WORD });
    await expect(card).toContainText('French, English');
    await expect(card.getByRole('link')).toHaveAttribute('lang', 'fr');
  });

  test('a deleted publication’s page, citations and API record answer 410 Gone @http', async ({ request }) => {
    const slug = `e2e-interop-gone-${madeUpWord()}`;
    await inE2eTransaction((tx) => upsertPublication(tx, { ...BILINGUAL, slug, title: `${E2E_TITLE} interop gone` }));
    expect((await request.get(`/publications/${slug}`)).status()).toBe(200);
    await inE2eTransaction((tx) => deletePublication(tx, slug));
    const gone = await request.get(`/publications/${slug}`);
    expect(gone.status()).toBe(410);
    expect(await gone.text()).toMatch(/<title>Publication withdrawn/);
    // Its citations and its API record say so too, the API in its documented shape.
    expect((await request.get(`/publications/${slug}/cite.bib`)).status()).toBe(410);
    const api = await request.get(`/api/publications/${slug}`);
    expect(api.status()).toBe(410);
    expect(await api.json()).toEqual({ error: 'Publication withdrawn' });
  });
});

test.describe('the form edits the document address and the languages', () => {
  test('an address that is not a web address is refused with a message, and nothing is created', async ({ page, editor, unique }) => {
    await signIn(page, editor, '/admin/publications/new');
    await page.getByLabel('Title', { exact: true }).fill(`${unique} bad address`);
    await page.getByLabel('Summary', { exact: true }).fill('About it.');
    await page.getByLabel('Document address', { exact: true }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Enter a web address starting with https:// or http://, or leave it empty.')).toBeVisible();
    await expect(page.getByLabel('Document address', { exact: true })).toBeFocused();
    await page.goto(`/admin?q=${encodeURIComponent(unique)}`);
    await expect(page.getByText(`${unique} bad address`)).toHaveCount(0);
  });

  test('sets the address and two languages in order; the public page shows them @js', async ({ page, editor, unique }) => {
    await signIn(page, editor, '/admin/publications/new');
    await page.getByLabel('Title', { exact: true }).fill(`${unique} bilingual form`);
    await page.getByLabel('Summary', { exact: true }).fill('About it.');
    await page.getByLabel('Document address', { exact: true }).fill('https://example.org/form-report');
    for (const [text, option] of [['Spani', 'Spanish (es)'], ['Engl', 'English (en)']] as const) {
      await page.getByLabel('Languages', { exact: true }).fill(text);
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    // The list stays open for a next choice until Escape.
    await page.getByLabel('Languages', { exact: true }).press('Escape');
    await page.getByLabel('Status', { exact: true }).selectOption('published');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('The publication was created.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Document address', { exact: true })).toHaveValue('https://example.org/form-report');
    await expect(page.getByRole('list', { name: 'Chosen languages' }).getByRole('listitem')).toHaveText(['Spanish (es)×', 'English (en)×']);

    const slug = await withE2eDatabase(async (db) => (await db.publication.findFirstOrThrow({ where: { title: `${unique} bilingual form` } })).slug);
    await page.goto(`/publications/${slug}`);
    await expect(page.getByRole('link', { name: /Get the document/ })).toContainText('(example.org)');
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'es');
    await expect(page.locator('dt', { hasText: 'Languages' }).locator('xpath=following-sibling::dd').getByRole('link')).toHaveText(['Spanish', 'English']);
  });
});
