import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { deletePublication, upsertPublication } from '@/lib/publications/save';
import { inE2eTransaction } from './database';
import { expect, resultCount, test } from './fixtures';

/** Marks of a visual facet by accessible name ("2019: 12 publications" → 2019 → 12). */
async function marks(group: Locator, pattern: RegExp): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const link of await group.getByRole('link').all()) {
    const name = (await link.getAttribute('aria-label')) ?? '';
    const match = name.match(pattern);
    expect(match, `accessible name of a mark: ${name}`).not.toBeNull();
    found.set(match![1]!, Number(match![2]!.replace(/\D/g, '')));
  }
  return found;
}

/** The facet list's values with a count, by label, from a page listing the facet in full. */
async function listed(page: Page, facet: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const link of await page.getByRole('region', { name: facet, exact: true }).locator('ul.facet-values a').all()) {
    const count = Number((await link.locator('span').last().innerText()).replace(/\D/g, ''));
    const label = (await link.evaluate((a) => a.firstChild?.textContent ?? '')).trim();
    if (count > 0) found.set(label, count);
  }
  return found;
}

const histogram = (page: Page, name = 'Publications by year') => page.getByRole('group', { name });
const YEAR_BAR = /^(\d{4}): (\d+) publications?$/;

test.describe('year histogram', () => {
  test('a bar per year, named with its count, the counts of the year list; a bar sets its year', async ({ page }) => {
    await page.goto('/?more=year');
    const bars = await marks(histogram(page), YEAR_BAR);
    expect(bars.size).toBeGreaterThanOrEqual(5);
    expect(bars).toEqual(await listed(page, 'Year'));

    const [year, count] = [...bars].sort((a, b) => b[1] - a[1])[0]!;
    const name = `${year}: ${count} publication${count === 1 ? '' : 's'}`;
    await histogram(page).getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`\\?year=${year}$`));
    expect(await resultCount(page)).toBe(count);
    // The histogram leaves its own choice out: every bar is still there, the chosen one marked.
    expect((await marks(histogram(page), YEAR_BAR)).size).toBe(bars.size);
    const chosen = histogram(page).getByRole('link', { name, exact: true });
    await expect(chosen).toHaveAttribute('aria-current', 'true');
    await expect(histogram(page).locator('a[aria-current]')).toHaveCount(1);
    // The chosen bar takes the choice away again.
    await expect(chosen).toHaveAttribute('href', '/');
  });

  test('under other filters and a range: counts follow the filters, the range is marked, a bar keeps the filters', async ({ page }) => {
    await page.goto('/?region=south-eastern-europe&more=year');
    const inRegion = await marks(histogram(page), YEAR_BAR);
    expect(inRegion).toEqual(await listed(page, 'Year'));
    const years = [...inRegion.keys()].map(Number).sort();
    const [from, to] = [years[0]!, years[years.length - 1]!];

    await page.goto(`/?region=south-eastern-europe&yearFrom=${from}&yearTo=${from + 3}`);
    const bars = histogram(page).getByRole('link');
    await expect(bars).toHaveCount(inRegion.size);
    for (const bar of await bars.all()) {
      const year = Number((await bar.getAttribute('aria-label'))!.slice(0, 4));
      if (year <= from + 3) await expect(bar).toHaveAttribute('aria-current', 'true');
      else await expect(bar).not.toHaveAttribute('aria-current');
    }
    const last = histogram(page).getByRole('link', { name: new RegExp(`^${to}:`) });
    await expect(last).toHaveAttribute('href', `/?region=south-eastern-europe&year=${to}`);
    await last.click();
    expect(await resultCount(page)).toBe(inRegion.get(String(to)));
  });

  test('follows the locale', async ({ page }) => {
    await page.goto('/fr');
    const bars = await marks(histogram(page, 'Publications par année'), /^(\d{4}) : (\d+) publications?$/);
    expect(bars.size).toBeGreaterThanOrEqual(5);
    await expect(histogram(page, 'Publications par année').getByRole('link').first()).toHaveAttribute('href', /^\/fr\?year=\d{4}$/);
  });

  test('dragging across bars chooses that range of years @js', async ({ page }) => {
    await page.goto('/');
    const svg = page.locator('#year-bars');
    const bars = await marks(histogram(page), YEAR_BAR);
    const years = [...bars.keys()].map(Number).sort();
    const [first, last] = [years[0]!, years[years.length - 1]!];
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    const slot = box.width / (last - first + 1);
    // From the second year's slot to the fifth's.
    const y = box.y + box.height * 0.6;
    await page.mouse.move(box.x + slot * 1.5, y);
    await page.mouse.down();
    await page.mouse.move(box.x + slot * 3, y, { steps: 4 });
    await page.mouse.move(box.x + slot * 4.5, y, { steps: 4 });
    await page.mouse.up();
    await expect(page).toHaveURL(new RegExp(`\\?yearFrom=${first + 1}&yearTo=${first + 4}$`));
    let expected = 0;
    for (let year = first + 1; year <= first + 4; year++) expected += bars.get(String(year)) ?? 0;
    await expect.poll(() => resultCount(page)).toBe(expected);
    await expect(page.getByRole('navigation', { name: 'Active filters' }).getByRole('link', { name: new RegExp(`Years: ${first + 1}–${first + 4}`) })).toBeVisible();
  });
});

const COUNTRY_MARK = /^(.+): (\d+) publications?$/;
const worldMap = (page: Page, name: RegExp = /^World map/) => page.getByRole('group', { name });

test.describe('world map', () => {
  test('on its own URL: every country of the list is a link with its count; a country adds it to the filter, the map stays', async ({ page }) => {
    await page.goto('/');
    await expect(worldMap(page)).toHaveCount(0);
    await page.getByRole('link', { name: 'Map of countries' }).click();
    await expect(page).toHaveURL(/\?view=map#world-map$/);
    await expect(page.getByRole('heading', { name: 'Publications by country' })).toBeVisible();
    // After every result in the page (and so in the tab order): the first result stays near the search box.
    const after = await page.evaluate(() =>
      [...document.querySelectorAll('article')].every((card) => card.compareDocumentPosition(document.getElementById('world-map')!) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    expect(after).toBe(true);

    await page.goto('/?view=map&more=country');
    const countries = await marks(worldMap(page), COUNTRY_MARK);
    expect(countries.size).toBeGreaterThanOrEqual(10);
    expect(countries).toEqual(await listed(page, 'Country'));
    expect(countries.get('Kosovo')).toBeGreaterThan(0);
    await expect(page.locator('#world-map').getByText('Publications:', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'The same countries as a list' })).toHaveAttribute('href', '/?more=country#facet-country');

    const serbia = countries.get('Serbia')!;
    const serbiaName = `Serbia: ${serbia} publication${serbia === 1 ? '' : 's'}`;
    await worldMap(page).getByRole('link', { name: serbiaName, exact: true }).click();
    await expect(page).toHaveURL(/\?country=RS&view=map#world-map$/);
    expect(await resultCount(page)).toBe(serbia);
    await expect(worldMap(page).locator('a[aria-current]')).toHaveAttribute('aria-label', serbiaName);

    // Disjunctive: another country widens the results, and the map keeps every country's count.
    const kosovo = worldMap(page).getByRole('link', { name: /^Kosovo: / });
    await kosovo.click();
    await expect(page).toHaveURL(/\?country=RS&country=XK&view=map#world-map$/);
    expect(await resultCount(page)).toBeGreaterThanOrEqual(serbia);
    await expect(worldMap(page).locator('a[aria-current]')).toHaveCount(2);
    await page.getByRole('link', { name: 'Hide the map' }).click();
    await expect(page).toHaveURL(/\/\?country=RS&country=XK$/);
    await expect(worldMap(page)).toHaveCount(0);
  });

  test('a small state without a shape is a dot, a link like the others', async ({ page }) => {
    const slug = `e2e-malta-${randomBytes(3).toString('hex')}`;
    await inE2eTransaction((tx) =>
      upsertPublication(tx, { slug, title: `Malta map record ${slug}`, summary: 'A record for the map tests.', year: 2024, category: 'report', countries: ['MT'], regions: [], authors: [] }),
    );
    try {
      await page.goto('/?view=map');
      const malta = worldMap(page).getByRole('link', { name: /^Malta: \d+ publications?$/ });
      await expect(malta.locator('circle')).toHaveCount(1);
      await malta.click();
      await expect(page).toHaveURL(/\?country=MT&view=map#world-map$/);
      // Read from one answer: the other browser project adds a record for Malta of its own meanwhile.
      const count = Number((await malta.getAttribute('aria-label'))!.match(/(\d+)/)![1]);
      expect(await resultCount(page)).toBe(count);
      await expect(malta).toHaveAttribute('aria-current', 'true');
      await expect(page.getByRole('link', { name: `Malta map record ${slug}` })).toBeVisible();
    } finally {
      await inE2eTransaction((tx) => deletePublication(tx, slug));
    }
  });

  test('the map follows the other filters and the locale', async ({ page }) => {
    await page.goto('/es?view=map&region=south-eastern-europe&more=country');
    const countries = await marks(worldMap(page, /^Mapa del mundo/), /^(.+): (\d+) publicaci(?:ón|ones)$/);
    expect(countries.size).toBeGreaterThan(0);
    expect(countries).toEqual(await listed(page, 'País'));
    expect(countries.has('Serbia')).toBe(true);
    await expect(page.getByRole('heading', { name: 'Publicaciones por país' })).toBeVisible();
    await page.goto('/fr?view=map');
    await expect(worldMap(page, /^Carte du monde/).getByRole('link', { name: /^Serbie : \d+ publications?$/ })).toHaveCount(1);
  });

  test('axe finds no violation on the catalogue with the histogram and with the map open @js', async ({ page }) => {
    for (const path of ['/', '/?view=map&country=RS', '/fr?view=map']) {
      await page.goto(path);
      expect((await new AxeBuilder({ page }).analyze()).violations, path).toEqual([]);
    }
  });
});
