import 'server-only';
import { env } from '@/lib/env';
import { createPrismaClient, type Db, type PrismaClient } from '@/lib/prisma-client';

// One client per database per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; replicas?: PrismaClient[] };

/** The primary: every write, every staff read, and every read that must see a write just made. */
export const prisma = globalForPrisma.prisma ?? createPrismaClient();
/** Read replicas (DATABASE_REPLICA_URLS, PostgreSQL only); none by default. */
const replicas = globalForPrisma.replicas ?? env.DATABASE_REPLICA_URLS.map((url) => createPrismaClient(url));
if (env.NODE_ENV !== 'production') Object.assign(globalForPrisma, { prisma, replicas });

let turn = 0;

/**
 * Where a public read goes: the next replica in turn, or the primary when there are none or when the reader
 * must see its own writes (`ownWrites`: a signed-in staff member, who may have just saved something that
 * a lagging replica does not have yet).
 */
export function reader({ ownWrites }: { ownWrites: boolean }): Db {
  if (ownWrites || replicas.length === 0) return prisma;
  turn = (turn + 1) % replicas.length;
  return replicas[turn]!;
}
