import { randomBytes } from 'node:crypto';
import { deletePublication } from '@/lib/publications/save';
import { inE2eTransaction, withE2eDatabase } from './database';
import { expect, signIn, test } from './staff';

/** Only entries no publication uses, so search is unaffected. */
async function removeCreated({ categorySlug, regionSlug }: { categorySlug: string; regionSlug: string }) {
  await withE2eDatabase(async (db) => {
    await db.category.deleteMany({ where: { slug: categorySlug, publications: { none: {} } } });
    await db.region.deleteMany({ where: { slug: regionSlug, publications: { none: {} } } });
  });
}

test.describe('French and Spanish names in the taxonomy', () => {
  test('an admin gives a new category French and Spanish names, edits them, and the history shows before → after', async ({ page, admin }) => {
    const id = randomBytes(3).toString('hex');
    const slug = `e2e-named-${id}`;
    try {
      await signIn(page, admin, '/admin/taxonomy');
      const create = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add category' }) });
      await create.getByLabel('Name of the new category').fill(`E2E named ${id}`);
      await create.getByLabel('French name (optional)').fill(`Nommée ${id}`);
      await create.getByLabel('Spanish name (optional)').fill(`Nombrada ${id}`);
      await create.getByRole('button', { name: 'Add category' }).click();
      await expect(page.getByRole('status')).toHaveText(`Created “E2E named ${id}”.`);
      const row = page.getByRole('row').filter({ hasText: `E2E named ${id}` });
      await expect(row.getByRole('cell', { name: `Nommée ${id}` })).toHaveAttribute('lang', 'fr');
      await expect(row.getByRole('cell', { name: `Nombrada ${id}` })).toHaveAttribute('lang', 'es');

      await row.getByRole('link', { name: `E2E named ${id}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: `E2E named ${id}` })).toBeVisible();
      const french = page.getByLabel('French name (optional)');
      const spanish = page.getByLabel('Spanish name (optional)');
      await expect(french).toHaveValue(`Nommée ${id}`);
      await expect(spanish).toHaveValue(`Nombrada ${id}`);

      // Refused: the message is tied to its field, and what was typed stays.
      await french.fill('É'.repeat(201));
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(french).toHaveAttribute('aria-invalid', 'true');
      const describedBy = (await french.getAttribute('aria-describedby'))!.split(' ');
      await expect(page.locator(`[id="${describedBy.at(-1)}"]`)).toHaveText('Use at most 200 characters.');
      await expect(french).toHaveValue('É'.repeat(201));

      await french.fill('');
      await spanish.fill(`Renombrada ${id}`);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status')).toHaveText('Saved.');
      await expect(french).toHaveValue('');
      await expect(spanish).toHaveValue(`Renombrada ${id}`);
      await expect(french).not.toHaveAttribute('aria-invalid', 'true');

      await page.getByRole('main').getByRole('link', { name: 'History' }).click();
      const update = page.getByRole('article').filter({ hasText: 'update' });
      await expect(update.getByRole('row', { name: /Spanish name/ })).toContainText(`Nombrada ${id}`);
      await expect(update.getByRole('row', { name: /Spanish name/ })).toContainText(`Renombrada ${id}`);
      await expect(update.getByRole('row', { name: /French name/ })).toContainText(`Nommée ${id}`);
      await expect(page.getByRole('article').filter({ hasText: 'create' }).getByRole('row', { name: /French name/ })).toContainText(`Nommée ${id}`);

      await withE2eDatabase(async (db) => {
        expect(await db.category.findUniqueOrThrow({ where: { slug } })).toMatchObject({ nameFr: null, nameEs: `Renombrada ${id}` });
      });
    } finally {
      await removeCreated({ categorySlug: slug, regionSlug: `e2e-region-${id}` });
    }
  });

  test('an admin translates a new region, and a French name another region has is refused', async ({ page, admin }) => {
    const id = randomBytes(3).toString('hex');
    const regionSlug = `e2e-region-${id}`;
    try {
      await signIn(page, admin, '/admin/taxonomy');
      const create = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add region' }) });
      await create.getByLabel('Name of the new region').fill(`E2E region ${id}`);
      await create.getByLabel('French name (optional)').fill('Océanie');
      await create.getByRole('button', { name: 'Add region' }).click();
      const french = create.getByLabel('French name (optional)');
      await expect(french).toHaveAttribute('aria-invalid', 'true');
      await expect(create.getByText('The region “Oceania” is already called “Océanie” in French.')).toBeVisible();

      await french.fill(`Région ${id}`);
      await create.getByLabel('Spanish name (optional)').fill(`Región ${id}`);
      await create.getByRole('button', { name: 'Add region' }).click();
      await expect(page.getByRole('status')).toHaveText(`Created “E2E region ${id}”.`);

      await page.getByRole('link', { name: `E2E region ${id}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: `E2E region ${id}` })).toBeVisible();
      await expect(page.getByLabel('French name (optional)')).toHaveValue(`Région ${id}`);
      await page.getByLabel('Spanish name (optional)').fill(`Región del test ${id}`);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status')).toHaveText('Saved.');
      await expect(page.getByLabel('Spanish name (optional)')).toHaveValue(`Región del test ${id}`);
    } finally {
      await removeCreated({ categorySlug: `e2e-named-${id}`, regionSlug });
    }
  });

  // The new-category fields appear when "Add a new category…" is chosen, which needs JavaScript.
  test('an editor files a publication under a new category with its French and Spanish names @js', async ({ page, editor, unique }) => {
    const word = unique.split(' ').at(-1)!;
    const slug = `e2e-new-${word}`;
    try {
      await signIn(page, editor, '/admin/publications/new');
      await page.getByLabel('Title', { exact: true }).fill(`${unique} translated category record`);
      await page.getByLabel('Summary', { exact: true }).fill('A record filed under a category made with it.');
      await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Add a new category…' });
      await page.getByLabel('Name of the new category').fill(`E2E new ${word}`);
      await page.getByLabel('Its French name (optional)').fill(`Nouvelle ${word}`);
      await page.getByLabel('Its Spanish name (optional)').fill(`Nueva ${word}`);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByText('The publication was created.')).toBeVisible();
      await withE2eDatabase(async (db) => {
        expect(await db.category.findUniqueOrThrow({ where: { slug } })).toMatchObject({ name: `E2E new ${word}`, nameFr: `Nouvelle ${word}`, nameEs: `Nueva ${word}` });
      });
    } finally {
      await withE2eDatabase(async (db) => {
        const left = await db.publication.findMany({ where: { category: { slug } }, select: { id: true } });
        for (const { id } of left) await inE2eTransaction((tx) => deletePublication(tx, { id }));
        await db.category.deleteMany({ where: { slug, publications: { none: {} } } });
      });
    }
  });
});
