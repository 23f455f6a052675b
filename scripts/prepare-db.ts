// Run before a server starts: applies pending migrations, and loads the sample data into a new catalogue.
//   tsx scripts/prepare-db.ts           development, tests, the Docker migrate job: creates the database if there is none
//   tsx scripts/prepare-db.ts --start   `npm start`: a production start never creates a database, nor loads samples into one,
//                                       unless CATALOGUE_FIRST_RUN=1 says this is the catalogue's first start
// A database that lost its file (deleted, a volume not mounted) must not come back as a new catalogue of samples
// with no staff: that start stops, saying what it found. Either way it prints what the database holds.
import { existsSync } from 'node:fs';
import { describeDatabase, providerOf, sqliteFilePath } from '@/lib/database-url';
import { databaseUrl, env } from '@/lib/env';
import { migrateDatabase } from '@/lib/migrate';
import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';
import { seedDatabase } from '@/prisma/seed';

const start = process.argv.includes('--start');
const firstRun = env.CATALOGUE_FIRST_RUN === '1';
const url = databaseUrl();
const name = describeDatabase(url);

/** Whether the database has ever held the catalogue's tables (a PostgreSQL database exists before its tables). */
async function hasTables(db: PrismaClient): Promise<boolean> {
  if (providerOf(url) === 'sqlite') return existsSync(sqliteFilePath(url));
  const rows = await db.$queryRaw<{ found: boolean }[]>`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "found"`;
  return rows[0]?.found === true;
}

/**
 * A catalogue no one has used: no publication, no staff account, no publication's change ever logged (the
 * reference data `npm run db:migrate` loads logs a change of no publication).
 */
async function neverUsed(db: PrismaClient): Promise<boolean> {
  const [publications, users, changes] = await Promise.all([
    db.publication.count(),
    db.user.count(),
    db.catalogueChange.count({ where: { publicationId: { not: null } } }),
  ]);
  return publications + users + changes === 0;
}

async function main(): Promise<number> {
  const probe = createPrismaClient();
  let existed: boolean;
  try {
    existed = await hasTables(probe);
  } finally {
    await probe.$disconnect();
  }
  if (start && !existed && !firstRun) {
    console.error(
      [
        `No catalogue database at ${name}: nothing was created.`,
        'If this is the first start of this catalogue, start it once with CATALOGUE_FIRST_RUN=1 (creates the database and loads the sample',
        'data). If the catalogue existed before, its database is missing: restore it (or fix DATABASE_URL, or mount its volume) instead.',
      ].join('\n'),
    );
    return 1;
  }

  const applied = await migrateDatabase();
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to ${name}: ${applied.join(', ')}`);

  const db = createPrismaClient();
  try {
    const mayLoadSamples = !start || firstRun;
    if (mayLoadSamples && (await neverUsed(db))) {
      const count = await seedDatabase(db);
      console.log(`Loaded ${count} sample publications into the new catalogue.`);
    }
    const [publications, users] = await Promise.all([db.publication.count(), db.user.count()]);
    console.log(`Catalogue database ${name}${existed ? '' : ' (created now)'}: ${publications.toLocaleString('en')} publications, ${users.toLocaleString('en')} staff accounts.`);
    if (start && publications === 0 && users === 0) console.warn('The catalogue is empty and has no staff accounts: is this the database you meant?');
  } finally {
    await db.$disconnect();
  }
  return 0;
}

process.exitCode = await main();
