import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/prisma-client';

// Uploads left without an apply are removed after a day.
const KEEP_MS = 24 * 60 * 60 * 1000;

export async function saveUpload(
  db: Db,
  upload: { userId: number; fileName: string; status: 'draft' | 'published'; content: Uint8Array },
): Promise<string> {
  await db.importUpload.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  const id = randomBytes(16).toString('base64url');
  await db.importUpload.create({ data: { id, ...upload, content: Buffer.from(upload.content) } });
  return id;
}

/** The upload, only for the staff member who made it. */
export async function findUpload(db: Db, id: string, userId: number) {
  return db.importUpload.findFirst({ where: { id, userId } });
}
