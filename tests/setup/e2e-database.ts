// Before the end-to-end servers start: an empty database at E2E_DATABASE_URL (the SQLite file removed,
// or the PostgreSQL database dropped and created again), then prepared as `npm start` prepares one.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { providerOf, sqliteFilePath } from '@/lib/env';

const url = process.env.E2E_DATABASE_URL;
if (!url) throw new Error('E2E_DATABASE_URL is not set (playwright.config.ts sets it)');

if (providerOf(url) === 'sqlite') {
  rmSync(sqliteFilePath(url), { force: true });
} else {
  const database = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}
execFileSync('node_modules/.bin/tsx', ['scripts/prepare-db.ts'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' });
