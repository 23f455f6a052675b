// PostgreSQL for `npm run bench -- --db postgres`: the server (BENCH_POSTGRES_URL, or a throwaway cluster
// that scripts/postgres.sh starts on port 5434 and the benchmark stops at the end), and on it the same
// synthetic catalogue as the cached SQLite file, in a database named bench_<n>_v<GENERATOR_VERSION>.
//
// The database is migrated with the real PostgreSQL migrations (lib/migrate.ts), then every catalogue
// table is copied from the SQLite file in batches (one INSERT … SELECT FROM unnest(<one array per column>)
// of BATCH_ROWS rows; ids kept), the full-text table is filled in one statement with lib/sql/postgres.ts's
// own text (checked on a sample through readSearchText), the id sequences are moved past the copied ids,
// a CatalogueChange with no publication is appended (rebuild everything) and the tables are analysed.
// It is built as bench_<n>_v<version>_partial and renamed at the end, so a database with the final name
// is complete: on a server of your own (BENCH_POSTGRES_URL) it is kept and reused while the migrations match.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describeDatabase, withDatabase } from '@/lib/database-url';
import { migrateDatabase, MIGRATIONS_DIRS } from '@/lib/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import type { SearchText } from '@/lib/sql/dialect';
import { insertSearchRows, postgresDialect } from '@/lib/sql/postgres';
import { APPLIED_MIGRATIONS, checkSearchSample, sameMigrations, type Progress } from './generate';
import { GENERATOR_VERSION } from './matrix';

const SCRIPT = fileURLToPath(new URL('../scripts/postgres.sh', import.meta.url));
/** The throwaway cluster's port: the benchmark's own (other work uses 5433). */
export const BENCH_PG_PORT = 5434;
const BENCH_PG_DIR = `/tmp/ct-catalogue-pg-${BENCH_PG_PORT}`;

/** The catalogue's tables in foreign-key order: everything the generator writes but the change log and full text. */
const TABLES = [
  'Country',
  'Region',
  'CountryRegion',
  'Category',
  'Author',
  'Publication',
  'PublicationCountry',
  'PublicationRegion',
  'PublicationAuthor',
  'PublicationLanguage',
  'PublicationFile',
] as const;
/** Tables whose ids come from a sequence, which must continue after the copied ids. */
const SERIAL_TABLES = ['Region', 'Category', 'Author', 'Publication', 'PublicationFile'] as const;
const BATCH_ROWS = 5000;
/** Files carry their whole text (~130 KB each): fewer a batch, so that one INSERT stays a few tens of MB. */
const BATCH_ROWS_OF: Partial<Record<(typeof TABLES)[number], number>> = { PublicationFile: 200 };

// --- the server --------------------------------------------------------------------------------------

export type PostgresServer = { url: string; owned: boolean };

let ownCluster = false;

const clusterEnv = () => ({ ...process.env, PG_PORT: String(BENCH_PG_PORT), PG_DIR: BENCH_PG_DIR });

/** BENCH_POSTGRES_URL, or a fresh throwaway cluster on 127.0.0.1:5434 (stopped by stopOwnCluster). */
export function startPostgres(log: (line: string) => void): PostgresServer {
  const given = process.env.BENCH_POSTGRES_URL?.trim();
  if (given) {
    log(`using BENCH_POSTGRES_URL (${describeDatabase(given)})`);
    return { url: given, owned: false };
  }
  log(`starting a throwaway PostgreSQL cluster on 127.0.0.1:${BENCH_PG_PORT} (scripts/postgres.sh)`);
  // Set before starting: a signal arriving during start-up must still stop whatever did start.
  ownCluster = true;
  const result = spawnSync('bash', [SCRIPT, 'start'], { env: clusterEnv(), encoding: 'utf8', timeout: 120_000 });
  const url = result.stdout?.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !url.startsWith('postgresql://')) {
    throw new Error(`scripts/postgres.sh start failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`);
  }
  return { url, owned: true };
}

/** Stops and deletes the cluster startPostgres started, if any. Synchronous, for exit and signal handlers. */
export function stopOwnCluster(): void {
  if (!ownCluster) return;
  ownCluster = false;
  spawnSync('bash', [SCRIPT, 'stop'], { env: clusterEnv(), stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000 });
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

// --- the catalogue -----------------------------------------------------------------------------------

export type PostgresCatalogue = {
  url: string;
  database: string;
  server: string;
  cached: boolean;
  /** Loading: copying the rows, filling the full-text table, analysing (0 when cached). */
  seconds: { rows: number; fullText: number; analyse: number; total: number };
  bytes: number;
};

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The catalogue database for N on the server, loaded from the SQLite file unless a complete one is there. */
export async function ensurePostgresCatalogue(
  server: PostgresServer,
  sqliteFile: string,
  n: number,
  progress: Progress,
): Promise<PostgresCatalogue> {
  const database = `bench_${n}_v${GENERATOR_VERSION}`;
  const partial = `${database}_partial`;
  const url = withDatabase(server.url, database);
  const admin = await connect(server.url);
  try {
    const exists = async (name: string) =>
      (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
    if (await exists(database)) {
      if (await migrationsMatch(url)) {
        const bytes = await databaseBytes(admin, database);
        return { url, database, server: describeDatabase(server.url), cached: true, seconds: { rows: 0, fullText: 0, analyse: 0, total: 0 }, bytes };
      }
      progress(`${database} predates a migration: loading it again`, true);
      await admin.query(`DROP DATABASE ${quote(database)}`);
    }
    await admin.query(`DROP DATABASE IF EXISTS ${quote(partial)}`);
    await admin.query(`CREATE DATABASE ${quote(partial)}`);
    const seconds = await loadCatalogue(withDatabase(server.url, partial), sqliteFile, n, progress);
    await admin.query(`ALTER DATABASE ${quote(partial)} RENAME TO ${quote(database)}`);
    const bytes = await databaseBytes(admin, database);
    return { url, database, server: describeDatabase(server.url), cached: false, seconds, bytes };
  } finally {
    await admin.end();
  }
}

async function databaseBytes(admin: pg.Client, database: string): Promise<number> {
  const { rows } = await admin.query<{ bytes: string }>(`SELECT pg_database_size($1) AS bytes`, [database]);
  return Number(rows[0]!.bytes);
}

async function migrationsMatch(url: string): Promise<boolean> {
  const client = await connect(url);
  try {
    return sameMigrations((await client.query<{ name: string }>(APPLIED_MIGRATIONS)).rows, MIGRATIONS_DIRS.postgresql);
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

async function loadCatalogue(url: string, sqliteFile: string, n: number, progress: Progress): Promise<PostgresCatalogue['seconds']> {
  const started = performance.now();
  const since = (start: number) => (performance.now() - start) / 1000;
  const elapsed = () => `${since(started).toFixed(1)} s`;
  progress(`loading ${n.toLocaleString('en')} publications into PostgreSQL: migrating`, false);
  await migrateDatabase(url);

  const sqlite = new Database(sqliteFile, { readonly: true });
  const client = await connect(url);
  const seconds = { rows: 0, fullText: 0, analyse: 0, total: 0 };
  try {
    // A throwaway database filled in one go: nothing to wait for on commit.
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    for (const table of TABLES) {
      await copyTable(sqlite, client, table, (rows) =>
        progress(`loading: ${table} ${rows.toLocaleString('en')} rows (${elapsed()})`, false),
      );
    }
    // Statistics before the fill: without them the planner guesses the freshly filled tables empty and
    // scans them whole for each publication's names (minutes instead of seconds at N = 100,000).
    await client.query(`ANALYZE`);
    seconds.rows = since(started);

    progress(`loading: full-text rows, one INSERT … SELECT (${elapsed()})`, false);
    let start = performance.now();
    const fill = insertSearchRows();
    await client.query(fill.text, fill.values);
    seconds.fullText = since(start);

    for (const table of SERIAL_TABLES) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce(max("id"), 1), max("id") IS NOT NULL) FROM ${quote(table)}`,
        [quote(table)],
      );
    }
    // A null change tells every running search index to rebuild from scratch.
    await client.query(`INSERT INTO "CatalogueChange" ("publicationId") VALUES (NULL)`);

    progress(`loading: vacuuming and analysing (${elapsed()})`, false);
    start = performance.now();
    // VACUUM as well as ANALYZE: the visibility map and hint bits are set here once, not by the first queries.
    await client.query(`VACUUM (ANALYZE)`);
    seconds.analyse = since(start);

    await checkCounts(sqlite, client);
  } finally {
    sqlite.close();
    await client.end();
  }
  await checkSearchText(url, n);
  seconds.total = since(started);
  progress(`loaded ${n.toLocaleString('en')} publications into PostgreSQL in ${seconds.total.toFixed(1)} s`, true);
  return seconds;
}

/**
 * Copies a table's rows from SQLite, BATCH_ROWS at a time, each batch one INSERT of one array per column
 * (unnest), typed by the PostgreSQL column. Reading the next batch overlaps with inserting the last one.
 */
async function copyTable(sqlite: Database.Database, client: pg.Client, table: (typeof TABLES)[number], progress: (rows: number) => void): Promise<void> {
  const batchRows = BATCH_ROWS_OF[table] ?? BATCH_ROWS;
  const { rows: columns } = await client.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, t.typname AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [quote(table)],
  );
  const names = columns.map((c) => quote(c.name)).join(', ');
  const insert = `INSERT INTO ${quote(table)} (${names})
    SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`;
  // Prisma writes DateTime to SQLite as ISO 8601 text with an offset; PostgreSQL reads that as is.
  const select = sqlite.prepare(`SELECT ${names} FROM ${quote(table)}`).raw();
  let batch: unknown[][] = columns.map(() => []);
  let pending: Promise<unknown> | null = null;
  let copied = 0;
  const send = async () => {
    const values = batch;
    batch = columns.map(() => []);
    await pending;
    copied += values[0]!.length;
    pending = client.query(insert, values);
  };
  for (const row of select.iterate() as IterableIterator<unknown[]>) {
    row.forEach((value, i) => batch[i]!.push(value));
    if (batch[0]!.length === batchRows) {
      await send();
      if (copied % (batchRows * 40) === 0) progress(copied);
    }
  }
  if (batch[0]!.length) await send();
  await pending;
  progress(copied);
}

/** Every copied table holds as many rows as in the SQLite file, and every published publication has its full-text row. */
async function checkCounts(sqlite: Database.Database, client: pg.Client): Promise<void> {
  const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  for (const table of TABLES) {
    const expected = (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
    const actual = await count(`SELECT count(*) AS n FROM ${quote(table)}`);
    if (actual !== expected) throw new Error(`PostgreSQL "${table}" has ${actual} rows, the SQLite file ${expected}`);
  }
  const published = await count(`SELECT count(*) AS n FROM "Publication" WHERE "status" = 'published'`);
  const searchable = await count(`SELECT count(*) AS n FROM "PublicationSearch"`);
  if (published !== searchable) throw new Error(`${searchable} full-text rows for ${published} published publications`);
}

/** The full-text rows must hold exactly what lib/sql/postgres.ts would write: compare a sample with it. */
async function checkSearchText(url: string, n: number): Promise<void> {
  const prisma = createPrismaClient(url);
  const client = await connect(url);
  try {
    await checkSearchSample(
      n,
      'lib/sql/postgres.ts',
      (ids) => postgresDialect.readSearchText(prisma, ids),
      async (id) => (await client.query<SearchText>(`SELECT "title", "summary", "names" FROM "PublicationSearch" WHERE "id" = $1`, [id])).rows[0],
    );
  } finally {
    await client.end();
    await prisma.$disconnect();
  }
}
