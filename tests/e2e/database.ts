import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';
import { E2E_DATABASE_URL } from '../../playwright.config';

export { E2E_DATABASE_URL };

/** Runs `fn` with a client of the database the end-to-end servers run on, for set-up and clean-up. */
export async function withE2eDatabase<T>(fn: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = createPrismaClient(E2E_DATABASE_URL);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}
