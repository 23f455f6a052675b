import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/lib/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import { seedDatabase } from '@/prisma/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates and seeds one template database; each test file works on its own copy. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-catalogue-test-'));
  const template = path.join(dir, 'template.db');
  await migrateDatabase(template);
  const db = createPrismaClient(template);
  await seedDatabase(db);
  await db.$disconnect();
  project.provide('templateDatabase', template);
  return () => rmSync(dir, { recursive: true, force: true });
}
