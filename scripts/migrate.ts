// CLI over lib/migrate.ts, for machines without Prisma's schema-engine binary.
//   npm run db:migrate                  (tsx scripts/migrate.ts deploy)        = prisma migrate deploy
//   npm run db:migration -- <name>      (tsx scripts/migrate.ts create <name>) = prisma migrate dev --create-only
// The database is DATABASE_URL (default file:./data/catalogue.db), resolved by lib/env.ts; its provider
// picks the migrations folder (prisma/migrations or prisma/migrations-postgresql).
// `create` writes the SQLite migration, and the PostgreSQL one when DATABASE_URL names a PostgreSQL server
// (used only for a throwaway shadow database): every schema change needs both.
import path from 'node:path';

const USAGE = 'Usage: tsx scripts/migrate.ts deploy | create <name>';

/** Relative to the working directory when inside it, absolute otherwise. */
function show(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

async function main([command, ...rest]: string[]): Promise<void> {
  // Imported here so that an invalid DATABASE_URL (rejected when lib/env.ts loads) is reported like any other failure.
  const { databaseProvider, databaseUrl } = await import('../lib/env.ts');
  const { describeDatabase } = await import('../lib/database-url.ts');
  const { MIGRATIONS_DIRS, createMigration, migrateDatabase } = await import('../lib/migrate.ts');

  if (command === 'deploy' && rest.length === 0) {
    const database = describeDatabase(databaseUrl());
    const applied = await migrateDatabase().catch((error: Error) => {
      throw new Error(`${database}: ${error.message}`);
    });
    if (applied.length === 0) {
      console.log(`No pending migrations to apply (${database}).`);
    } else {
      console.log(`Applied ${applied.length} migration(s) to ${database}:`);
      const dir = MIGRATIONS_DIRS[databaseProvider()];
      for (const name of applied) console.log(`  ${show(path.join(dir, name, 'migration.sql'))}`);
    }
    // Countries, regions and categories are reference data, not samples: a migrated catalogue can import at once.
    const { loadReferenceData } = await import('../lib/taxonomy/seed.ts');
    const loaded = await loadReferenceData();
    if (loaded) console.log(`Loaded the reference data into ${database}: ${loaded}.`);
    return;
  }

  if (command === 'create' && rest.length === 1 && rest[0]) {
    const now = new Date();
    const urls = databaseProvider() === 'postgresql' ? ['file::memory:', databaseUrl()] : ['file::memory:'];
    for (const url of urls) {
      const written = await createMigration(rest[0], { url, now });
      console.log(written ? `Wrote ${show(written)}` : `No changes for ${url === 'file::memory:' ? 'SQLite' : 'PostgreSQL'}: schema and migrations are in sync.`);
    }
    if (urls.length === 1) {
      console.log('PostgreSQL: run again with DATABASE_URL=postgres://… (any server you may create databases on) to write its migration too.');
    }
    console.log('Review what was written, then apply it with: npm run db:migrate');
    return;
  }

  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
