import { recordAudit, type AuditActor } from '@/lib/audit';
import { env, filesDir } from '@/lib/env';
import { logEvent } from '@/lib/log';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';
import type { Db } from '@/lib/prisma-client';
import { publicationChanged } from '@/lib/publications/changes';
import { dialect } from '@/lib/sql/dialect';
import { cleanFileName, detectFile, MEDIA_TYPES } from './detect';
import { extractFile, TEXT_STATUS_NOTICES, type TextStatus } from './extract';
import { DatabaseFileStore, LocalFileStore, sha256Of, type FileStore } from './storage';

/** The store FILE_STORE names; `db` is the client or transaction the database store writes through. */
export function fileStore(db: Db): FileStore {
  return env.FILE_STORE === 'database' ? new DatabaseFileStore(db) : new LocalFileStore(filesDir());
}

export const maxFileBytes = (): number => Math.floor(env.FILE_MAX_MB * 1024 * 1024);

export const extractionLimits = () => ({ timeoutMs: env.FILE_EXTRACT_SECONDS * 1000, memoryBytes: env.FILE_EXTRACT_MEMORY_MB * 1024 * 1024 });

export type NewFile = {
  bytes: Buffer;
  /** As the uploader's browser or the import gave it; only its last part is kept. */
  fileName: string;
  label?: string;
  language?: string | null;
};

export type AttachResult =
  | { ok: true; id: number; textStatus: TextStatus; notice: string; duplicateOf: number | null }
  | { ok: false; message: string };

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** What is wrong with a file before anything is stored, or null. Shared by the form and the import. */
export function checkNewFile(file: NewFile): string | null {
  if (file.bytes.length > maxFileBytes()) return `The file is ${describeSize(file.bytes.length)}; the limit is ${env.FILE_MAX_MB} MB.`;
  const detected = detectFile(file.bytes);
  if (!detected.ok) return detected.message;
  if (file.language && !LANGUAGE_CODES.includes(file.language)) return `Unknown language code "${file.language}".`;
  if ((file.label ?? '').length > 200) return 'The label is longer than 200 characters.';
  return null;
}

type Run = <T>(write: (tx: Db) => Promise<T>) => Promise<T>;

/**
 * Stores a file on a publication: checks it, extracts its text and cover (in processes of their own, before
 * any transaction), puts its bytes in the store, and adds it after the record's other files in one
 * transaction (`run`: how the caller runs one) that also refreshes search (its text is searchable from the
 * next request on) and records who did it.
 */
export async function attachFile(run: Run, db: Db, publicationId: number, file: NewFile, actor: AuditActor): Promise<AttachResult> {
  const problem = checkNewFile(file);
  if (problem) return { ok: false, message: problem };
  const detected = detectFile(file.bytes);
  if (!detected.ok) return { ok: false, message: detected.message };
  const kind = detected.kind;
  const sha256 = sha256Of(file.bytes);
  const fileName = cleanFileName(file.fileName, kind);

  const publication = await db.publication.findUnique({ where: { id: publicationId }, select: { id: true, title: true } });
  if (!publication) return { ok: false, message: 'The publication no longer exists.' };

  // Extracted once per content: a file already stored elsewhere keeps the text it was given then.
  const known = await db.publicationFile.findFirst({
    where: { sha256 },
    select: { publicationId: true, textStatus: true, text: true, pageCount: true, coverSha256: true },
  });
  let extraction: { status: TextStatus; text: string; pageCount: number | null; cover: Buffer | null; coverSha256: string | null };
  if (known) {
    extraction = { status: known.textStatus as TextStatus, text: known.text, pageCount: known.pageCount, cover: null, coverSha256: known.coverSha256 };
  } else {
    const started = performance.now();
    const result = await extractFile(file.bytes, kind, extractionLimits());
    logEvent('file-extracted', {
      sha256,
      kind,
      status: result.status,
      pages: result.pageCount,
      ms: Math.round(performance.now() - started),
      ...(result.detail && { detail: result.detail.slice(0, 300) }),
    });
    extraction = { ...result, coverSha256: result.cover ? sha256Of(result.cover) : null };
  }

  const id = await run(async (tx) => {
    const store = fileStore(tx);
    // The bytes are put (again, if a delete on another record took them meanwhile) under the lock deletes
    // take: once this commits, the file is stored and a row names it.
    await dialect(tx).serialize(tx, 'files');
    if ((await store.size(sha256)) !== file.bytes.length) await store.put(sha256, file.bytes);
    if (extraction.cover && extraction.coverSha256) {
      if ((await store.size(extraction.coverSha256)) === null) await store.put(extraction.coverSha256, extraction.cover);
    } else if (extraction.coverSha256 && (await store.size(extraction.coverSha256)) === null) {
      // The cover reused from the same bytes on another record went with that record meanwhile.
      extraction.coverSha256 = null;
    }
    const last = await tx.publicationFile.aggregate({ where: { publicationId }, _max: { position: true } });
    const created = await tx.publicationFile.create({
      data: {
        publicationId,
        position: (last._max.position ?? -1) + 1,
        sha256,
        size: file.bytes.length,
        mediaType: MEDIA_TYPES[kind],
        fileName,
        label: (file.label ?? '').trim() || fileName,
        language: file.language || null,
        textStatus: extraction.status,
        text: extraction.status === 'ok' ? extraction.text : '',
        pageCount: extraction.pageCount,
        coverSha256: extraction.coverSha256,
      },
      select: { id: true },
    });
    await touch(tx, publicationId);
    await recordAudit(tx, {
      actor,
      action: 'attach-file',
      entity: 'publication',
      entityId: publicationId,
      label: `${publication.title}: ${fileName}`,
      changes: { file: { id: created.id, fileName, sha256, size: file.bytes.length, mediaType: MEDIA_TYPES[kind], textStatus: extraction.status } },
    });
    return created.id;
  });
  return { ok: true, id, textStatus: extraction.status, notice: TEXT_STATUS_NOTICES[extraction.status], duplicateOf: known?.publicationId ?? null };
}

/**
 * The record reads differently now (OAI datestamps, sitemaps, search): its date moves and search is told.
 * Its version, which the edit form holds, does not: attaching a file does not make an open form stale.
 */
async function touch(tx: Db, publicationId: number): Promise<void> {
  await tx.publication.update({ where: { id: publicationId }, data: { updatedAt: new Date() }, select: { id: true } });
  await publicationChanged(tx, publicationId);
}

/** Changes a file's label or language. False when the file is not on that publication. */
export async function updateFile(
  tx: Db,
  publicationId: number,
  fileId: number,
  change: { label: string; language: string | null },
  actor: AuditActor,
): Promise<boolean> {
  const before = await tx.publicationFile.findFirst({ where: { id: fileId, publicationId }, select: { label: true, language: true, fileName: true } });
  if (!before) return false;
  const label = change.label.trim() || before.fileName;
  await tx.publicationFile.update({ where: { id: fileId }, data: { label, language: change.language } });
  await touch(tx, publicationId);
  await recordAudit(tx, {
    actor,
    action: 'update-file',
    entity: 'publication',
    entityId: publicationId,
    label: before.fileName,
    changes: { label: { before: before.label, after: label }, language: { before: before.language, after: change.language } },
  });
  return true;
}

/** Takes a file off a publication, and out of the store when no other record uses it. False when not found. */
export async function detachFile(tx: Db, publicationId: number, fileId: number, actor: AuditActor): Promise<boolean> {
  await dialect(tx).serialize(tx, 'files');
  const file = await tx.publicationFile.findFirst({
    where: { id: fileId, publicationId },
    select: { fileName: true, sha256: true, coverSha256: true, publication: { select: { title: true } } },
  });
  if (!file) return false;
  await tx.publicationFile.delete({ where: { id: fileId } });
  // Later files move up: positions stay 0, 1, 2… (the first is the record's main document).
  const rest = await tx.publicationFile.findMany({ where: { publicationId }, orderBy: { position: 'asc' }, select: { id: true, position: true } });
  for (const [position, row] of rest.entries()) {
    if (row.position !== position) await tx.publicationFile.update({ where: { id: row.id }, data: { position } });
  }
  await touch(tx, publicationId);
  await recordAudit(tx, {
    actor,
    action: 'detach-file',
    entity: 'publication',
    entityId: publicationId,
    label: `${file.publication.title}: ${file.fileName}`,
    changes: { file: { fileName: file.fileName, sha256: file.sha256 } },
  });
  await releaseStoredFiles(tx, [file.sha256, file.coverSha256]);
  return true;
}

/** The stored digests a publication's files name (read before deleting it: its rows go with it). */
export async function storedFilesOf(db: Db, publicationId: number): Promise<string[]> {
  const files = await db.publicationFile.findMany({ where: { publicationId }, select: { sha256: true, coverSha256: true } });
  return files.flatMap((f) => [f.sha256, f.coverSha256]).filter((sha): sha is string => sha !== null);
}

/**
 * Deletes from the store those of the digests no file row names any more. Inside the transaction that
 * removed the rows, after them, under the lock attachFile takes: a concurrent attach of the same bytes
 * either committed first (its row keeps them) or waits, and then puts them back.
 */
export async function releaseStoredFiles(tx: Db, digests: (string | null)[]): Promise<void> {
  const unique = [...new Set(digests.filter((d): d is string => d !== null))];
  if (unique.length === 0) return;
  await dialect(tx).serialize(tx, 'files');
  const store = fileStore(tx);
  for (const sha256 of unique) {
    const used = await tx.publicationFile.count({ where: { OR: [{ sha256 }, { coverSha256: sha256 }] } });
    if (used === 0) await store.delete(sha256);
  }
}
