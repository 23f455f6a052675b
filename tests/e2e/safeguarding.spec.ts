import type { Page } from '@playwright/test';
import { expect, signIn, test } from './staff';

// The safeguarding check (lib/safeguarding): likely personal data stops a save that would make a
// publication public; an editor gets the findings, an admin may publish anyway with a recorded reason.

const PERSONAL = 'The survivor can be reached at maria.lopez@example.org or on +44 20 7946 0958.';

async function tryToPublish(page: Page, title: string) {
  await page.goto('/admin/publications/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Summary', { exact: true }).fill(PERSONAL);
  await page.getByLabel('Status', { exact: true }).selectOption('published');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

test.describe('the safeguarding check', () => {
  test('an editor cannot publish likely personal data: each finding is named and nothing is saved', async ({ page, editor, unique }) => {
    const word = unique.split(' ').at(-1)!;
    await signIn(page, editor, '/admin/publications/new');
    await tryToPublish(page, `${unique} case file`);
    await expect(page.getByText('This publication may show personal data to the public: it was not saved.')).toBeVisible();
    const notice = page.getByRole('region', { name: 'Possible personal data' });
    await expect(notice.getByRole('listitem')).toHaveText([
      'the summary has an e-mail address (“maria.lopez@example.org”)',
      'the summary has a phone number (“+44 20 7946 0958”)',
    ]);
    await expect(notice).toContainText('ask an admin to publish it');
    await expect(page.getByLabel('Reason to publish anyway')).toHaveCount(0);
    await expect(page.locator('#summary-error')).toContainText('Possible personal data: an e-mail address');
    // What was typed is kept; nothing was created.
    await expect(page.getByLabel('Summary', { exact: true })).toHaveValue(PERSONAL);
    const found = await (await page.request.get(`/api/publications?q=${word}`)).json();
    expect(found.total).toBe(0);

    // As a draft it saves: drafts are seen by staff only.
    await page.getByLabel('Status', { exact: true }).selectOption('draft');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('The publication was created.')).toBeVisible();
  });

  test('an admin publishes anyway with a reason, and the history keeps it', async ({ page, admin, unique }) => {
    const word = unique.split(' ').at(-1)!;
    await signIn(page, admin, '/admin/publications/new');
    await tryToPublish(page, `${unique} helpline guide`);
    const reason = 'The number and address are the national helpline’s, printed on the cover.';
    await page.getByLabel('Reason to publish anyway').fill(reason);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('The publication was created.')).toBeVisible();
    // The search index follows the change log: asked until it has caught up.
    await expect.poll(async () => (await (await page.request.get(`/api/publications?q=${word}`)).json()).total).toBe(1);
    await page.goto(new URL(page.url()).pathname.replace(/\/edit$/, '/history'));
    await expect(page.getByRole('main')).toContainText(reason);
  });
});
