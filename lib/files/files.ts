import { recordAudit, type AuditActor } from '@/lib/audit';
import { env, filesDir } from '@/lib/env';
import { logEvent } from '@/lib/log';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';
import type { Db } from '@/lib/prisma-client';
import { publicationChanged } from '@/lib/publications/changes';
import { dialect } from '@/lib/sql/dialect';
import { cleanFileName, detectFile, MEDIA_TYPES, type FileKind } from './detect';
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

/** Why a file was refused, as a code the edit page can say in its own words (and as the import says it). */
export type FileProblemCode = 'too-big' | 'empty' | 'wrong-type' | 'language' | 'label' | 'gone';

export type AttachResult =
  | { ok: true; id: number; textStatus: TextStatus; notice: string; duplicateOf: number | null }
  | { ok: false; code: FileProblemCode; message: string };

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** What kind of file it is, or what is wrong with it, before anything is stored. */
function checkNewFile(file: NewFile): { ok: true; kind: FileKind } | { ok: false; code: FileProblemCode; message: string } {
  if (file.bytes.length > maxFileBytes()) return { ok: false, code: 'too-big', message: `The file is ${describeSize(file.bytes.length)}; the limit is ${env.FILE_MAX_MB} MB.` };
  const detected = detectFile(file.bytes);
  if (!detected.ok) return { ok: false, code: file.bytes.length === 0 ? 'empty' : 'wrong-type', message: detected.message };
  if (file.language && !LANGUAGE_CODES.includes(file.language)) return { ok: false, code: 'language', message: `Unknown language code "${file.language}".` };
  if ((file.label ?? '').length > 200) return { ok: false, code: 'label', message: 'The label is longer than 200 characters.' };
  return { ok: true, kind: detected.kind };
}

type Run = <T>(write: (tx: Db) => Promise<T>) => Promise<T>;

/** A checked file, its text extracted and its bytes (and cover) in the store, ready to be named by a row. */
export type PreparedFile = {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  label: string;
  language: string | null;
  textStatus: TextStatus;
  text: string;
  pageCount: number | null;
  coverSha256: string | null;
  /** The bytes again, should the store have lost them before a row names them (see addPreparedFile). */
  load: () => Promise<Buffer>;
  /** On the record of another publication already: its text was reused, not extracted again. */
  duplicateOf: number | null;
};

/**
 * Checks a file, extracts its text and cover (in processes of their own: slow, so never inside a
 * transaction) and puts both in the store. Nothing names them yet: addPreparedFile does, in the caller's
 * transaction; if that never commits, releaseStoredFiles takes them out again.
 */
export async function prepareFile(
  db: Db,
  file: NewFile,
  load: () => Promise<Buffer> = async () => file.bytes,
): Promise<{ ok: true; file: PreparedFile } | { ok: false; code: FileProblemCode; message: string }> {
  const checked = checkNewFile(file);
  if (!checked.ok) return checked;
  const kind = checked.kind;
  const sha256 = sha256Of(file.bytes);
  const fileName = cleanFileName(file.fileName, kind);

  // Extracted once per content: a file already stored for another record keeps the text it was given then.
  const known = await db.publicationFile.findFirst({
    where: { sha256 },
    select: { publicationId: true, textStatus: true, text: true, pageCount: true, coverSha256: true },
  });
  const store = fileStore(db);
  let extracted: Pick<PreparedFile, 'textStatus' | 'text' | 'pageCount' | 'coverSha256'>;
  if (known) {
    extracted = { textStatus: known.textStatus as TextStatus, text: known.text, pageCount: known.pageCount, coverSha256: known.coverSha256 };
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
    const coverSha256 = result.cover ? sha256Of(result.cover) : null;
    if (result.cover && coverSha256) await store.put(coverSha256, result.cover);
    extracted = { textStatus: result.status, text: result.status === 'ok' ? result.text : '', pageCount: result.pageCount, coverSha256 };
  }
  await store.put(sha256, file.bytes);
  return {
    ok: true,
    file: {
      sha256,
      size: file.bytes.length,
      mediaType: MEDIA_TYPES[kind],
      fileName,
      label: (file.label ?? '').trim() || fileName,
      language: file.language || null,
      ...extracted,
      load,
      duplicateOf: known?.publicationId ?? null,
    },
  };
}

/**
 * Adds a prepared file after the record's other files, inside the caller's transaction, which it also makes
 * refresh search (the text is searchable from the next request on) and record who did it. Returns its id.
 */
export async function addPreparedFile(tx: Db, publicationId: number, file: PreparedFile, actor: AuditActor, title?: string): Promise<number> {
  const store = fileStore(tx);
  // Under the lock deletes take, the bytes are put back if another record's delete took them since they
  // were prepared: once this commits, the file is stored and a row names it.
  await dialect(tx).serialize(tx, 'files');
  if ((await store.size(file.sha256)) !== file.size) await store.put(file.sha256, await file.load());
  // A cover reused from another record that went meanwhile: this record has none rather than a broken one.
  const coverSha256 = file.coverSha256 && (await store.size(file.coverSha256)) !== null ? file.coverSha256 : null;
  const last = await tx.publicationFile.aggregate({ where: { publicationId }, _max: { position: true } });
  const { id } = await tx.publicationFile.create({
    data: {
      publicationId,
      position: (last._max.position ?? -1) + 1,
      sha256: file.sha256,
      size: file.size,
      mediaType: file.mediaType,
      fileName: file.fileName,
      label: file.label,
      language: file.language,
      textStatus: file.textStatus,
      text: file.text,
      pageCount: file.pageCount,
      coverSha256,
    },
    select: { id: true },
  });
  await touch(tx, publicationId);
  const name = title ?? (await tx.publication.findUniqueOrThrow({ where: { id: publicationId }, select: { title: true } })).title;
  await recordAudit(tx, {
    actor,
    action: 'attach-file',
    entity: 'publication',
    entityId: publicationId,
    label: `${name}: ${file.fileName}`,
    changes: { file: { id, fileName: file.fileName, sha256: file.sha256, size: file.size, mediaType: file.mediaType, textStatus: file.textStatus } },
  });
  return id;
}

/** prepareFile and addPreparedFile for one file on one publication: what the form does. */
export async function attachFile(run: Run, db: Db, publicationId: number, file: NewFile, actor: AuditActor): Promise<AttachResult> {
  const publication = await db.publication.findUnique({ where: { id: publicationId }, select: { title: true } });
  if (!publication) return { ok: false, code: 'gone', message: 'The publication no longer exists.' };
  const prepared = await prepareFile(db, file);
  if (!prepared.ok) return prepared;
  const { file: ready } = prepared;
  try {
    const id = await run((tx) => addPreparedFile(tx, publicationId, ready, actor, publication.title));
    return { ok: true, id, textStatus: ready.textStatus, notice: TEXT_STATUS_NOTICES[ready.textStatus], duplicateOf: ready.duplicateOf };
  } catch (error) {
    await run((tx) => releaseStoredFiles(tx, [ready.sha256, ready.coverSha256])).catch(() => {});
    throw error;
  }
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
