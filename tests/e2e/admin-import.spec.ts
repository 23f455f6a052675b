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

  test('a file with a rejected record is all or nothing, unless the importer applies the others without it', async ({ page, editor, unique }) => {
    const word = unique.split(' ').at(-1)!;
    const csv = [
      'title,summary,countries,regions,authors,year,category,language,url',
      `"${unique} good","A record that can be written.",Serbia,,,2021,Report,en,`,
      `"${unique} bad","A record whose year is not a year.",Serbia,,,20x1,Report,en,`,
    ].join('\n');
    await signIn(page, editor, '/admin/import');
    await page.getByLabel('File').setInputFiles({ name: 'some-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect(page.getByText('“20x1” is not a year').first()).toBeVisible();
    // No plain "Apply import": the default stays all or nothing.
    await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Apply without the 1 rejected record' }).click();
    await expect(page.getByRole('status')).toContainText('1 created, 0 updated, 0 unchanged; 1 rejected record left out.');
    const found = await (await page.request.get(`/api/publications?q=${encodeURIComponent(word)}`)).json();
    expect(found.items.map((i: { title: string }) => i.title)).toEqual([`${unique} good`]);
  });

  test('an empty file is refused with a clear message and nothing is written', async ({ page, editor }) => {
    await signIn(page, editor, '/admin/import');
    await page.getByLabel('File').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect(page.getByText(/The file is empty/)).toBeVisible();
  });
});
