// Integration: `npm start`'s database preparation, run as `npm start` runs it, on a real database of the
// provider under test (SQLite files in a temp folder, or new databases on the PostgreSQL server).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteFilePath } from '@/lib/database-url';
import { createPrismaClient } from '@/lib/prisma-client';
import { createEmptyDatabase, testProvider } from '@/tests/setup/databases';

const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'ct-prepare-db-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A database that has never been created: a file name on SQLite, an empty new database on PostgreSQL. */
async function missingDatabase(name: string): Promise<string> {
  return testProvider() === 'sqlite' ? `file:${path.join(tmp, `${name}.db`)}` : createEmptyDatabase(name);
}

async function prepare(url: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['scripts/prepare-db.ts', ...args], { env: { ...process.env, DATABASE_URL: url, ...env } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

async function counts(url: string) {
  const db = createPrismaClient(url);
  try {
    return { publications: await db.publication.count(), users: await db.user.count() };
  } finally {
    await db.$disconnect();
  }
}

describe('scripts/prepare-db.ts --start (npm start)', () => {
  it('never creates a missing database unless told this is the first run, then loads the samples once', async () => {
    const url = await missingDatabase('start');
    const refused = await prepare(url, ['--start']);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/No catalogue database at .*: nothing was created\./);
    expect(refused.output).toContain('CATALOGUE_FIRST_RUN=1');
    if (testProvider() === 'sqlite') expect(existsSync(sqliteFilePath(url))).toBe(false);

    const first = await prepare(url, ['--start'], { CATALOGUE_FIRST_RUN: '1' });
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/Loaded \d+ sample publications into the new catalogue\./);
    expect(first.output).toMatch(/\(created now\): \d+ publications, 0 staff accounts\./);
    const seeded = await counts(url);
    expect(seeded.publications).toBeGreaterThan(50);

    // Emptied by its staff: a restart, even a first-run one, does not fill it with samples again.
    const db = createPrismaClient(url);
    await db.publication.deleteMany();
    await db.$disconnect();
    for (const env of [{}, { CATALOGUE_FIRST_RUN: '1' }] as Record<string, string>[]) {
      const again = await prepare(url, ['--start'], env);
      expect(again.code, again.output).toBe(0);
      expect(again.output).not.toContain('sample publications');
      expect(again.output).toContain(': 0 publications, 0 staff accounts.');
      expect(again.output).toContain('The catalogue is empty and has no staff accounts: is this the database you meant?');
    }
    expect((await counts(url)).publications).toBe(0);
  }, 120_000);

  it('in development (no --start) creates and fills a new database, as `npm run dev` promises', async () => {
    const url = await missingDatabase('dev');
    const dev = await prepare(url, []);
    expect(dev.code, dev.output).toBe(0);
    expect((await counts(url)).publications).toBeGreaterThan(50);
  }, 120_000);
});
