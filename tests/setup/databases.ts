// Test databases on either provider. TEST_DATABASE_URL picks the server: a postgres:// URL runs the
// suite on PostgreSQL (one database per test file, copied from a migrated and seeded template);
// otherwise SQLite files in a temp folder.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseName, providerOf, withDatabase } from '@/lib/database-url';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL?.trim() || null;
export const testProvider = (): 'sqlite' | 'postgresql' =>
  TEST_SERVER_URL && providerOf(TEST_SERVER_URL) === 'postgresql' ? 'postgresql' : 'sqlite';

/** Every database a test run creates on PostgreSQL starts with this, so the run can drop them all. */
const PREFIX = 'ct_test_';

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL! });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database: its URL. */
export async function createEmptyDatabase(label = 'db'): Promise<string> {
  if (testProvider() === 'sqlite') {
    return `file:${path.join(mkdtempSync(path.join(tmpdir(), `ct-catalogue-${label}-`)), 'catalogue.db')}`;
  }
  const name = `${PREFIX}${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`));
  return withDatabase(TEST_SERVER_URL!, name);
}

/** A copy of the database at `templateUrl` (nobody may be connected to it): its URL. */
export async function copyDatabase(templateUrl: string, label = 'copy'): Promise<string> {
  if (testProvider() === 'sqlite') {
    const file = path.join(mkdtempSync(path.join(tmpdir(), `ct-catalogue-${label}-`)), 'catalogue.db');
    copyFileSync(templateUrl.slice('file:'.length), file);
    return `file:${file}`;
  }
  const template = databaseName(templateUrl);
  const name = `${PREFIX}${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  // Two copies of one template at the same moment are refused ("source database is being accessed"): retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await onServer((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      return withDatabase(TEST_SERVER_URL!, name);
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}

/** Drops every database this run created on the PostgreSQL server. */
export async function dropTestDatabases(): Promise<void> {
  if (testProvider() === 'sqlite') return;
  await onServer(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
