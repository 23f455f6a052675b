// Before the end-to-end servers start: an empty database at E2E_DATABASE_URL (the SQLite file removed,
// or the PostgreSQL database dropped and created again), then prepared as `npm start` prepares one.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { databaseName, providerOf, sqliteFilePath, withDatabase } from '@/lib/database-url';

const url = process.env.E2E_DATABASE_URL;
if (!url) throw new Error('E2E_DATABASE_URL is not set (playwright.config.ts sets it)');

if (providerOf(url) === 'sqlite') {
  rmSync(sqliteFilePath(url), { force: true });
} else {
  const database = databaseName(url);
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}
execFileSync('node_modules/.bin/tsx', ['scripts/prepare-db.ts'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' });
