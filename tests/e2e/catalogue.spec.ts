import { expect, resultCount, test } from './fixtures';

test.describe('catalogue', () => {
  test('browse: the catalogue lists publications with facets', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Counter-trafficking publications' })).toBeVisible();
    const total = await resultCount(page);
    expect(total).toBeGreaterThanOrEqual(60);
    const results = page.getByRole('article');
    await expect(results).toHaveCount(20);
    for (const facet of ['Region', 'Country', 'Year', 'Category', 'Language', 'Author']) {
      await expect(page.getByRole('heading', { level: 3, name: facet, exact: true })).toBeVisible();
    }
    // Newest first by default.
    const years = await page.locator('article p:first-of-type > span:first-child').allInnerTexts();
    const numeric = years.filter((y) => /^\d{4}$/.test(y)).map(Number);
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
  });

  test('combine region, country, year range and category; remove a chip; clear all', async ({ page }) => {
    await page.goto('/');
    const all = await resultCount(page);
    const regions = page.getByRole('region', { name: 'Region' });
    await regions.getByRole('link', { name: /South Eastern Europe/ }).click();
    await expect(page).toHaveURL(/region=south-eastern-europe/);
    const inRegion = await resultCount(page);
    expect(inRegion).toBeGreaterThan(0);
    expect(inRegion).toBeLessThan(all);

    await page.getByRole('region', { name: 'Country' }).getByRole('link', { name: /^Serbia/ }).click();
    await expect(page).toHaveURL(/country=RS/);

    await page.getByLabel('From').fill('2010');
    await page.getByLabel('To').fill('2020');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/yearFrom=2010/);
    await expect(page).toHaveURL(/yearTo=2020/);

    await page.getByRole('region', { name: 'Category' }).getByRole('link', { name: /^Needs Assessment/ }).click();
    await expect(page).toHaveURL(/category=needs-assessment/);
    const combined = await resultCount(page);
    expect(combined).toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: 'Needs Assessment: Human trafficking in the Western Balkans' })).toBeVisible();
    for (const card of await page.getByRole('article').all()) {
      await expect(card).toContainText('Serbia');
      await expect(card).toContainText('Needs Assessment');
    }

    const chips = page.getByRole('navigation', { name: 'Active filters' });
    await expect(chips.getByRole('link', { name: /Country: Serbia/ })).toBeVisible();
    await expect(chips.getByRole('link', { name: /Years: 2010–2020/ })).toBeVisible();
    await chips.getByRole('link', { name: /Category: Needs Assessment/ }).click();
    await expect(page).not.toHaveURL(/category=/);
    await expect(page).toHaveURL(/country=RS/);
    expect(await resultCount(page)).toBeGreaterThanOrEqual(combined);

    await page.getByRole('link', { name: 'Clear all' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(chips).toHaveCount(0);
    // Not `toBe(all)`: tests running beside this one add and remove publications of their own meanwhile.
    expect(await resultCount(page)).toBeGreaterThan(inRegion);
  });

  test('values within a facet widen the results', async ({ page }) => {
    await page.goto('/?country=RS');
    const serbia = await resultCount(page);
    const countries = page.getByRole('region', { name: 'Country' });
    // The first few values are listed; a link opens the page with the whole list of the facet.
    await expect(countries.getByRole('link', { name: /^Mali/ })).toHaveCount(0);
    await countries.getByRole('link', { name: /^Show \d+ more$/ }).click();
    await expect(page).toHaveURL(/country=RS&more=country#facet-country$/);
    await expect(countries.getByRole('link', { name: 'Show fewer' })).toHaveAttribute('href', '/?country=RS#facet-country');
    await countries.getByRole('link', { name: /^Mali/ }).click();
    await expect(page).toHaveURL(/country=RS&country=ML/);
    expect(await resultCount(page)).toBeGreaterThan(serbia);
  });

  test('filter by language: counts by name, a chip, other languages still countable; French and Spanish words stemmed', async ({ page }) => {
    await page.goto('/');
    const languages = page.getByRole('region', { name: 'Language' });
    const french = languages.getByRole('link', { name: /^French/ });
    const frenchCount = Number((await french.innerText()).match(/(\d+)\s*$/)![1]);
    expect(frenchCount).toBeGreaterThan(0);
    await french.click();
    await expect(page).toHaveURL(/language=fr/);
    expect(await resultCount(page)).toBe(frenchCount);
    await expect(languages.getByRole('link', { name: /^French \(selected\)/ })).toHaveAttribute('aria-current', 'true');
    const chips = page.getByRole('navigation', { name: 'Active filters' });
    await expect(chips.getByRole('link', { name: /Language: French/ })).toBeVisible();
    for (const card of await page.getByRole('article').all()) await expect(card).toContainText('French');

    // Values within the facet widen: Spanish keeps its own count beside the selected French.
    const spanish = languages.getByRole('link', { name: /^Spanish/ });
    const spanishCount = Number((await spanish.innerText()).match(/(\d+)\s*$/)![1]);
    await spanish.click();
    await expect(page).toHaveURL(/language=fr&language=es/);
    expect(await resultCount(page)).toBe(frenchCount + spanishCount);

    // Spanish words in a Spanish title: "personas" is found by "persona", and marked.
    await page.getByRole('combobox', { name: 'Search publications' }).fill('trata de persona');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=trata\+de\+persona/);
    await expect(page.getByRole('link', { name: /^Trata de personas en Colombia/ })).toBeVisible();
    await expect(page.locator('article mark', { hasText: /personas/i }).first()).toBeVisible();

    await chips.getByRole('link', { name: /Language: Spanish/ }).click();
    await expect(page).not.toHaveURL(/language=es/);
    await expect(page.getByRole('heading', { name: 'No publications found' })).toBeVisible();
  });

  test('paginate and sort', async ({ page }) => {
    await page.goto('/');
    const total = await resultCount(page);
    const firstPage = await page.getByRole('article').getByRole('heading').allInnerTexts();
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('#results-heading')).toContainText(`showing 21–${Math.min(40, total)}`);
    const secondPage = await page.getByRole('article').getByRole('heading').allInnerTexts();
    expect(secondPage.some((t) => firstPage.includes(t))).toBe(false);

    await page.getByRole('navigation', { name: 'Sort' }).getByRole('link', { name: 'Title A–Z' }).click();
    await expect(page).toHaveURL(/sort=title/);
    await expect(page).not.toHaveURL(/page=/);
    const titles = await page.getByRole('article').getByRole('heading').allInnerTexts();
    // Alphabetical ignoring case and accents.
    const fold = (t: string) => t.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    expect(titles).toEqual([...titles].sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0)));

    await page.getByRole('navigation', { name: 'Sort' }).getByRole('link', { name: 'Oldest first' }).click();
    await expect(page).toHaveURL(/sort=oldest/);
  });

  test('search matches without case or accents, and shows a helpful empty state', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Search publications' }).fill('ETUDE REGIONALE');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=ETUDE\+REGIONALE/);
    await expect(page.getByRole('link', { name: /Étude régionale comparative/ })).toBeVisible();

    await page.getByRole('combobox', { name: 'Search publications' }).fill('zzzz-no-such-word');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { name: 'No publications found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'start again from the whole catalogue' })).toBeVisible();
  });

  test('detail page shows every field and links back into the catalogue', async ({ page }) => {
    await page.goto('/?q=Western+Balkans&category=needs-assessment');
    await page.getByRole('link', { name: 'Needs Assessment: Human trafficking in the Western Balkans' }).click();
    // The link carries the search it came from, for "Back to results".
    await expect(page).toHaveURL(/\/publications\/needs-assessment-human-trafficking-in-the-western-balkans\?from=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Needs Assessment: Human trafficking in the Western Balkans');
    await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
    const details = page.locator('dl');
    for (const country of ['Albania', 'Bosnia and Herzegovina', 'Kosovo', 'Montenegro', 'North Macedonia', 'Serbia']) {
      await expect(details.getByRole('link', { name: country, exact: true })).toBeVisible();
    }
    await expect(details.getByRole('link', { name: '2014', exact: true })).toBeVisible();
    await details.getByRole('link', { name: 'Serbia', exact: true }).click();
    await expect(page).toHaveURL(/\/\?country=RS$/);
    await expect(page.getByRole('navigation', { name: 'Active filters' })).toContainText('Country: Serbia');
  });

  test('an unknown publication is a 404 page', async ({ page }) => {
    const response = await page.goto('/publications/no-such-publication');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Publication not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Browse the catalogue' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
