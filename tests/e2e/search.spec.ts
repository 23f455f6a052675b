import { expect, resultCount, test } from './fixtures';

test.describe('search', () => {
  test('search, see highlighted results by relevance, refine with facets, clear the query', async ({ page }) => {
    await page.goto('/');
    const all = await resultCount(page);
    await page.getByRole('searchbox', { name: 'Search publications' }).fill('referral mechanisms');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=referral\+mechanisms/);
    const found = await resultCount(page);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all);

    const sort = page.getByRole('navigation', { name: 'Sort' });
    await expect(sort.locator('[aria-current="true"]')).toHaveText('Relevance');
    const first = page.getByRole('article').first();
    await expect(first.locator('mark').first()).toBeVisible();
    await expect(first.getByRole('heading')).toContainText(/referral/i);
    for (const card of await page.getByRole('article').all()) {
      await expect(card.locator('mark').first()).toHaveText(/referr|mechanism/i);
    }

    await page.getByRole('region', { name: 'Region' }).getByRole('link', { name: /^Worldwide/ }).click();
    await expect(page).toHaveURL(/q=referral\+mechanisms/);
    await expect(page).toHaveURL(/region=worldwide/);
    const refined = await resultCount(page);
    expect(refined).toBeGreaterThan(0);
    expect(refined).toBeLessThanOrEqual(found);

    await page.getByRole('navigation', { name: 'Active filters' }).getByRole('link', { name: /Search: “referral mechanisms”/ }).click();
    await expect(page).not.toHaveURL(/q=/);
    await expect(page).toHaveURL(/region=worldwide/);
    await expect(sort.locator('[aria-current="true"]')).toHaveText('Newest first');
    await expect(page.locator('article mark')).toHaveCount(0);
  });

  test('a query with markup is shown as text, never as markup', async ({ page }) => {
    await page.goto('/?q=%3Cb%3Ehandbook%3C%2Fb%3E+%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    await expect(page.getByRole('searchbox', { name: 'Search publications' })).toHaveValue('<b>handbook</b> <script>alert(1)</script>');
    await expect(page.locator('article b, article script')).toHaveCount(0);
  });

  test('a malformed query still answers', async ({ page }) => {
    const response = await page.goto('/?q=%22unbalanced+-+OR+*+NEAR%2F3(');
    expect(response?.status()).toBe(200);
    await expect(page.locator('#results-heading')).toBeVisible();
  });

  test('find a country in the long country facet', async ({ page }) => {
    await page.goto('/');
    const countries = page.getByRole('region', { name: 'Country' });
    await countries.getByRole('searchbox', { name: 'Find country' }).fill('leone');
    await countries.getByRole('button', { name: 'Find' }).click();
    await expect(page).toHaveURL(/findCountry=leone/);
    const links = page.getByRole('region', { name: 'Country' }).getByRole('listitem');
    await expect(links).toHaveCount(1);
    await expect(links.first()).toContainText('Sierra Leone');
    await links.first().getByRole('link').click();
    await expect(page).toHaveURL(/country=SL/);
    await expect(page.getByRole('navigation', { name: 'Active filters' })).toContainText('Country: Sierra Leone');
  });
});
