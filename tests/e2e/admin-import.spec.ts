import { expect, signIn, test } from './staff';

test.describe('admin import', () => {
  test('upload a CSV, read the preview, apply, see the records in the catalogue', async ({ page, editor, unique }) => {
    const csv = [
      'title,summary,countries,regions,authors,year,category,language,url',
      `"${unique} first report","A study of recruitment fees, imported from a CSV.",Bosnia;Herzegovina,South-Eastern Europe,IOM,2021,Report,en,`,
      `"${unique} second handbook","Guidance for labour inspectors, imported too.",FYROM;Serbia,,International Labour Organization,2020,Handbook,en,`,
    ].join('\n');

    await signIn(page, editor, '/admin/import');
    await page.getByLabel('File').setInputFiles({ name: 'e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect(page).toHaveURL(/\/admin\/import\?upload=/);

    // The preview says what would happen and what the normalizer did, and writes nothing.
    await expect(page.getByText(/2 records to create/i).first()).toBeVisible();
    await expect(page.getByText(/Bosnia \+ Herzegovina/).first()).toBeVisible();
    await expect(page.getByText(/North Macedonia/).first()).toBeVisible();
    const before = await (await page.request.get(`/api/publications?q=${encodeURIComponent(unique.split(' ').at(-1)!)}`)).json();
    expect(before.total).toBe(0);

    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect(page.getByRole('status')).toContainText('2 created');

    await page.goto(`/?q=${encodeURIComponent(unique.split(' ').at(-1)!)}`);
    await expect(page.getByRole('article')).toHaveCount(2);
    const first = page.getByRole('article').filter({ hasText: 'first report' });
    await expect(first).toContainText('Bosnia and Herzegovina');
    const second = page.getByRole('article').filter({ hasText: 'second handbook' });
    await expect(second).toContainText('North Macedonia');
    await expect(second).toContainText('Handbook');
  });

  test('an empty file is refused with a clear message and nothing is written', async ({ page, editor }) => {
    await signIn(page, editor, '/admin/import');
    await page.getByLabel('File').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect(page.getByText(/The file is empty/)).toBeVisible();
  });
});
