import type { Page } from '@playwright/test';
import { slugify } from '../../lib/text';
import { expect, signIn, test } from './staff';

// Specs tagged @js drive the type-ahead widgets, the browser-side checks or the conflict merge, which need
// JavaScript; the chromium-no-js project skips them (playwright.config.ts). The others run in both.

const maxYear = new Date().getFullYear() + 1;

async function fillBasics(page: Page, { title, summary, year }: { title: string; summary: string; year?: string }) {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Summary', { exact: true }).fill(summary);
  if (year !== undefined) await page.getByLabel('Year', { exact: true }).fill(year);
}

async function pick(page: Page, label: 'Countries' | 'Regions' | 'Authors', text: string, option: string) {
  await page.getByLabel(label, { exact: true }).fill(text);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Creates a publication through the form (no widgets) and returns its edit page's path. */
async function createThroughForm(page: Page, fields: { title: string; summary: string; status: 'draft' | 'published' }) {
  await page.goto('/admin/publications/new');
  await fillBasics(page, fields);
  await page.getByLabel('Status', { exact: true }).selectOption(fields.status);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The publication was created.')).toBeVisible();
  return new URL(page.url()).pathname;
}

test.describe('publication curation', () => {
  test('create with countries and ordered authors, see it in public, edit, delete @js', async ({ page, editor, unique }) => {
    const word = unique.split(' ').at(-1)!;
    await signIn(page, editor, '/admin/publications/new');
    await fillBasics(page, { title: `${unique} shelter standards review`, summary: 'How shelters for trafficked persons are run.', year: '2001' });
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Handbook' });

    await pick(page, 'Countries', 'tuva', 'Tuvalu');
    // Keyboard only: type, arrow to the choice, Enter.
    await page.getByLabel('Countries', { exact: true }).fill('Naur');
    await page.getByLabel('Countries', { exact: true }).press('ArrowDown');
    await page.getByLabel('Countries', { exact: true }).press('Enter');
    await expect(page.getByRole('list', { name: 'Chosen countries' }).getByRole('listitem')).toHaveText(['Tuvalu×', 'Nauru×']);

    await pick(page, 'Authors', `Ann ${word}`, `Add “Ann ${word}” as a new author`);
    await pick(page, 'Authors', 'International Organization for Mig', 'International Organization for Migration');
    await pick(page, 'Authors', `Cid ${word}`, `Add “Cid ${word}” as a new author`);
    await page.getByRole('button', { name: `Move Cid ${word} up` }).click();
    await expect(page.getByRole('button', { name: `Move Cid ${word} up` })).toBeFocused();
    const order = [`Ann ${word}`, `Cid ${word}`, 'International Organization for Migration'];
    await expect(page.getByRole('list', { name: 'Credited authors' }).getByRole('listitem')).toHaveText(order.map((n, i) => new RegExp(`^${i + 1}\\.${n}`)));

    await page.getByLabel('Status', { exact: true }).selectOption('published');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('The publication was created.')).toBeVisible();
    const editPath = new URL(page.url()).pathname;
    expect(editPath).toMatch(/^\/admin\/publications\/\d+\/edit$/);

    // The public catalogue and the detail page show it at once, authors in the chosen order.
    await page.goto(`/?q=${word}`);
    const card = page.getByRole('article');
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(order.join('; '));
    await card.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${unique} shelter standards review`);
    await expect(page.locator('article header > p').first()).toHaveText(order.join('; '));
    const countries = page.locator('dt', { hasText: 'Countries' }).locator('xpath=following-sibling::dd[1]');
    await expect(countries.getByRole('link')).toHaveText(['Nauru', 'Tuvalu']);
    const publicPath = new URL(page.url()).pathname;

    // Edit: the public page shows the change as soon as it is saved.
    await page.goto(editPath);
    await page.getByLabel('Title', { exact: true }).fill(`${unique} shelter standards review, second edition`);
    await page.getByRole('button', { name: `Move International Organization for Migration up` }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your changes were saved.')).toBeVisible();
    await page.goto(publicPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${unique} shelter standards review, second edition`);
    await expect(page.locator('article header > p').first()).toHaveText([`Ann ${word}`, 'International Organization for Migration', `Cid ${word}`].join('; '));

    // History: who, which fields, before → after.
    await page.goto(editPath.replace(/edit$/, 'history'));
    const latest = page.getByRole('main').getByRole('listitem').first();
    await expect(latest).toContainText(`Changed by ${editor.name}`);
    await expect(latest.getByRole('row', { name: /^Title/ })).toContainText(`${unique} shelter standards review, second edition`);
    await expect(page.getByText(`Created by ${editor.name}`)).toBeVisible();

    // Delete, with a confirmation step.
    await page.goto(editPath);
    await page.getByRole('link', { name: 'Delete…' }).click();
    await page.getByLabel(/I confirm/).check();
    await page.getByRole('button', { name: 'Delete publication' }).click();
    await expect(page.getByText('The publication was deleted.')).toBeVisible();
    // Gone, not missing: it was public, so harvesters and search engines are told it was withdrawn.
    expect((await page.goto(publicPath))?.status()).toBe(410);
    await page.goto(`/?q=${word}`);
    await expect(page.getByRole('heading', { name: 'No publications found' })).toBeVisible();
  });

  test('validation: an empty title and a year of 3000 are refused beside their fields, input kept', async ({ page, editor, unique }) => {
    await signIn(page, editor, '/admin/publications/new');
    await fillBasics(page, { title: '', summary: `${unique} summary that must survive`, year: '3000' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const title = page.getByLabel('Title', { exact: true });
    await expect(page.locator('#title-error')).toHaveText('Enter a title.');
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(title).toHaveAttribute('aria-describedby', /\btitle-error\b/);
    await expect(title).toBeFocused();
    const year = page.getByLabel('Year', { exact: true });
    await expect(page.locator('#year-error')).toHaveText(`Enter a year between 1900 and ${maxYear}, or leave it empty.`);
    await expect(year).toHaveAttribute('aria-describedby', /\byear-error\b/);
    await expect(year).toHaveValue('3000');
    await expect(page.getByLabel('Summary', { exact: true })).toHaveValue(`${unique} summary that must survive`);
    await expect(page).toHaveURL('/admin/publications/new');

    // Nothing was written.
    await page.goto(`/admin?q=${encodeURIComponent(unique)}`);
    await expect(page.getByText('No publications match.')).toBeVisible();
  });

  test('two editors on one publication: the second save gets the conflict, nothing is lost @js', async ({ browser, page, editor, admin, unique }) => {
    await signIn(page, editor);
    const editPath = await createThroughForm(page, { title: `${unique} labour inspection brief`, summary: 'First summary.', status: 'published' });

    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, admin, editPath);

    // Both have the form open; the editor saves first.
    await page.getByLabel('Title', { exact: true }).fill(`${unique} labour inspection brief (revised title)`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Your changes were saved.')).toBeVisible();

    // The admin's form is now stale: saving does not overwrite.
    await other.getByLabel('Summary', { exact: true }).fill('Summary written by the second editor.');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = other.getByRole('alert').filter({ hasText: 'Someone else' });
    await expect(alert).toContainText(`Someone else (${editor.name}) saved this publication after you opened it. Your changes were not saved.`);
    const titleRow = alert.getByRole('row', { name: /^Title/ });
    await expect(titleRow).toContainText(`${unique} labour inspection brief`);
    await expect(titleRow).toContainText('(revised title)');
    await expect(other.getByLabel('Summary', { exact: true })).toHaveValue('Summary written by the second editor.');

    // Re-apply: the admin's change on top of the editor's, reviewed, then saved.
    await alert.getByRole('button', { name: 'Re-apply my changes' }).click();
    await expect(other.getByRole('status').filter({ hasText: 're-applied' })).toBeFocused();
    await expect(other.getByLabel('Title', { exact: true })).toHaveValue(`${unique} labour inspection brief (revised title)`);
    await expect(other.getByLabel('Summary', { exact: true })).toHaveValue('Summary written by the second editor.');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(other.getByText('Your changes were saved.')).toBeVisible();

    // Both changes are in the public record and in the history.
    const slug = slugify(`${unique} labour inspection brief`);
    await other.goto(`/publications/${slug}`);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(`${unique} labour inspection brief (revised title)`);
    await expect(other.getByText('Summary written by the second editor.', { exact: true })).toBeVisible();
    await other.goto(editPath.replace(/edit$/, 'history'));
    await expect(other.getByRole('listitem').filter({ hasText: /^Changed by/ })).toHaveCount(2);
    await otherContext.close();
  });

  test('a draft is absent from the catalogue, the API and its page while signed out; staff can preview it', async ({ page, browser, editor, unique }) => {
    const word = unique.split(' ').at(-1)!;
    await signIn(page, editor);
    const title = `${unique} draft trafficking assessment`;
    const editPath = await createThroughForm(page, { title, summary: 'Not ready yet.', status: 'draft' });
    await page.getByRole('link', { name: 'Preview the draft' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page.goto(`/admin?status=draft&q=${encodeURIComponent(unique)}`);
    await expect(page.getByRole('link', { name: title, exact: true })).toHaveAttribute('href', editPath);

    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    await reader.goto(`/?q=${word}`);
    await expect(reader.getByRole('heading', { name: 'No publications found' })).toBeVisible();
    const api = await (await reader.request.get(`/api/publications?q=${word}`)).json();
    expect(api.total).toBe(0);
    expect((await reader.request.get(`/api/publications/${slugify(title)}`)).status()).toBe(404);
    expect((await reader.goto(`/publications/${slugify(title)}`))?.status()).toBe(404);
    await anonymous.close();
  });

  test('the publications table filters, sorts and pages through the URL, and links to edit', async ({ page, editor }) => {
    await signIn(page, editor);
    await expect(page.getByRole('heading', { level: 1, name: 'Publications' })).toBeVisible();
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Handbook' });
    await page.getByLabel('Sort', { exact: true }).selectOption('title');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/category=handbook/);
    await expect(page).toHaveURL(/sort=title/);
    const rows = page.getByRole('table').getByRole('row');
    const titles = await rows.locator('td:first-child a').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const category of await rows.locator('td:nth-child(4)').allInnerTexts()) expect(category).toBe('Handbook');

    await page.goto('/admin');
    await expect(page.getByText(/ · page 1 of \d+/)).toBeVisible();
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    const first = page.getByRole('table').locator('tbody tr td:first-child a').first();
    const name = await first.innerText();
    await first.click();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(name);
  });
});

test.describe('admin access', () => {
  test('admin pages send a signed-out visitor to sign in; signing out ends access', async ({ page, editor }) => {
    for (const path of ['/admin', '/admin/publications/new', '/admin/publications/1/edit', '/admin/publications/1/history', '/admin/users']) {
      await page.goto(path);
      await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    await signIn(page, editor);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/sign-in');
    await page.goto('/admin/publications/new');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });

  test('an editor cannot reach user management', async ({ page, editor }) => {
    await signIn(page, editor);
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    // Readable with and without JavaScript: the staff area's own boundary (app/admin/forbidden.tsx) is server-rendered.
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the admin area' })).toHaveAttribute('href', '/admin');
    expect(await response!.text()).toContain('Your account does not have access to this page.');
  });
});
