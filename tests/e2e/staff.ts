import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures';

// The database the Playwright web server runs on (see playwright.config.ts).
const E2E_DATABASE = 'tests/.tmp/e2e.db';

export type Staff = { email: string; password: string; name: string; role: 'admin' | 'editor' };

/** A staff account made with the real CLI (`npm run user:create`), in the e2e database. */
function createStaff(role: Staff['role'], label: string): Staff {
  const id = randomBytes(4).toString('hex');
  const staff: Staff = {
    email: `e2e-${role}-${label}-${id}@example.test`,
    password: `e2e password ${randomBytes(8).toString('hex')}`,
    name: `E2E ${role} ${id}`,
    role,
  };
  execFileSync('node_modules/.bin/tsx', ['scripts/user-create.ts', '--email', staff.email, '--name', staff.name, '--role', role], {
    env: { ...process.env, DATABASE_URL: `file:./${E2E_DATABASE}`, CATALOGUE_PASSWORD: staff.password },
    stdio: 'pipe',
  });
  return staff;
}

/** Deletes the accounts and, through the same path as the app, any publication a test left behind. */
function cleanUp(emails: string[], titlePrefix: string) {
  const db = new Database(E2E_DATABASE);
  try {
    db.pragma('busy_timeout = 10000');
    db.transaction(() => {
      const left = db.prepare('SELECT id FROM "Publication" WHERE title LIKE ?').all(`${titlePrefix}%`) as { id: number }[];
      for (const { id } of left) {
        db.prepare('DELETE FROM "Publication" WHERE id = ?').run(id);
        db.prepare('DELETE FROM "PublicationSearch" WHERE rowid = ?').run(id);
        db.prepare('INSERT INTO "CatalogueChange" ("publicationId", "createdAt") VALUES (?, ?)').run(id, new Date().toISOString());
      }
      for (const email of emails) {
        db.prepare('DELETE FROM "Session" WHERE "userId" IN (SELECT id FROM "User" WHERE email = ?)').run(email);
        db.prepare('DELETE FROM "User" WHERE email = ?').run(email);
      }
    })();
  } finally {
    db.close();
  }
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
      cleanUp([staff.email], `${E2E_TITLE} w${workerInfo.workerIndex} `);
    },
    { scope: 'worker' },
  ],
  admin: [
    async ({}, provide, workerInfo) => {
      const staff = createStaff('admin', `w${workerInfo.workerIndex}`);
      await provide(staff);
      cleanUp([staff.email], `${E2E_TITLE} w${workerInfo.workerIndex} `);
    },
    { scope: 'worker' },
  ],
  /** The start of a title this test creates: the cleanup prefix and a word found nowhere else. */
  unique: async ({}, provide, testInfo) => {
    await provide(`${E2E_TITLE} w${testInfo.workerIndex} ${madeUpWord()}`);
  },
});

export { expect };

export async function signIn(page: Page, staff: Staff, next = '/admin') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(next);
}
