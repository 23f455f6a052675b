// Offline migrations: Prisma's WebAssembly schema engine driven through a driver adapter, in place of
// the Rust schema-engine binary that `prisma migrate` downloads (not possible on every machine).
// `migrateDatabase` = `prisma migrate deploy` (same `_prisma_migrations` bookkeeping);
// `createMigration` = the file-writing half of `prisma migrate dev --create-only`.
// One migrations folder per provider (prisma/migrations for SQLite, prisma/migrations-postgresql), both
// written from the one data model; the database URL picks the folder and the driver adapter.
// Server-side scripts only (start script, test setup, scripts/migrate.ts): never import from app code.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { parse as parsePostgresUrl } from 'pg-connection-string';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import prismaConfig from '../prisma.config.ts';
import { providerOf, sqliteFilePath, type Provider } from './database-url.ts';
import { databaseUrl } from './env.ts';
import { ROOT, SCHEMA_PATH, schemaFor } from './prisma-schema.ts';
import { createPrismaClient } from './prisma-client.ts';
import { dialect } from './sql/dialect.ts';

export { SCHEMA_PATH };
const fromRoot = (p: string) => path.resolve(ROOT, p);

export const MIGRATIONS_DIRS: Record<Provider, string> = {
  sqlite: fromRoot(prismaConfig.migrations?.path ?? 'prisma/migrations'),
  postgresql: fromRoot('prisma/migrations-postgresql'),
};
export const MIGRATIONS_DIR = MIGRATIONS_DIRS.sqlite;
const LOCKFILE = 'migration_lock.toml';

/**
 * Tables managed by hand-written SQL (the full-text tables), as declared in prisma.config.ts; PostgreSQL
 * wants them schema-qualified, and has no FTS5 shadow tables.
 */
function filters(provider: Provider): SchemaFilter {
  const external = prismaConfig.tables?.external ?? [];
  return {
    externalTables: provider === 'sqlite' ? external : external.filter((t) => !t.includes('_')).map((t) => `public.${t}`),
    externalEnums: [],
  };
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface MigrateOptions {
  migrationsDir?: string;
}

export interface CreateMigrationOptions extends MigrateOptions {
  schemaPath?: string;
  /** Clock for the folder's timestamp (tests). */
  now?: Date;
  /**
   * The database whose kind the migration is for; for PostgreSQL, a server on which a throwaway shadow
   * database is created to replay the existing migrations (the database itself is not touched).
   * Default: an in-memory SQLite database.
   */
  url?: string;
}

function providerOfUrl(url: string): Provider {
  const provider = providerOf(url);
  if (!provider) throw new MigrationError(`Not a database URL: ${JSON.stringify(url)}`);
  return provider;
}

/**
 * `prisma migrate deploy`: applies pending migrations to the database at `url` (a SQLite file is created
 * with its folder if missing). Returns the names applied. The provider's own folder is used by default.
 */
export async function migrateDatabase(url: string = databaseUrl(), { migrationsDir }: MigrateOptions = {}): Promise<string[]> {
  const provider = providerOfUrl(url);
  const migrationsList = readMigrations(migrationsDir ?? MIGRATIONS_DIRS[provider]);
  checkLockfile(migrationsList, provider);
  if (provider === 'sqlite') mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
  const applied = await withEngine(adapterFactory(url), null, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: filters(provider) });
    return appliedMigrationNames;
  });
  // What SQL cannot write (SQLite's French and Spanish stems), for rows the migrations left without it.
  const db = createPrismaClient(url);
  try {
    await dialect(db).completeSearchRows(db);
  } finally {
    await db.$disconnect();
  }
  return applied;
}

/**
 * Diffs the provider's migrations folder (replayed on a shadow database) against the schema and writes
 * `<migrationsDir>/<YYYYMMDDHHMMSS>_<name>/migration.sql`. Returns its path, or null when already in sync.
 */
export async function createMigration(
  name: string,
  { migrationsDir, schemaPath = SCHEMA_PATH, now = new Date(), url = 'file::memory:' }: CreateMigrationOptions = {},
): Promise<string | null> {
  const slug = slugify(name);
  if (!slug) throw new MigrationError(`Invalid migration name ${JSON.stringify(name)}: use letters, digits and _.`);
  const script = await pendingSchemaChange({ migrationsDir, schemaPath, url });
  if (script === null) return null;
  const provider = providerOfUrl(url);
  const dir = path.join(migrationsDir ?? MIGRATIONS_DIRS[provider], `${timestamp(now)}_${slug}`);
  if (existsSync(dir)) throw new MigrationError(`The migration directory already exists at ${dir}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'migration.sql');
  writeFileSync(file, script, 'utf8');
  writeLockfile(path.dirname(dir), provider);
  return file;
}

/** The SQL that would bring the provider's migrations to the schema, or null when they are in sync. */
export async function pendingSchemaChange({
  migrationsDir,
  schemaPath = SCHEMA_PATH,
  url = 'file::memory:',
}: Omit<CreateMigrationOptions, 'now'> = {}): Promise<string | null> {
  const provider = providerOfUrl(url);
  const migrationsList = readMigrations(migrationsDir ?? MIGRATIONS_DIRS[provider]);
  checkLockfile(migrationsList, provider);
  const schema = { path: path.basename(schemaPath), content: schemaFor(provider, readFileSync(schemaPath, 'utf8')) };

  const script = await withEngine(adapterFactory(url), schema, async (engine) => {
    const from = migrationsList.migrationDirectories.length
      ? { tag: 'migrations' as const, ...migrationsList }
      : { tag: 'empty' as const };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: filters(provider),
    });
    return result.stdout ?? '';
  });
  return isEmptyScript(script) ? null : script;
}

/** Writes migration_lock.toml exactly as Prisma does. */
export function writeLockfile(migrationsDir: string = MIGRATIONS_DIR, provider: Provider = 'sqlite'): void {
  mkdirSync(migrationsDir, { recursive: true });
  writeFileSync(
    path.join(migrationsDir, LOCKFILE),
    `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    'utf8',
  );
}

/** The migrations folder as Prisma's CLI hands it to the engine (sorted sub-folders, each with migration.sql). */
export function readMigrations(migrationsDir: string = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(migrationsDir, LOCKFILE);
  const entries = existsSync(migrationsDir) ? readdirSync(migrationsDir, { withFileTypes: true }) : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: prismaConfig.migrations?.initShadowDb ?? '',
    migrationDirectories: entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort((a, b) => a.localeCompare(b))
      .map((dir) => {
        const sqlPath = path.join(migrationsDir, dir, 'migration.sql');
        let content: { tag: 'ok'; value: string } | { tag: 'error'; value: string };
        try {
          content = { tag: 'ok', value: readFileSync(sqlPath, 'utf8') };
        } catch (error) {
          content = { tag: 'error', value: (error as Error).message };
        }
        return { path: dir, migrationFile: { path: 'migration.sql', content } };
      }),
  };
}

function checkLockfile({ lockfile, baseDir }: MigrationList, expected: Provider): void {
  const provider = lockfile.content?.match(/^\s*provider\s*=\s*"([^"]*)"/m)?.[1];
  if (provider !== undefined && provider !== expected) {
    throw new MigrationError(
      `${path.join(baseDir, LOCKFILE)} is for provider "${provider}", but this database is "${expected}".`,
    );
  }
}

// --- engine plumbing -------------------------------------------------------------------------------

function adapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  return providerOfUrl(url) === 'postgresql' ? postgresAdapterFactory(url) : sqliteAdapterFactory(url);
}

/**
 * PostgreSQL through node-postgres. The shadow database (where existing migrations are replayed for a
 * diff) is made here: the adapter's own copies its pool config, where a connectionString would win over
 * the new database name, and drops it before closing its pool (refused while connected).
 */
function postgresAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const { host, port, user, password, database, ssl } = parsePostgresUrl(url);
  const config = {
    ...(host && { host }),
    ...(port && { port: Number(port) }),
    ...(user && { user }),
    ...(password && { password }),
    ...(database && { database }),
    ...(ssl !== undefined && { ssl: ssl as boolean }),
  };
  const factory = new PrismaPg(config);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => readCharAsText(await factory.connect()),
    connectToShadowDb: async () => {
      const server = await factory.connect();
      const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
      await server.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = readCharAsText(await new PrismaPg({ ...config, database: name }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await server.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        await server.dispose();
      };
      return shadow;
    },
  };
}

const PG_CHAR = 18;
const PG_TEXT = 25;

/**
 * The engine inspects a schema through catalog columns of PostgreSQL's one-byte `"char"` type, which the
 * pg adapter refuses to map ("Column type 'char' could not be deserialized"); their values arrive as
 * strings, so reporting them as text is exact.
 */
function readCharAsText<T extends SqlDriverAdapter>(adapter: T): T {
  const io = adapter as unknown as { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> };
  const performIO = io.performIO.bind(adapter);
  io.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    return result;
  };
  return adapter;
}

/** SQLite through better-sqlite3. Timestamps as Unix ms, as Prisma's native engine writes them. */
function sqliteAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const file = url === 'file::memory:' ? ':memory:' : sqliteFilePath(url);
  const factory = new PrismaBetterSqlite3(
    { url: file === ':memory:' ? file : `file:${file}` },
    { timestampFormat: 'unixepoch-ms' },
  );
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    // The engine replays each migration file on the shadow database with executeRaw, which better-sqlite3
    // runs as one prepared statement, so files with several statements fail; route them through executeScript.
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) =>
        query.args.length ? executeRaw(query) : adapter.executeScript(query.sql).then(() => 0);
      return adapter;
    },
  };
}

let wasmLoaded: Promise<void> | undefined;

/**
 * Instantiates the engine's .wasm ourselves (its package entry imports the .wasm as an ES module,
 * which needs `node --experimental-wasm-modules`); this works under plain node, tsx and vitest.
 */
function loadWasm(): Promise<void> {
  wasmLoaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindings = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(path.join(path.dirname(bindings), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': { ...wasmBindings } });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmLoaded;
}

/** Runs `fn` with an engine over `factory`, then frees the engine and closes every connection it opened. */
async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string } | null,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const opened: SqlDriverAdapter[] = [];
  const track = (connect: () => Promise<SqlDriverAdapter>) => async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const bound = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: track(() => factory.connect()),
    connectToShadowDb: track(() => factory.connectToShadowDb()),
  });
  let engine: SchemaEngine | undefined;
  try {
    engine = await wasmBindings.SchemaEngine.new(
      { datamodels: schema ? [[schema.path, schema.content]] : undefined },
      () => {},
      bound,
    );
    return await fn(engine);
  } catch (error) {
    throw engineError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

/** A readable error: the engine's message without its Rust span trace, with driver errors ("External error id#N") spelled out. */
function engineError(
  error: unknown,
  registry: { consumeError(id: number): { error: unknown } | undefined },
): MigrationError {
  if (error instanceof MigrationError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const [head = '', trace = ''] = raw.split(/\n\s*(?=0: )/);
  let message = head
    .replace(/External error id#(\d+)/g, (text, id: string) => {
      const cause = registry.consumeError(Number(id))?.error as
        | { message?: string; cause?: { originalMessage?: string; message?: string; kind?: string } }
        | undefined;
      return cause?.cause?.originalMessage ?? cause?.cause?.message ?? cause?.message ?? cause?.cause?.kind ?? text;
    })
    .trim();
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') message = `${code}: ${message}`;
  else {
    // A failing migration file surfaces as the bare SQL error; its name is only in the span trace.
    const migration = trace.match(/migration_name="([^"]+)"/)?.[1];
    if (migration) message = `Migration \`${migration}\` failed to apply: ${message}`;
  }
  return new MigrationError(message, { cause: error });
}

// --- naming ----------------------------------------------------------------------------------------

/** As `prisma migrate dev --name`: lower_snake_case, at most 200 characters. */
function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
}

/** UTC YYYYMMDDHHMMSS, as Prisma names migration folders. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

function isEmptyScript(script: string): boolean {
  // The engine answers an empty diff with a comment only ("-- This is an empty migration.").
  return script.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'));
}
