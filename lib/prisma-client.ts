import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { sqliteFilePath } from '@/lib/env';

export type { PrismaClient };

/** A client over the SQLite file at `file` (absolute path). Scripts and tests use this; the app uses `lib/db.ts`. */
export function createPrismaClient(file: string = sqliteFilePath()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
}

/** A client or an interactive transaction: what a write helper needs. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
