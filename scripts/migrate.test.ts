// Integration: runs the wasm schema engine against real SQLite files in a temp folder.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, MIGRATIONS_DIRS, SCHEMA_PATH, createMigration, migrateDatabase, pendingSchemaChange } from '@/lib/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import { createEmptyDatabase, testProvider } from '@/tests/setup/databases';

const tmp = mkdtempSync(path.join(tmpdir(), 'ct-migrate-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    const rows = db.prepare('SELECT * FROM _prisma_migrations ORDER BY migration_name').all() as Array<
      Record<string, unknown>
    >;
    return { tables, rows };
  } finally {
    db.close();
  }
}

/** A scratch copy of the project's migrations and schema, to change freely. */
function scratchProject(name: string, from: string = MIGRATIONS_DIR) {
  const dir = path.join(tmp, name);
  const migrationsDir = path.join(dir, 'migrations');
  const schemaPath = path.join(dir, 'schema.prisma');
  cpSync(from, migrationsDir, { recursive: true });
  cpSync(SCHEMA_PATH, schemaPath);
  return { dir, migrationsDir, schemaPath };
}

describe('migrateDatabase (migrate deploy)', () => {
  const file = path.join(tmp, 'deploy', 'nested', 'catalogue.db');
  const migrationNames = folders(MIGRATIONS_DIR);

  it('creates the file and its folder, applies every migration once, and is idempotent', async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await migrateDatabase(`file:${file}`)).toEqual(migrationNames);
    expect(await migrateDatabase(`file:${file}`)).toEqual([]);

    const { tables, rows } = inspect(file);
    const models = [...readFileSync(SCHEMA_PATH, 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    expect(tables).toEqual(expect.arrayContaining([...models, '_prisma_migrations']));

    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, String(row.migration_name), 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toEqual(expect.any(Number)); // Unix ms, as Prisma's native engine stores it
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('reports a failing migration by name, then refuses to go on (P3009) like prisma migrate deploy', async () => {
    const { migrationsDir } = scratchProject('broken');
    mkdirSync(path.join(migrationsDir, '20990101000000_broken'));
    writeFileSync(
      path.join(migrationsDir, '20990101000000_broken', 'migration.sql'),
      'CREATE TABLE "Ok" ("id" INTEGER);\nCREATE TABLEX nonsense;\n',
    );
    const broken = path.join(tmp, 'broken.db');
    await expect(migrateDatabase(`file:${broken}`, { migrationsDir })).rejects.toThrow(
      /Migration `20990101000000_broken` failed to apply: near "TABLEX": syntax error/,
    );
    await expect(migrateDatabase(`file:${broken}`, { migrationsDir })).rejects.toThrow(/P3009/);
  });
});

describe('createMigration (migrate create)', () => {
  it('writes nothing when the schema and migrations are in sync', async () => {
    const before = folders(MIGRATIONS_DIR);
    expect(await createMigration('noop')).toBeNull();
    expect(folders(MIGRATIONS_DIR)).toEqual(before);
  });

  it('writes the next migration from a schema change, replaying multi-statement migrations on the shadow database', async () => {
    const { migrationsDir, schemaPath } = scratchProject('change');
    const schema = readFileSync(schemaPath, 'utf8')
      .replace(/(model Publication \{\n)/, '$1  isbn       String?\n')
      // Optional → rebuilds the table: a multi-statement "RedefineTables" block.
      .replace(/(model Author \{[^}]*?name) String\n/, '$1 String?\n');
    writeFileSync(schemaPath, `${schema}\nmodel Tag {\n  id   Int    @id @default(autoincrement())\n  slug String @unique\n}\n`);
    const options = { migrationsDir, schemaPath, now: new Date('2099-01-02T03:04:05Z') };

    const written = await createMigration('add ISBN and tags', options);
    expect(written).toBe(path.join(migrationsDir, '20990102030405_add_isbn_and_tags', 'migration.sql'));
    const sql = readFileSync(written!, 'utf8');
    expect(sql).toContain('ALTER TABLE "Publication" ADD COLUMN "isbn" TEXT;');
    expect(sql).toContain('CREATE TABLE "Tag"');
    expect(sql).toContain('CREATE TABLE "new_Author"');
    expect(readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toMatch(/^provider = "sqlite"$/m);

    // Replaying the new (multi-statement) migration on the shadow database leaves nothing more to write…
    expect(await createMigration('again', options)).toBeNull();
    // …and it applies on top of the existing history.
    const file = path.join(tmp, 'change.db');
    expect(await migrateDatabase(`file:${file}`, { migrationsDir })).toEqual(folders(migrationsDir));
    expect(inspect(file).tables).toContain('Tag');
  });

  it('rejects a name with nothing usable in it', async () => {
    await expect(createMigration('!!!')).rejects.toThrow(/Invalid migration name/);
  });
});

describe.runIf(testProvider() === 'postgresql')('PostgreSQL migrations (prisma/migrations-postgresql)', () => {
  const pgFolders = folders(MIGRATIONS_DIRS.postgresql);

  it('apply to an empty database once, keep Prisma’s bookkeeping, and create the full-text table', async () => {
    const url = await createEmptyDatabase('migrate');
    expect(await migrateDatabase(url)).toEqual(pgFolders);
    expect(await migrateDatabase(url)).toEqual([]);
    const db = createPrismaClient(url);
    try {
      const rows = await db.$queryRaw<{ migration_name: string; checksum: string }[]>`
        SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name`;
      expect(rows.map((r) => r.migration_name)).toEqual(pgFolders);
      for (const row of rows) {
        const sql = readFileSync(path.join(MIGRATIONS_DIRS.postgresql, row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      }
      const tables = await db.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`;
      const models = [...readFileSync(SCHEMA_PATH, 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([...models, 'PublicationSearch', '_prisma_migrations']));
    } finally {
      await db.$disconnect();
    }
  });

  it('are in step with prisma/schema.prisma, like the SQLite ones (a schema change needs a migration for each)', async () => {
    expect(await pendingSchemaChange({ url: process.env.TEST_DATABASE_URL! })).toBeNull();
    expect(await pendingSchemaChange()).toBeNull();
  });

  it('a schema change writes the PostgreSQL migration, replayed on a throwaway shadow database', async () => {
    const { migrationsDir, schemaPath } = scratchProject('change-postgres', MIGRATIONS_DIRS.postgresql);
    writeFileSync(schemaPath, readFileSync(schemaPath, 'utf8').replace(/(model Publication \{\n)/, '$1  isbn       String?\n'));
    const url = process.env.TEST_DATABASE_URL!;
    const options = { migrationsDir, schemaPath, url, now: new Date('2099-01-02T03:04:05Z') };
    const written = await createMigration('add ISBN', options);
    expect(written).toBe(path.join(migrationsDir, '20990102030405_add_isbn', 'migration.sql'));
    expect(readFileSync(written!, 'utf8')).toContain('ALTER TABLE "Publication" ADD COLUMN     "isbn" TEXT;');
    expect(readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toMatch(/^provider = "postgresql"$/m);
    expect(await createMigration('again', options)).toBeNull();
    // No shadow database is left behind, and the server's databases are untouched.
    const server = createPrismaClient(url);
    try {
      const shadows = await server.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`;
      expect(Number(shadows[0]?.n)).toBe(0);
    } finally {
      await server.$disconnect();
    }
    const target = await createEmptyDatabase('migrate-change');
    expect(await migrateDatabase(target, { migrationsDir })).toEqual(folders(migrationsDir));
  });
});
