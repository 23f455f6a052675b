import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { deletePublication } from '@/lib/publications/save';
import { E2E_DATABASE_URL, inE2eTransaction, withE2eDatabase } from './database';
import { test as base, expect } from './fixtures';

export type Staff = { email: string; password: string; name: string; role: 'admin' | 'editor' };

/** A staff account made with the real CLI (`npm run user:create`), in the e2e database. */
export function createStaff(role: Staff['role'], label: string): Staff {
  const id = randomBytes(4).toString('hex');
  const staff: Staff = {
    email: `e2e-${role}-${label}-${id}@example.test`,
    password: `e2e password ${randomBytes(8).toString('hex')}`,
    name: `E2E ${role} ${id}`,
    role,
  };
  execFileSync('node_modules/.bin/tsx', ['scripts/user-create.ts', '--email', staff.email, '--name', staff.name, '--role', role], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, CATALOGUE_PASSWORD: staff.password },
    stdio: 'pipe',
  });
  return staff;
}

/** Deletes the accounts and, through the same path as the app, any publication a test left behind. */
async function cleanUp(emails: string[], titlePrefix: string) {
  await withE2eDatabase(async (db) => {
    const left = await db.publication.findMany({ where: { title: { startsWith: titlePrefix } }, select: { id: true } });
    for (const { id } of left) await inE2eTransaction((tx) => deletePublication(tx, { id }));
    await db.session.deleteMany({ where: { user: { email: { in: emails } } } });
    await db.user.deleteMany({ where: { email: { in: emails } } });
  });
}

/** Every publication these tests create has a title starting with this, so leftovers can be found. */
export const E2E_TITLE = 'E2E';

/** A made-up word found in no sample record. */
export function madeUpWord(): string {
  return `zq${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

export const test = base.extend<{ unique: string }, { editor: Staff; admin: Staff }>({
  editor: [
    async ({}, provide, workerInfo) => {
      const staff = createStaff('editor', `w${workerInfo.workerIndex}`);
      await provide(staff);
      await cleanUp([staff.email], `${E2E_TITLE} w${workerInfo.workerIndex} `);
    },
    { scope: 'worker' },
  ],
  admin: [
    async ({}, provide, workerInfo) => {
      const staff = createStaff('admin', `w${workerInfo.workerIndex}`);
      await provide(staff);
      await cleanUp([staff.email], `${E2E_TITLE} w${workerInfo.workerIndex} `);
    },
    { scope: 'worker' },
  ],
  /** The start of a title this test creates: the cleanup prefix and a word found nowhere else. */
  unique: async ({}, provide, testInfo) => {
    await provide(`${E2E_TITLE} w${testInfo.workerIndex} ${madeUpWord()}`);
  },
});

export { expect };

export async function signIn(page: Page, staff: Staff, next = '/admin', origin = '') {
  await page.goto(`${origin}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${origin}${next}`);
}
