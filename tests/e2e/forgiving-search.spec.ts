import AxeBuilder from '@axe-core/playwright';
import { expect, resultCount, test } from './fixtures';

test.describe('search that forgives', () => {
  test('British and American spellings find the same publications, each marked as written', async ({ page }) => {
    await page.goto('/?q=labour');
    const labour = await resultCount(page);
    expect(labour).toBeGreaterThan(0);
    await page.goto('/?q=labor');
    expect(await resultCount(page)).toBe(labour);
    await expect(page.getByTestId('spelling-correction')).toHaveCount(0);
    await expect(page.getByRole('article').first().locator('mark').first()).toHaveText(/^labou?r/i);
    await page.goto('/?q=%22forced+labor%22');
    const phrase = await resultCount(page);
    await page.goto('/?q=%22forced+labour%22');
    expect(await resultCount(page)).toBe(phrase);
    expect(phrase).toBeGreaterThan(0);
  });

  test('a misspelt word is corrected, with exact counts and a link to the words as typed; nothing found offers "Did you mean"', async ({ page }) => {
    await page.goto('/?q=trafficking+victims');
    const right = await resultCount(page);
    await page.goto('/?q=trafficing+victims');
    const notice = page.getByTestId('spelling-correction');
    await expect(notice).toHaveText('Showing results for trafficking victims — search instead for trafficing victims');
    expect(await resultCount(page)).toBe(right);
    await expect(page.getByRole('article').first().locator('mark').first()).toBeVisible();

    await notice.getByRole('link', { name: 'trafficing victims' }).click();
    await expect(page).toHaveURL(/literal=1/);
    expect(await resultCount(page)).toBe(0);
    await expect(page.getByTestId('spelling-correction')).toHaveCount(0);
    const didYouMean = page.getByTestId('did-you-mean');
    await expect(didYouMean).toContainText('Did you mean');
    await didYouMean.getByRole('link', { name: 'trafficking victims' }).click();
    expect(await resultCount(page)).toBe(right);

    // The zero-result page links the search tips.
    await page.goto('/?q=zzqqxxyy');
    expect(await resultCount(page)).toBe(0);
    await page.getByRole('link', { name: 'how to search' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How to search');
    await expect(page.getByRole('link', { name: '"forced labour"' })).toBeVisible();
  });

  test('search tips beside the box, in every language', async ({ page }) => {
    await page.goto('/');
    const tips = page.locator('#search-help');
    await tips.getByText('Search tips').click();
    for (const example of ['child labour', '"forced labour"', 'trafficking -sexual', 'exploit*', 'albania OR kosovo']) {
      await expect(tips.getByRole('link', { name: example, exact: true })).toBeVisible();
    }
    await tips.getByRole('link', { name: 'albania OR kosovo' }).click();
    await expect(page).toHaveURL(/q=albania\+OR\+kosovo/);
    expect(await resultCount(page)).toBeGreaterThan(0);
    await page.goto('/fr/search-help');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comment chercher');
    await page.goto('/es/search-help');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cómo buscar');
  });

  test('type-ahead: arrows, Escape, Enter follows a title; a country applies its filter @js', async ({ page }) => {
    await page.goto('/?category=report');
    const box = page.getByRole('combobox', { name: 'Search publications' });
    await box.fill('traff');
    const list = page.getByRole('listbox');
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    const options = list.getByRole('option');
    expect(await options.count()).toBeGreaterThan(0);
    await expect(page.locator('[aria-live="polite"].sr-only')).toContainText('suggestion');
    expect(await new AxeBuilder({ page }).include('form[role="search"]').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

    await box.press('ArrowDown');
    const first = options.first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    await box.press('ArrowUp');
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');
    await box.press('Escape');
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).toBeFocused();

    await box.press('ArrowDown');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    const title = (await first.innerText()).replace(/^Publication\s*/, '');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/publications\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    // A country: its filter is added to the ones in place, the words typed are not searched.
    await page.goto('/?category=report');
    await box.fill('serbi');
    const serbia = page.getByRole('option', { name: /Country\s*Serbia/ });
    await expect(serbia).toBeVisible();
    for (let i = 0; i < 10 && (await serbia.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
    await box.press('Enter');
    await expect(page).toHaveURL(/category=report/);
    await expect(page).toHaveURL(/country=RS/);
    await expect(page).not.toHaveURL(/q=/);

    // Enter with nothing chosen submits the words.
    await box.fill('traff');
    await expect(page.getByRole('listbox')).toBeVisible();
    await box.press('Enter');
    await expect(page).toHaveURL(/q=traff/);
  });

  test('the search box is a plain form without JavaScript', async ({ page, javaScriptEnabled }) => {
    test.skip(javaScriptEnabled, 'the no-JS project');
    await page.goto('/?country=RS');
    const box = page.getByRole('combobox', { name: 'Search publications' });
    await box.fill('trafficing');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=trafficing/);
    await expect(page).toHaveURL(/country=RS/);
    await expect(page.getByTestId('spelling-correction')).toContainText('Showing results for trafficking');
    await expect(page.getByRole('listbox')).toBeHidden();
  });
});
