import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/lib/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import { seedDatabase } from '@/prisma/seed';
import { createEmptyDatabase, dropTestDatabases, testProvider } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates and seeds one template database; each test file works on its own copy (tests/setup/databases.ts). */
export default async function setup(project: TestProject) {
  await dropTestDatabases();
  const template = await createEmptyDatabase('template');
  await migrateDatabase(template);
  const db = createPrismaClient(template);
  await seedDatabase(db);
  await db.$disconnect();
  console.log(`Integration tests on ${testProvider()}`);
  project.provide('templateDatabase', template);
  return () => dropTestDatabases();
}
