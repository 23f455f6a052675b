import { randomBytes } from 'node:crypto';
import { withE2eDatabase } from './database';
import { expect, signIn, test, type Staff } from './staff';

/** Removes what these tests made through the UI: accounts (with their sessions) and categories. */
async function removeCreated({ emails = [], categorySlugs = [] }: { emails?: string[]; categorySlugs?: string[] }) {
  await withE2eDatabase(async (db) => {
    await db.session.deleteMany({ where: { user: { email: { in: emails } } } });
    await db.user.deleteMany({ where: { email: { in: emails } } });
    // Only categories no publication uses, so search is unaffected.
    await db.category.deleteMany({ where: { slug: { in: categorySlugs }, publications: { none: {} } } });
  });
}

test.describe('user management', () => {
  test('an admin creates an editor, who cannot reach user management, and is signed out once disabled', async ({ page, browser, admin }, testInfo) => {
    const javaScript = testInfo.project.use.javaScriptEnabled !== false;
    const id = randomBytes(4).toString('hex');
    const editor: Staff = {
      email: `e2e-made-editor-${id}@example.test`,
      password: `handed over ${randomBytes(6).toString('hex')}`,
      name: `E2E Made Editor ${id}`,
      role: 'editor',
    };
    try {
      await signIn(page, admin, '/admin/users');
      await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
      await expect(page.getByText('hand it over yourself', { exact: false })).toBeVisible();

      // Field errors are tied to their fields.
      await page.getByRole('button', { name: 'Create user' }).click();
      const name = page.getByLabel('Name', { exact: true });
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator(`#${await name.getAttribute('aria-describedby')}`)).toHaveText('Enter a name.');

      await name.fill(editor.name);
      await page.getByLabel('Email', { exact: true }).fill(editor.email);
      await page.getByRole('radio', { name: 'Editor' }).check();
      await page.getByLabel('Initial password').fill(editor.password);
      await page.getByRole('button', { name: 'Create user' }).click();
      await expect(page.getByRole('status')).toContainText(`Created editor ${editor.name}`);
      const row = page.getByRole('row').filter({ hasText: editor.email });
      await expect(row).toContainText('editor');
      await expect(row).toContainText('Active');

      // The editor signs in elsewhere: publications yes, user management and taxonomy no.
      const editorContext = await browser.newContext();
      const editorPage = await editorContext.newPage();
      try {
        await signIn(editorPage, editor, '/admin');
        const nav = editorPage.getByRole('navigation', { name: 'Admin' });
        await expect(nav.getByRole('link', { name: 'Publications' })).toBeVisible();
        await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
        for (const path of ['/admin/users', '/admin/taxonomy', '/admin/taxonomy/authors', '/admin/history']) {
          const response = await editorPage.goto(path);
          expect(response?.status(), path).toBe(403);
          // Next 16 sends a forbidden() page from a dynamic route as a shell that only JavaScript fills in
          // (as with notFound(), see proxy.ts): without JavaScript the 403 body is empty, but never the page.
          if (javaScript) await expect(editorPage.getByRole('heading', { level: 1, name: 'Not allowed' }), path).toBeVisible();
          await expect(editorPage.getByRole('main').getByRole('heading', { level: 1 }).filter({ hasNotText: 'Not allowed' }), path).toHaveCount(0);
          expect(await response?.text(), path).not.toContain(admin.email);
        }

        // The admin disables the editor: their very next request is signed out.
        await page.reload();
        await page.getByRole('row').filter({ hasText: editor.email }).getByRole('button', { name: /^Disable/ }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Disabled' })).toContainText('1 session(s) ended');
        await expect(page.getByRole('row').filter({ hasText: editor.email })).toContainText('Disabled');

        await editorPage.goto('/admin');
        await expect(editorPage).toHaveURL(/\/sign-in\?next=%2Fadmin/);
        await expect(editorPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
        // And cannot sign in again.
        await editorPage.getByLabel('Email').fill(editor.email);
        await editorPage.getByLabel('Password').fill(editor.password);
        await editorPage.getByRole('button', { name: 'Sign in' }).click();
        await expect(editorPage.getByText('The email or password is not right.')).toBeVisible();
      } finally {
        await editorContext.close();
      }
    } finally {
      await removeCreated({ emails: [editor.email] });
    }
  });

  test('admin pages are private and noindex when signed in', async ({ page, admin }) => {
    await signIn(page, admin, '/admin/users');
    for (const path of ['/admin/users', '/admin/taxonomy', '/admin/history']) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expect(headers['cache-control'], path).toMatch(/private/);
      expect(headers['cache-control'], path).toMatch(/no-store/);
      expect(headers['cache-control'], path).not.toMatch(/public/);
      expect(headers['x-robots-tag'], path).toContain('noindex');
      expect(await response.text(), path).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    }
  });
});

test.describe('taxonomy and history', () => {
  test('an admin adds and renames a category, and the history shows before → after', async ({ page, admin }) => {
    const id = randomBytes(3).toString('hex');
    const slug = `e2e-category-${id}`;
    try {
      await signIn(page, admin, '/admin/taxonomy');
      await expect(page.getByRole('heading', { level: 1, name: 'Taxonomy' })).toBeVisible();
      await page.getByLabel('Name of the new category').fill(`E2E category ${id}`);
      await page.getByRole('button', { name: 'Add category' }).click();
      await expect(page.getByRole('status')).toHaveText(`Created “E2E category ${id}”.`);

      await page.getByRole('link', { name: `E2E category ${id}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: `E2E category ${id}` })).toBeVisible();
      const slugField = page.getByLabel('Slug', { exact: true });
      await expect(slugField).toHaveValue(slug);
      await page.getByLabel('Name', { exact: true }).fill(`E2E renamed ${id}`);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status')).toHaveText('Saved.');
      await expect(page.getByRole('heading', { level: 1, name: `E2E renamed ${id}` })).toBeVisible();
      await expect(slugField).toHaveValue(slug);

      // A merge needs its confirmation box ticked.
      await page.getByLabel(/Merge “E2E renamed/).selectOption({ label: 'Report (report)' });
      await page.getByRole('button', { name: 'Merge' }).click();
      await expect(page.getByText('Tick the box to confirm.')).toBeVisible();

      await page.getByRole('main').getByRole('link', { name: 'History' }).click();
      await expect(page).toHaveURL(/\/admin\/history\?entity=category&entityId=\d+/);
      const rename = page.getByRole('article').filter({ hasText: 'update' });
      await expect(rename.getByRole('row', { name: /Name/ })).toContainText(`E2E category ${id}`);
      await expect(rename.getByRole('row', { name: /Name/ })).toContainText(`E2E renamed ${id}`);
      await expect(page.getByRole('article').filter({ hasText: 'create' })).toContainText(slug);
    } finally {
      await removeCreated({ categorySlugs: [slug] });
    }
  });

  test('the history filters by entity and action, and the author pages list and find', async ({ page, admin }) => {
    await signIn(page, admin, '/admin/history');
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    await page.goto('/admin/history?entity=nonsense&action=drop&page=999');
    await expect(page.getByRole('heading', { level: 2, name: /changes? ·|No changes recorded|\d+ change/ })).toBeVisible();

    await page.goto('/admin/taxonomy/authors?q=walk');
    await expect(page.getByRole('row').filter({ hasText: 'Walk Free Foundation' })).toBeVisible();
    await page.getByRole('link', { name: 'Walk Free Foundation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Walk Free Foundation' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Merge into another author' })).toBeVisible();
    await expect(page.getByLabel('Merge “Walk Free Foundation” into')).toContainText('Walk Free (walk-free)');
  });
});
