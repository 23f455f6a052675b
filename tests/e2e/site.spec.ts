import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './staff';

/** A publication's path: the catalogue's first result. */
async function firstRecord(page: Page): Promise<string> {
  await page.goto('/');
  return (await page.getByRole('article').first().getByRole('link').first().getAttribute('href'))!;
}

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const PUBLIC_PAGES = ['/', '/?q=trafficking&country=NG', '/about', '/fr/about', '/es', '/api', '/sign-in', '/no-such-page'];
const STAFF_PAGES = [
  '/admin',
  '/admin/publications/new',
  '/admin/history',
  '/admin/import',
  '/admin/taxonomy',
  '/admin/taxonomy/authors',
  '/admin/users',
  '/admin/account',
];

test.describe('the site around the catalogue', () => {
  test('the header leads to the catalogue’s sections, and About says what it holds and how to cite it', async ({ page }) => {
    await page.goto('/about');
    const sections = page.getByRole('navigation', { name: 'Site', exact: true });
    for (const name of ['Browse', 'About', 'API', 'Feeds']) await expect(sections.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(sections.getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: 'About the catalogue' })).toBeVisible();
    await expect(page.locator('dl').first().locator('div', { hasText: 'publications' }).locator('dd')).toHaveText(/^\d[\d,]*$/);
    // The counts are the catalogue's own: the total the catalogue answers. Other specs add records meanwhile,
    // so the two are read again until they are read with nothing written between them.
    await expect
      .poll(async () => {
        const about = await (await page.request.get('/about')).text();
        const shown = Number(/<dt[^>]*>publications<\/dt><dd[^>]*>([\d,]+)<\/dd>/.exec(about)?.[1]?.replace(/,/g, ''));
        const { total } = await (await page.request.get('/api/publications')).json();
        return shown === total;
      })
      .toBe(true);
    await sections.getByRole('link', { name: 'Browse' }).click();
    await expect(page.locator('#results-heading')).toContainText('publications');

    await page.goto('/about');
    await expect(page.getByRole('region', { name: 'How to cite the catalogue' })).toContainText(/Counter-Trafficking Publications Catalogue\. http:\/\/[^ ]+\//);
    await page.getByRole('navigation', { name: 'Site', exact: true }).getByRole('link', { name: 'Feeds' }).click();
    await expect(page).toHaveURL(/\/about#feeds$/);
    const feeds = page.getByRole('region', { name: 'Feeds, harvesting and data' });
    await expect(feeds.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/feed.xml');
    expect((await page.request.get('/feed.xml')).status()).toBe(200);
    await expect(feeds.getByRole('link', { name: 'Identify' })).toHaveAttribute('href', '/oai?verb=Identify');

    await page.goto('/fr/about');
    await expect(page.getByRole('heading', { level: 1, name: 'À propos du catalogue' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Site', exact: true }).getByRole('link', { name: 'Parcourir' })).toHaveAttribute('href', '/fr');
  });

  test('the first result is a few Tab presses from the search box, and the skip links lead to results and filters', async ({ page }) => {
    await page.goto('/');
    await page.locator('#q').focus();
    let presses = 0;
    while (presses < 10) {
      await page.keyboard.press('Tab');
      presses++;
      if (await page.evaluate(() => !!document.activeElement?.closest('article'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.closest('article')?.querySelector('h3')?.textContent)).toBeTruthy();
    expect(presses).toBeLessThanOrEqual(10);

    // From the top of the page: the skip link takes focus to the results heading, the next Tab to the results.
    await page.goto('/');
    await page.getByRole('link', { name: 'Skip to results' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#results-heading')).toBeFocused();
    // Shown on narrow screens; on wide ones it appears when focused (the filters stand beside the results).
    await page.getByRole('link', { name: 'Go to filters' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#filters$/);
    await expect(page.getByRole('complementary', { name: 'Filters' })).toBeInViewport();
  });

  test('after a filter changes, focus lands on the results heading @js', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('region', { name: 'Country' }).getByRole('listitem').first().getByRole('link').click();
    await expect(page).toHaveURL(/country=/);
    await expect(page.locator('#results-heading')).toBeFocused();
    // Not after a link that leaves the catalogue and comes back.
    const record = await page.getByRole('article').first().getByRole('link').first().getAttribute('href');
    await page.goto(record!);
    await page.goto('/');
    await expect(page.locator('#results-heading')).not.toBeFocused();
  });

  test('pagination lists every page when there are few, and the neighbours of the current one', async ({ page }) => {
    await page.goto('/');
    const pages = page.getByRole('navigation', { name: 'Pagination' });
    const count = Number((await page.locator('#results-heading').innerText()).match(/^(\d+)/)![1]);
    const pageCount = Math.ceil(count / 20);
    test.skip(pageCount < 3, 'the sample has too few records to page');
    if (pageCount <= 4) {
      // No ellipsis standing for a single page ("1 2 … 4").
      await expect(pages).not.toContainText('…');
      for (let p = 2; p <= pageCount; p++) await expect(pages.getByRole('link', { name: `Page ${p}`, exact: true })).toBeVisible();
    }
    await page.goto(`/?page=${pageCount}`);
    await expect(pages.getByText(String(pageCount), { exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(pages.getByRole('link', { name: `Page ${pageCount - 1}`, exact: true })).toBeVisible();
  });

  test('printed, a result list and a record keep their text and lose their controls', async ({ page }) => {
    const record = await firstRecord(page);
    await page.goto('/?country=RS');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('search')).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Site', exact: true })).toBeHidden();
    await expect(page.getByText('Export, cite and follow')).toBeHidden();
    await expect(page.getByText(/^Printed from http:\/\/[^ ]+\/\?country=RS/)).toBeVisible();
    const title = page.getByRole('article').first().getByRole('heading');
    await expect(title).toBeVisible();
    // The record's address is printed after its title.
    expect(await title.getByRole('link').evaluate((a) => getComputedStyle(a, '::after').content)).toContain('/publications/');

    await page.goto(record);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Site', exact: true })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('navigation', { name: 'Site', exact: true })).toBeVisible();
  });

  test('on a 390 px phone no public page scrolls sideways, and the footer stays at the bottom of short pages', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of [...PUBLIC_PAGES, await firstRecord(page)]) {
      await page.goto(path);
      expect(await sidewaysScroll(page), path).toBe(0);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/sign-in');
    const footer = await page.getByRole('contentinfo').boundingBox();
    expect(Math.round(footer!.y + footer!.height)).toBe(900);
  });

  test('on a 390 px phone no staff page scrolls sideways', async ({ page, admin }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, admin, '/admin');
    const edit = (await page.locator('a[href$="/edit"]').first().getAttribute('href'))!;
    for (const path of [...STAFF_PAGES, edit, edit.replace(/\/edit$/, '/history')]) {
      await page.goto(path);
      expect(await sidewaysScroll(page), path).toBe(0);
    }
  });

  test('axe finds no WCAG 2.2 AA violation on the public pages @js', async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of [...PUBLIC_PAGES, await firstRecord(page)]) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
    }
  });

  test('axe finds no WCAG 2.2 AA violation on the staff pages @js', async ({ page, admin }) => {
    test.setTimeout(120_000);
    await signIn(page, admin, '/admin');
    const edit = (await page.locator('a[href$="/edit"]').first().getAttribute('href'))!;
    for (const path of [...STAFF_PAGES, edit, edit.replace(/\/edit$/, '/history')]) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
    }
  });
});
