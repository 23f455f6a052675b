import type { Page } from '@playwright/test';
import { upsertPublication } from '@/lib/publications/save';
import { slugify } from '../../lib/text';
import { inE2eTransaction } from './database';
import { expect, signIn, test } from './staff';

// Two publications of one work, in English and French, made the way seed and import make them (without
// authors: two workers creating one new author at once race on its slug); the staff link them through the
// form. The tests tagged @js use the type-ahead; the others run in both projects, with and without JavaScript.

async function twoLanguages(unique: string) {
  const word = unique.split(' ').at(-1)!;
  const make = (title: string, language: string) =>
    inE2eTransaction((tx) =>
      upsertPublication(tx, { title, summary: `About ${word}.`, year: 2021, category: null, countries: [], regions: [], authors: [], languages: [language] }),
    );
  const en = { title: `${unique} handbook`, id: await make(`${unique} handbook`, 'en') };
  const fr = { title: `${unique} manuel`, id: await make(`${unique} manuel`, 'fr') };
  return { word, en: { ...en, slug: slugify(en.title) }, fr: { ...fr, slug: slugify(fr.title) } };
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Your changes were saved.')).toBeVisible();
}

test.describe('translations of one work', () => {
  test('staff link two publications with the type-ahead; each public page links the other in its own language @js', async ({ page, editor, unique }) => {
    const { en, fr } = await twoLanguages(unique);
    await signIn(page, editor, `/admin/publications/${en.id}/edit`);
    await page.getByLabel('Link a publication (its address or title)').fill(`${unique} man`);
    await page.getByRole('option', { name: `${fr.title} (French)` }).click();
    await expect(page.getByRole('checkbox', { name: `${fr.title} (French)` })).toBeChecked();
    await save(page);
    await expect(page.getByRole('checkbox', { name: `${fr.title} (French)` })).toBeChecked();

    await page.goto(`/publications/${en.slug}`);
    const french = page.locator('#main').getByRole('link', { name: 'Français' });
    await expect(page.getByText('Also available in:')).toBeVisible();
    await expect(french).toHaveAttribute('hreflang', 'fr');
    await expect(french).toHaveAttribute('lang', 'fr');
    await french.click();
    await expect(page).toHaveURL(`/publications/${fr.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.title);
    await page.locator('#main').getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(`/publications/${en.slug}`);

    // The history of the other member records the link too.
    await page.goto(`/admin/publications/${fr.id}/history`);
    await expect(page.getByText(en.slug).first()).toBeVisible();
  });

  test('staff link by address and unlink by unticking; the catalogue groups the work, and the toggle separates it', async ({ page, editor, unique }) => {
    const { word, en, fr } = await twoLanguages(unique);
    await signIn(page, editor, `/admin/publications/${fr.id}/edit`);
    await page.getByLabel('Link a publication (its address or title)').fill(en.slug);
    await save(page);
    await expect(page.getByRole('checkbox', { name: `${en.title} (English)` })).toBeChecked();

    await page.goto(`/?q=${word}`);
    await expect(page.locator('#results-heading')).toHaveText('2 publications in 1 result');
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(1);
    const other = cards.getByRole('link', { name: /^(English|Français)$/ });
    await expect(other).toHaveCount(1);
    await page.getByRole('link', { name: 'List each translation separately' }).click();
    await expect(page).toHaveURL(`/?q=${word}&translations=separate`);
    await expect(page.locator('#results-heading')).toHaveText('2 publications');
    await expect(cards).toHaveCount(2);
    await page.getByRole('link', { name: 'Group translations of the same work' }).click();
    await expect(page).toHaveURL(`/?q=${word}`);
    await expect(cards).toHaveCount(1);
    await other.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/handbook|manuel/);

    await page.goto(`/admin/publications/${fr.id}/edit`);
    await page.getByRole('checkbox', { name: `${en.title} (English)` }).uncheck();
    await save(page);
    await expect(page.getByRole('checkbox', { name: `${en.title} (English)` })).toHaveCount(0);
    await page.goto(`/publications/${en.slug}`);
    await expect(page.getByText('Also available in:')).toHaveCount(0);
    await page.goto(`/?q=${word}`);
    await expect(page.locator('#results-heading')).toHaveText('2 publications');
  });

  test('a second publication in the same language is refused with a message naming both', async ({ page, editor, unique }) => {
    const { en } = await twoLanguages(unique);
    const other = `${unique} guide`;
    const otherId = await inE2eTransaction((tx) =>
      upsertPublication(tx, { title: other, summary: 'Another.', year: 2021, category: null, countries: [], regions: [], authors: [], languages: ['en'] }),
    );
    await signIn(page, editor, `/admin/publications/${otherId}/edit`);
    await page.getByLabel('Link a publication (its address or title)').fill(en.slug);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.locator('#translations-error')).toHaveText(`“${en.title}” and this publication are both in English: a work has one publication per language.`);
  });
});
