import 'server-only';
import { env } from '@/lib/env';
import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';

// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? createPrismaClient();
if (env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
