import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as tar from 'tar';
import { providerOf, sqliteFilePath, type Provider } from '@/lib/database-url';
import { env, filesDir } from '@/lib/env';
import { LocalFileStore } from '@/lib/files/storage';
import { MIGRATIONS_DIRS, migrateDatabase, readMigrations } from '@/lib/migrate';
import { createPrismaClient } from '@/lib/prisma-client';

/**
 * Backups that restore. A backup is one tar file:
 *   manifest.json      what it holds: format, database provider, the last migration applied, counts, and the
 *                      SHA-256 and size of every other entry
 *   database.sqlite    SQLite: an online copy by SQLite's backup API (consistent while the site writes)
 *   database.pgdump    PostgreSQL: pg_dump's custom format, taken in the snapshot the counts were read in
 *   files/<sha256>     the files of the local store that the database's rows name (the database store's are
 *                      in the database already)
 * A restore checks everything before it writes anything, restores into an empty database only, and never
 * half-applies: SQLite's file appears by a rename once complete and checked; PostgreSQL restores in one transaction.
 */

export const BACKUP_FORMAT = 1;

export type Counts = { publications: number; files: number; users: number; changes: number; lastChange: number };

export type Manifest = {
  format: number;
  createdAt: string;
  provider: Provider;
  /** The last migration applied to the database backed up: a restore refuses a backup of a schema it does not know. */
  migration: string;
  fileStore: 'local' | 'database';
  counts: Counts;
  entries: { name: string; bytes: number; sha256: string }[];
};

const run = promisify(execFile);

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

type Queryable = { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> };

const COUNTS_SQL = {
  publications: 'SELECT count(*) AS n FROM "Publication"',
  files: 'SELECT count(*) AS n FROM "PublicationFile"',
  users: 'SELECT count(*) AS n FROM "User"',
  changes: 'SELECT count(*) AS n FROM "CatalogueChange"',
  lastChange: 'SELECT coalesce(max("seq"), 0) AS n FROM "CatalogueChange"',
};
const MIGRATION_SQL = 'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1';
const DIGESTS_SQL = 'SELECT "sha256" AS sha FROM "PublicationFile" UNION SELECT "coverSha256" FROM "PublicationFile" WHERE "coverSha256" IS NOT NULL';

async function readState(db: Queryable): Promise<{ counts: Counts; migration: string; digests: string[] }> {
  const counts = {} as Counts;
  for (const [key, sql] of Object.entries(COUNTS_SQL)) counts[key as keyof Counts] = Number((await db.query(sql)).rows[0]!.n);
  const migration = String((await db.query(MIGRATION_SQL)).rows[0]?.name ?? '');
  const digests = (await db.query(DIGESTS_SQL)).rows.map((r) => String(r.sha));
  return { counts, migration, digests };
}

function sqliteQueryable(file: string): Queryable & { close(): void } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return { query: async (sql) => ({ rows: db.prepare(sql).all() as Record<string, unknown>[] }), close: () => db.close() };
}

/** The database into `dir`: its entry's name, and the state read from exactly what it holds. */
async function dumpDatabase(url: string, dir: string): Promise<{ name: string; state: Awaited<ReturnType<typeof readState>> }> {
  if (providerOf(url) === 'sqlite') {
    const name = 'database.sqlite';
    const source = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
    try {
      // SQLite's online backup: page by page, restarted when a writer changes a page already copied, so the copy is
      // one consistent state even while the site writes.
      await source.backup(path.join(dir, name));
    } finally {
      source.close();
    }
    const copy = sqliteQueryable(path.join(dir, name));
    try {
      return { name, state: await readState(copy) };
    } finally {
      copy.close();
    }
  }
  // PostgreSQL: the counts are read in a repeatable-read transaction whose snapshot pg_dump then dumps, so both
  // describe one state of the database.
  const name = 'database.pgdump';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = String((await client.query('SELECT pg_export_snapshot() AS id')).rows[0].id);
    const state = await readState(client);
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${path.join(dir, name)}`, url], { maxBuffer: 1 << 20 });
    await client.query('COMMIT');
    return { name, state };
  } finally {
    await client.end();
  }
}

/** Where the local store's files are read from and restored to: FILES_DIR, or the folder beside the database. */
export type BackupOptions = { filesDir?: string };

/** Writes a backup of the database at `url` (and its files) to `out`; returns its manifest. */
export async function createBackup(url: string, out: string, options: BackupOptions = {}): Promise<Manifest> {
  const work = await mkdtemp(path.join(tmpdir(), 'catalogue-backup-'));
  try {
    const { name, state } = await dumpDatabase(url, work);
    const entryNames = [name];
    if (env.FILE_STORE === 'local' && state.digests.length > 0) {
      const store = new LocalFileStore(options.filesDir ?? filesDir());
      await mkdir(path.join(work, 'files'));
      for (const sha of state.digests) {
        // Files are written once and never changed, so a copy taken after the database's is still the file its
        // rows name; one deleted since (its record detached the file meanwhile) cannot be recovered: say so.
        if ((await store.size(sha)) === null) throw new Error(`The stored file ${sha} went missing while the backup ran (detached meanwhile?): run the backup again.`);
        await pipeline(store.read(sha), createWriteStream(path.join(work, 'files', sha)));
        entryNames.push(`files/${sha}`);
      }
    }
    const entries = [];
    for (const entry of entryNames) {
      const file = path.join(work, entry);
      entries.push({ name: entry, bytes: (await stat(file)).size, sha256: await sha256OfFile(file) });
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      provider: providerOf(url)!,
      migration: state.migration,
      fileStore: env.FILE_STORE,
      counts: state.counts,
      entries,
    };
    await writeFile(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    const partial = `${out}.part`;
    await tar.create({ file: partial, cwd: work, portable: true }, ['manifest.json', ...entryNames]);
    await rename(partial, out);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export class RestoreRefused extends Error {}

/** Unpacks a backup and checks it whole: the manifest, every entry's size and SHA-256, a schema this app knows. */
async function openBackup(file: string, provider: Provider, work: string): Promise<Manifest> {
  try {
    await tar.extract({ file, cwd: work, strict: true, preservePaths: false });
  } catch (error) {
    throw new RestoreRefused(`${file} is not a readable backup (${(error as Error).message}).`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(work, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new RestoreRefused(`${file} has no readable manifest.json: not a backup of this catalogue, or damaged.`);
  }
  if (manifest.format !== BACKUP_FORMAT) throw new RestoreRefused(`${file} is a backup of format ${manifest.format}; this version reads format ${BACKUP_FORMAT}.`);
  if (manifest.provider !== provider) throw new RestoreRefused(`${file} is a backup of a ${manifest.provider} database; the target is ${provider}.`);
  const known = readMigrations(MIGRATIONS_DIRS[provider]).migrationDirectories.map((m) => m.path);
  if (!known.includes(manifest.migration)) {
    throw new RestoreRefused(`${file} is of a newer schema (${manifest.migration}) than this version knows (up to ${known.at(-1)}): restore it with a newer version of the catalogue.`);
  }
  const unpacked = new Set([...(await readdir(work)), ...(existsSync(path.join(work, 'files')) ? (await readdir(path.join(work, 'files'))).map((f) => `files/${f}`) : [])]);
  for (const entry of manifest.entries) {
    const where = path.join(work, entry.name);
    if (!unpacked.has(entry.name) || !existsSync(where)) throw new RestoreRefused(`${file} is damaged: ${entry.name} is missing.`);
    const bytes = (await stat(where)).size;
    if (bytes !== entry.bytes || (await sha256OfFile(where)) !== entry.sha256) throw new RestoreRefused(`${file} is damaged: ${entry.name} is not what the manifest says (size or SHA-256).`);
  }
  return manifest;
}

async function countsOf(url: string): Promise<Counts> {
  const db = createPrismaClient(url);
  try {
    const [publications, files, users, changes, last] = await Promise.all([
      db.publication.count(),
      db.publicationFile.count(),
      db.user.count(),
      db.catalogueChange.count(),
      db.catalogueChange.aggregate({ _max: { seq: true } }),
    ]);
    return { publications, files, users, changes, lastChange: last._max.seq ?? 0 };
  } finally {
    await db.$disconnect();
  }
}

async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
    return Number(rows[0].n) === 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` into the empty database at `url` (a SQLite file that does not exist yet, or a PostgreSQL
 * database without tables), with its files, then brings its schema up to this version's. Returns the manifest;
 * throws RestoreRefused, having written nothing, when the backup or the target is not fit.
 */
export async function restoreBackup(file: string, url: string, options: BackupOptions = {}): Promise<Manifest> {
  const provider = providerOf(url);
  if (!provider) throw new RestoreRefused(`Not a database URL: ${url}`);
  const target = provider === 'sqlite' ? sqliteFilePath(url) : null;
  if (target ? existsSync(target) : !(await postgresIsEmpty(url))) {
    throw new RestoreRefused(`The target database ${target ?? 'on PostgreSQL'} is not empty: a restore goes into a new, empty database only (nothing was written).`);
  }
  const work = await mkdtemp(path.join(tmpdir(), 'catalogue-restore-'));
  try {
    const manifest = await openBackup(file, provider, work);
    const database = path.join(work, provider === 'sqlite' ? 'database.sqlite' : 'database.pgdump');
    if (provider === 'sqlite') {
      const check = new Database(database, { fileMustExist: true });
      const verdict = check.pragma('integrity_check', { simple: true });
      check.close();
      if (verdict !== 'ok') throw new RestoreRefused(`${file} is damaged: SQLite's integrity check says ${String(verdict)}.`);
    }
    // Files first: content-addressed, a copy is harmless if the rest then fails; the database, which names them, last.
    if (manifest.fileStore === 'local') {
      const store = new LocalFileStore(options.filesDir ?? filesDir());
      for (const entry of manifest.entries.filter((e) => e.name.startsWith('files/'))) {
        await store.put(entry.name.slice('files/'.length), await readFile(path.join(work, entry.name)));
      }
    }
    if (target) {
      await mkdir(path.dirname(target), { recursive: true });
      const partial = `${target}.restoring`;
      await copyFile(database, partial);
      await migrateDatabase(`file:${partial}`);
      // A rename: the catalogue's file appears whole or not at all.
      await rename(partial, target);
    } else {
      try {
        await run('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${url}`, database], { maxBuffer: 1 << 20 });
      } catch (error) {
        throw new RestoreRefused(`pg_restore failed, nothing was restored: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
      }
      await migrateDatabase(url);
    }
    const counts = await countsOf(url);
    for (const key of Object.keys(manifest.counts) as (keyof Counts)[]) {
      if (counts[key] !== manifest.counts[key]) throw new Error(`The restored database has ${counts[key]} ${key} where the backup's manifest says ${manifest.counts[key]}.`);
    }
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
    if (target) await rm(`${target}.restoring`, { force: true });
  }
}
