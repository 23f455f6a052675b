import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/prisma-client';
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

// A SQLite transaction that reads before it writes is refused at once (SQLITE_BUSY, which Prisma reports
// as P1008) when another process began writing meanwhile: waiting could deadlock, so SQLite does not wait.
// The servers and the other test worker write the same file, so set-up and clean-up start again.
const ATTEMPTS = 8;

/** `fn` in one transaction on the end-to-end database, begun again when SQLite refuses it as busy. */
export async function inE2eTransaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  return withE2eDatabase(async (db) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
      } catch (error) {
        const busy = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P1008';
        if (!busy || attempt === ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
      }
    }
  });
}
