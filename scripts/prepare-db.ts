// Run before the server starts: applies pending migrations, and loads the sample data into an empty catalogue.
import { migrateDatabase } from '@/lib/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import { describeDatabase } from '@/lib/database-url';
import { databaseUrl } from '@/lib/env';
import { seedDatabase } from '@/prisma/seed';

const applied = await migrateDatabase();
if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to ${describeDatabase(databaseUrl())}: ${applied.join(', ')}`);

const db = createPrismaClient();
try {
  if ((await db.publication.count()) === 0) {
    const count = await seedDatabase(db);
    console.log(`Loaded ${count} sample publications into the empty catalogue.`);
  }
} finally {
  await db.$disconnect();
}
