import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Runs with and without JavaScript (the chromium-no-js project), but for axe, which runs in the page.

/** The first result's link on a catalogue page. */
const firstResult = (page: Page) => page.getByRole('article').first().getByRole('heading').getByRole('link');

async function someRecordPath(page: Page): Promise<string> {
  await page.goto('/');
  return (await firstResult(page).getAttribute('href'))!;
}

test.describe('related publications and back to results', () => {
  test('a record page lists related publications whose plain links open records', async ({ page }) => {
    const path = await someRecordPath(page);
    await page.goto(path);
    const related = page.getByRole('region', { name: 'Related publications' });
    await expect(related).toBeVisible();
    const links = related.getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(6);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) expect(href).toMatch(/^\/publications\/[a-z0-9-]+$/);
    expect(hrefs).not.toContain(path);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    // Each card: the title, then the year (or "Year unknown").
    await expect(related.getByRole('listitem').first()).toContainText(/\d{4}|Year unknown/);

    const title = await links.first().innerText();
    await links.first().click();
    await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('back to results returns to the exact search: query, filters, sort and page', async ({ page }) => {
    const search = '/?q=trafficking&language=en&sort=oldest&page=2';
    await page.goto(search);
    await expect(page.locator('#results-heading')).toContainText('showing 21–');
    const first = firstResult(page);
    const title = await first.innerText();
    await first.click();
    await expect(page).toHaveURL(/\/publications\/[^?]+\?from=/);
    const back = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
    await expect(back).toHaveText('← Back to results');
    await expect(back).toHaveAttribute('href', search);
    // The page reached from a search is the same record: its canonical URL is the bare one.
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/publications\/[a-z0-9-]+$/);
    await back.click();
    await expect(page).toHaveURL(search);
    await expect(firstResult(page)).toHaveText(title);
    await expect(page.locator('#results-heading')).toContainText('showing 21–');
  });

  test('the first page of the whole catalogue links records bare, and their page says Catalogue', async ({ page }) => {
    const path = await someRecordPath(page);
    expect(path).toMatch(/^\/publications\/[a-z0-9-]+$/);
    await page.goto(path);
    const back = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
    await expect(back).toHaveText('← Catalogue');
    await expect(back).toHaveAttribute('href', '/');
  });

  test('a hostile from is ignored: the link stays on the catalogue', async ({ page }) => {
    const path = await someRecordPath(page);
    for (const hostile of ['https://evil.example/?q=x', '//evil.example', 'javascript:alert(1)', '/\\evil.example']) {
      const response = await page.goto(`${path}?from=${encodeURIComponent(hostile)}`);
      expect(response?.status(), hostile).toBe(200);
      const back = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
      await expect(back, hostile).toHaveText('← Catalogue');
      await expect(back, hostile).toHaveAttribute('href', '/');
    }
    // What is left of a search is kept, normalised, and only as catalogue parameters.
    await page.goto(`${path}?from=${encodeURIComponent('q=labour&next=//evil.example&country=ng')}`);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveAttribute('href', '/?q=labour&country=NG');
  });

  test('in French: the heading and the way back are translated', async ({ page }) => {
    await page.goto('/fr?q=trafficking');
    await firstResult(page).click();
    await expect(page.getByRole('region', { name: 'Publications associées' })).toBeVisible();
    const back = page.getByRole('navigation').getByRole('link', { name: '← Retour aux résultats' });
    await expect(back).toHaveAttribute('href', '/fr?q=trafficking');
  });

  test('axe finds no violation on a record page reached from a search @js', async ({ page }) => {
    await page.goto('/?q=trafficking&country=RS');
    await firstResult(page).click();
    await expect(page.getByRole('region', { name: 'Related publications' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});
