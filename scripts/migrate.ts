// CLI over lib/migrate.ts, for machines without Prisma's schema-engine binary.
//   npm run db:migrate                  (tsx scripts/migrate.ts deploy)        = prisma migrate deploy
//   npm run db:migration -- <name>      (tsx scripts/migrate.ts create <name>) = prisma migrate dev --create-only
// The database is DATABASE_URL (default file:./data/catalogue.db), resolved by lib/env.ts.
import path from 'node:path';

const USAGE = 'Usage: tsx scripts/migrate.ts deploy | create <name>';

/** Relative to the working directory when inside it, absolute otherwise. */
function show(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

async function main([command, ...rest]: string[]): Promise<void> {
  // Imported here so that an invalid DATABASE_URL (rejected when lib/env.ts loads) is reported like any other failure.
  const { sqliteFilePath } = await import('../lib/env.ts');
  const { MIGRATIONS_DIR, createMigration, migrateDatabase } = await import('../lib/migrate.ts');

  if (command === 'deploy' && rest.length === 0) {
    const file = sqliteFilePath();
    const applied = await migrateDatabase(file).catch((error: Error) => {
      throw new Error(`${show(file)}: ${error.message}`);
    });
    if (applied.length === 0) {
      console.log(`No pending migrations to apply (${show(file)}).`);
    } else {
      console.log(`Applied ${applied.length} migration(s) to ${show(file)}:`);
      for (const name of applied) console.log(`  ${show(path.join(MIGRATIONS_DIR, name, 'migration.sql'))}`);
    }
    return;
  }

  if (command === 'create' && rest.length === 1 && rest[0]) {
    const written = await createMigration(rest[0]);
    console.log(
      written
        ? `Wrote ${show(written)}\nReview it, then apply it with: npm run db:migrate`
        : 'No changes: schema and migrations are in sync; nothing written.',
    );
    return;
  }

  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
