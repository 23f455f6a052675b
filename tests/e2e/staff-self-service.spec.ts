import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { withE2eDatabase } from './database';
import { createStaff, expect, signIn, test, type Staff } from './staff';

// New passwords look like the run's other staff passwords, so the log check (tests/setup/e2e-log-check.ts) would find them.
const newPassword = () => `e2e password ${randomBytes(8).toString('hex')}`;

async function tryToSignIn(page: Page, staff: Staff): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('staff self-service', () => {
  test('a staff member changes their password: every session ends, the old one stops working', async ({ page }) => {
    const me = createStaff('editor', 'self');
    try {
      await signIn(page, me, '/admin/account');
      await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
      await page.getByLabel('Current password').fill('this is not my password');
      const next = newPassword();
      await page.getByLabel('New password', { exact: true }).fill(next);
      await page.getByLabel('New password again').fill(next);
      await page.getByRole('button', { name: 'Change password' }).click();
      const current = page.getByLabel('Current password');
      await expect(current).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator(`#${await current.getAttribute('aria-describedby')}`)).toHaveText('That is not your current password.');

      await page.getByLabel('Current password').fill(me.password);
      await page.getByLabel('New password', { exact: true }).fill(next);
      await page.getByLabel('New password again').fill(next);
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect(page).toHaveURL('/sign-in?notice=password-changed');
      await expect(page.getByRole('status')).toContainText('every session of your account ended');

      await tryToSignIn(page, me);
      await expect(page.locator('form [role="alert"]')).toHaveText('The email or password is not right.');
      await signIn(page, { ...me, password: next }, '/admin');
    } finally {
      await withE2eDatabase((db) => db.user.deleteMany({ where: { email: me.email } }));
    }
  });

  test('an admin issues a one-time reset link; it sets a new password once', async ({ page, browser, admin }) => {
    const forgetful = createStaff('editor', 'forgot');
    try {
      await signIn(page, admin, '/admin/users');
      const row = page.getByRole('row').filter({ hasText: forgetful.email });
      await row.getByRole('button', { name: `Issue a password reset link (${forgetful.name})` }).click();
      const field = page.getByLabel(`Reset link for ${forgetful.name}`);
      await expect(field).toHaveValue(/\/reset-password\/[\w-]{43}$/);
      const link = new URL(await field.inputValue());

      const reader = await browser.newContext();
      const other = await reader.newPage();
      try {
        await other.goto(link.pathname);
        await expect(other.getByRole('heading', { level: 1, name: 'Set a new password' })).toBeVisible();
        const password = newPassword();
        await other.getByLabel('New password', { exact: true }).fill(password);
        await other.getByLabel('New password again').fill(password);
        await other.getByRole('button', { name: 'Set password' }).click();
        await expect(other).toHaveURL('/sign-in?notice=password-reset');
        await signIn(other, { ...forgetful, password }, '/admin');

        // Used: the link says so, and offers nothing to type into.
        const again = await reader.newPage();
        await again.goto(link.pathname);
        await expect(again.getByRole('main').getByRole('alert')).toContainText('This link does not work (any more)');
        await expect(again.getByLabel('New password', { exact: true })).toHaveCount(0);
      } finally {
        await reader.close();
      }
    } finally {
      await withE2eDatabase(async (db) => {
        await db.session.deleteMany({ where: { user: { email: forgetful.email } } });
        await db.user.deleteMany({ where: { email: forgetful.email } });
      });
    }
  });

  test('the account page and a reset page have no accessibility violations @js', async ({ page, editor }) => {
    const violations = async () => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
    await signIn(page, editor, '/admin/account');
    expect(await violations()).toEqual([]);
    await page.goto(`/reset-password/${'x'.repeat(43)}`);
    expect(await violations()).toEqual([]);
    const response = await page.request.get(`/reset-password/${'x'.repeat(43)}`);
    expect(response.headers()['cache-control']).toBe('private, no-store');
    expect(response.headers()['x-robots-tag']).toBe('noindex, nofollow');
  });
});
