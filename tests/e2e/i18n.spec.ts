import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A publication's path, from the first result of the catalogue page at `path`. */
async function firstRecord(page: Page, path: string): Promise<string> {
  await page.goto(path);
  const href = await page.getByRole('article').first().getByRole('link').first().getAttribute('href');
  return href!;
}

test.describe('the site in English, French and Spanish', () => {
  test('a first visit from a French browser lands on the French catalogue; a choice of English is kept', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/?country=RS');
    await expect(page).toHaveURL(/\/fr\?country=RS$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Publications sur la lutte contre la traite' })).toBeVisible();
    for (const facet of ['Région', 'Pays', 'Année', 'Catégorie', 'Auteur']) {
      await expect(page.getByRole('heading', { level: 3, name: facet, exact: true })).toBeVisible();
    }
    await expect(page.locator('#results-heading')).toHaveText(/^\d+ publications?$/);
    // Names in French: the selected country, regions and categories.
    await expect(page.getByRole('navigation', { name: 'Filtres actifs' }).getByRole('link', { name: /^Pays\s:\sSerbie/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Région' }).getByRole('link', { name: /^Europe du Sud-Est/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Catégorie' }).getByRole('link', { name: /^Évaluation des besoins/ })).toBeVisible();

    await page.getByRole('navigation', { name: 'Langue du site' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/\?country=RS$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The neutral URL now stays English for this reader, whatever the browser prefers.
    await page.goto('/');
    await expect(page).toHaveURL(/:\d+\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Counter-trafficking publications' })).toBeVisible();
    await context.close();
  });

  test('the language switcher keeps the search, filters and page', async ({ page }) => {
    await page.goto('/?q=trafficking&region=south-eastern-europe&sort=title');
    const englishCount = await page.locator('#results-heading').innerText();
    await page.getByRole('navigation', { name: 'Site language' }).getByRole('link', { name: 'Español' }).click();
    await expect(page).toHaveURL(/\/es\?q=trafficking&region=south-eastern-europe&sort=title$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Publicaciones contra la trata de personas' })).toBeVisible();
    expect(Number(englishCount.match(/^\d+/)![0])).toBe(Number((await page.locator('#results-heading').innerText()).match(/^\d+/)![0]));
    await expect(page.getByRole('navigation', { name: 'Filtros activos' }).getByRole('link', { name: /Búsqueda: «trafficking»/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Orden' }).locator('[aria-current="true"]')).toHaveText('Título A–Z');
    await expect(page.getByRole('navigation', { name: 'Idioma del sitio' }).locator('[aria-current="true"]')).toHaveText('Español');

    // Links and forms stay in Spanish: a facet link, the search form and a record.
    await expect(page.getByRole('region', { name: 'Año' }).getByRole('link').first()).toHaveAttribute('href', /^\/es\?.*year=\d{4}/);
    await expect(page.getByRole('region', { name: 'Región' }).getByRole('link', { name: /^Europa sudoriental/ })).toBeVisible();
    await page.getByRole('combobox', { name: 'Buscar publicaciones' }).fill('labour');
    await page.getByRole('combobox', { name: 'Buscar publicaciones' }).press('Enter');
    await expect(page).toHaveURL(/\/es\?q=labour/);
    const results = new URL(page.url());
    await page.getByRole('article').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/es\/publications\//);
    // Reached from a search: the way back is to that search, in Spanish.
    await expect(page.getByRole('link', { name: '← Volver a los resultados' })).toHaveAttribute('href', results.pathname + results.search);
  });

  test('a record page in French: labels, the English summary marked as such, language alternates', async ({ page }) => {
    const record = await firstRecord(page, '/');
    await page.goto(`/fr${record}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 2, name: 'Résumé' })).toBeVisible();
    await expect(page.locator('#summary-heading + p')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'Citer cette publication' })).toBeVisible();
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      Object.fromEntries(links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname])),
    );
    expect(alternates).toEqual({ en: record, fr: `/fr${record}`, es: `/es${record}`, 'x-default': record });
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/fr${record}$`));
  });

  test('404 and unknown records answer in the page’s language', async ({ page }) => {
    const missing = await page.goto('/fr/pas-une-page');
    expect(missing!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    await expect(page).toHaveTitle('Page introuvable · Catalogue des publications sur la traite');
    const record = await page.goto('/es/publications/no-existe');
    expect(record!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Publicación no encontrada' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Explorar el catálogo' })).toHaveAttribute('href', '/es');
  });

  test('citation files have one address; unprefixed pages vary with the reader’s languages', async ({ page }) => {
    const record = await firstRecord(page, '/');
    const cite = await page.request.get(`/fr${record}/cite.bib`, { maxRedirects: 0 });
    expect(cite.status()).toBe(308);
    expect(new URL(cite.headers()['location']!, 'http://x').pathname).toBe(`${record}/cite.bib`);
    const neutral = await page.request.get('/', { maxRedirects: 0, headers: { 'accept-language': 'es' } });
    expect(neutral.status()).toBe(307);
    expect(neutral.headers()['vary']).toMatch(/Accept-Language/);
    const malformed = await page.request.get('/fr/%zz');
    expect(malformed.status()).toBe(400);
    expect(await malformed.text()).toMatch(/^Requête invalide/);
  });

  test('the staff area stays English', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect((await page.request.get('/fr/sign-in', { maxRedirects: 0 })).status()).toBe(404);
  });

  for (const path of ['/fr', '/es', '/fr?q=trafficking&country=RS']) {
    // axe runs in the page: @js.
    test(`axe finds no violation on ${path} and a record page in that language @js`, async ({ page }) => {
      await page.goto(path);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      const prefix = path.slice(0, 3);
      const record = await page.getByRole('article').first().getByRole('link').first().getAttribute('href');
      expect(record!.startsWith(`${prefix}/publications/`)).toBe(true);
      await page.goto(record!);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }
});
