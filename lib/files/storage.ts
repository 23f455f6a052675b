import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '@/lib/prisma-client';
import { dialect } from '@/lib/sql/dialect';

/**
 * Where uploaded files' bytes live, by SHA-256 (content-addressed: a file attached to two records, or
 * uploaded twice, is stored once). Two stores:
 * - "local" (the default): files under a folder of the machine. For one app server, or several sharing a
 *   network folder.
 * - "database": rows of "StoredFile" in the catalogue's own database, which every app server already
 *   shares, so several instances need nothing more; backups of the database hold the files too.
 * An S3-compatible object store would fit this interface as a third; there is none to test against here.
 */
export interface FileStore {
  readonly kind: 'local' | 'database';
  /** Stores `bytes` under `sha256` (their digest); storing what is already there changes nothing. */
  put(sha256: string, bytes: Buffer): Promise<void>;
  /** The stored size, or null when nothing is stored under `sha256`. */
  size(sha256: string): Promise<number | null>;
  /** The bytes from `start` to `end` inclusive (a byte range, as HTTP names them), or all of them, streamed. */
  read(sha256: string, range?: { start: number; end: number }): Readable;
  delete(sha256: string): Promise<void>;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const SHA256 = /^[0-9a-f]{64}$/;
function checked(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return sha256;
}

export class LocalFileStore implements FileStore {
  readonly kind = 'local';
  constructor(readonly root: string) {}

  /** Two levels of fan-out by the digest's first characters: no folder holds more than a few thousand files. */
  private pathOf(sha256: string): string {
    checked(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    if (sha256Of(bytes) !== checked(sha256)) throw new Error('the bytes are not those of this SHA-256');
    if ((await this.size(sha256)) === bytes.length) return;
    const target = this.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside its place and renamed into it: a reader never sees half a file, nor a crash leaves one.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, target);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  read(sha256: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(sha256), range);
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

/** A read of a large file goes in pieces of this size: one piece in memory at a time, whatever the file's size. */
const CHUNK = 1 << 20;

export class DatabaseFileStore implements FileStore {
  readonly kind = 'database';
  constructor(private readonly db: Db) {}

  async put(sha256: string, bytes: Buffer): Promise<void> {
    if (sha256Of(bytes) !== checked(sha256)) throw new Error('the bytes are not those of this SHA-256');
    // Concurrent uploads of one file both insert: the second finds the row and changes nothing.
    await this.db.storedFile.upsert({
      where: { sha256 },
      create: { sha256, size: bytes.length, content: Uint8Array.from(bytes) },
      update: {},
      select: { sha256: true },
    });
  }

  async size(sha256: string): Promise<number | null> {
    const row = await this.db.storedFile.findUnique({ where: { sha256: checked(sha256) }, select: { size: true } });
    return row?.size ?? null;
  }

  read(sha256: string, range?: { start: number; end: number }): Readable {
    const db = this.db;
    checked(sha256);
    return Readable.from(
      (async function* () {
        const row = await db.storedFile.findUnique({ where: { sha256 }, select: { size: true } });
        if (!row) throw Object.assign(new Error(`no stored file ${sha256}`), { code: 'ENOENT' });
        const end = Math.min(range?.end ?? row.size - 1, row.size - 1);
        for (let at = range?.start ?? 0; at <= end; at += CHUNK) {
          const length = Math.min(CHUNK, end - at + 1);
          const piece = await dialect(db).readStoredFilePiece(db, sha256, at, length);
          if (!piece) throw Object.assign(new Error(`no stored file ${sha256}`), { code: 'ENOENT' });
          yield piece;
        }
      })(),
      { objectMode: false },
    );
  }

  async delete(sha256: string): Promise<void> {
    await this.db.storedFile.deleteMany({ where: { sha256: checked(sha256) } });
  }
}
