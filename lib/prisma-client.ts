import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/prisma-postgresql/client';
import { providerOf, sqliteFilePath } from '@/lib/database-url';
import { databaseUrl } from '@/lib/env';

export type { PrismaClient };

/**
 * A client for the database at `url`: SQLite for file: URLs, PostgreSQL for postgres:// URLs. Scripts and
 * tests use this; the app uses `lib/db.ts`. Both clients are generated from the one data model, so the
 * PostgreSQL client has the SQLite client's shape and is typed as it: code written against `PrismaClient`
 * uses only what both providers share.
 */
export function createPrismaClient(url: string = databaseUrl(), { maxConnections }: { maxConnections?: number } = {}): PrismaClient {
  if (providerOf(url) === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: url, ...(maxConnections && { max: maxConnections }) });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // SQLite has one writer at a time: a write waits up to 15 s for the file's lock (better-sqlite3's default,
  // 5 s, failed writes when several processes wrote at once on a busy machine: two end-to-end runs).
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}`, timeout: 15_000 }) });
}

/** A client or an interactive transaction: what a write helper needs. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
