import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';
import { cleanFileName, detectFile, kindOf } from '@/lib/files/detect';
import { maxFileBytes, prepareFile, type PreparedFile } from '@/lib/files/files';
import { sha256Of } from '@/lib/files/storage';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';
import type { Db } from '@/lib/prisma-client';
import type { FieldDiff, PlannedFile, RecordReport, SourceRecord } from './types';

/**
 * Files named by import records, read from a folder beside the import file (the CLI's --files, by default
 * the import file's own folder). A record's `files` lists them, separated by ";" (CSV) or as a JSON array:
 * each "path", "path|label" or "path|label|language", the path relative to the folder. A URL is not
 * fetched (the catalogue does not download from elsewhere): put the file in the folder.
 * The import only adds files: a file a publication already has (the same bytes) is left as it is, and
 * files it has that the import does not name are kept.
 */

export type FileSpec = { path: string; label: string | null; language: string | null };

export function parseFileSpecs(value: string | readonly string[] | null | undefined): FileSpec[] {
  const items = value === null || value === undefined ? [] : typeof value === 'string' ? value.split(';') : value;
  return items
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [file = '', label = '', language = ''] = item.split('|').map((part) => part.trim());
      return { path: file, label: label || null, language: language.toLowerCase() || null };
    });
}

/** A file on disk as the import found it, or why it cannot be used. */
export type FileOnDisk = { ok: true; absolute: string; size: number; sha256: string } | { ok: false; message: string };

/** Checks one path: inside the folder (after symlinks), a regular file, within the size limit, of a kind the catalogue takes. */
async function readOne(root: string, relative: string): Promise<FileOnDisk> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(relative)) return { ok: false, message: `“${relative}” is an address: the import reads files from its folder only; put the file there` };
  if (path.isAbsolute(relative) || relative.includes('\0')) return { ok: false, message: `“${relative}” must be a path relative to the files folder` };
  let absolute: string;
  try {
    absolute = await realpath(path.resolve(root, relative));
  } catch {
    return { ok: false, message: `“${relative}” is not in the files folder (${root})` };
  }
  if (!absolute.startsWith(root + path.sep)) return { ok: false, message: `“${relative}” points outside the files folder` };
  const info = await stat(absolute);
  if (!info.isFile()) return { ok: false, message: `“${relative}” is not a file` };
  if (info.size > maxFileBytes()) return { ok: false, message: `“${relative}” is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${env.FILE_MAX_MB} MB` };
  const bytes = await readFile(absolute);
  const detected = detectFile(bytes);
  if (!detected.ok) return { ok: false, message: `“${relative}”: ${detected.message}` };
  return { ok: true, absolute, size: info.size, sha256: sha256Of(bytes) };
}

export type ImportFiles = {
  /** The folder, resolved; null when the import has none (an upload through the admin page). */
  root: string | null;
  /** Every path the records name, as written, checked. */
  byPath: Map<string, FileOnDisk>;
};

/** Checks every file the records name (each path once). Reads and hashes them; extracts nothing. */
export async function readImportFiles(records: readonly SourceRecord[], folder: string | null): Promise<ImportFiles> {
  const paths = new Set(records.flatMap((r) => parseFileSpecs(r.data.files).map((spec) => spec.path)));
  const byPath = new Map<string, FileOnDisk>();
  if (paths.size === 0 || folder === null) return { root: null, byPath };
  let root: string;
  try {
    root = await realpath(folder);
  } catch {
    for (const p of paths) byPath.set(p, { ok: false, message: `the files folder ${folder} does not exist` });
    return { root: null, byPath };
  }
  for (const p of paths) byPath.set(p, await readOne(root, p));
  return { root, byPath };
}

/** The files part of a plan: what each record attaches, and the attachments to write, by publication slug. */
export type Attachment = { slug: string; title: string; file: PlannedFile; sha256: string };

/**
 * Fills in each planned record's files: rejected when one cannot be used, "unchanged" when the publication
 * already has those bytes, else attached (and an otherwise unchanged record becomes an update).
 */
export async function planFiles(db: Db, sources: readonly SourceRecord[], records: RecordReport[], files: ImportFiles | null): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  const slugs = records.filter((r) => r.action !== 'rejected' && r.slug).map((r) => r.slug!);
  const existing = new Map<string, { sha256: string; fileName: string }[]>();
  for (let i = 0; i < slugs.length; i += 500) {
    const rows = await db.publicationFile.findMany({
      where: { publication: { slug: { in: slugs.slice(i, i + 500) } } },
      select: { sha256: true, fileName: true, publication: { select: { slug: true } } },
      orderBy: { position: 'asc' },
    });
    for (const row of rows) existing.set(row.publication.slug, [...(existing.get(row.publication.slug) ?? []), row]);
  }
  sources.forEach((source, i) => {
    const record = records[i]!;
    const specs = parseFileSpecs(source.data.files);
    if (specs.length === 0) return;
    const planned: PlannedFile[] = [];
    const errors: string[] = [];
    for (const spec of specs) {
      const found = files?.byPath.get(spec.path);
      if (!found) {
        errors.push('files can only be attached by the command-line import, from a folder (npm run import -- <file> --files <folder>)');
        break;
      }
      if (!found.ok) errors.push(found.message);
      else if (spec.language && !LANGUAGE_CODES.includes(spec.language)) errors.push(`“${spec.path}”: unknown language code “${spec.language}”`);
      else if (planned.some((p) => p.sha256 === found.sha256)) errors.push(`“${spec.path}” is the same file as another one of this record`);
      else {
        const had = record.slug ? existing.get(record.slug)?.some((f) => f.sha256 === found.sha256) : false;
        planned.push({ path: spec.path, label: spec.label, language: spec.language, size: found.size, sha256: found.sha256, action: had ? 'unchanged' : 'attach' });
      }
    }
    record.files = planned;
    if (record.action === 'rejected') return;
    if (errors.length > 0) {
      record.errors.push(...errors.map((message) => ({ field: 'files' as const, message })));
      record.action = 'rejected';
      return;
    }
    const added = planned.filter((p) => p.action === 'attach');
    if (added.length === 0) return;
    for (const file of added) attachments.push({ slug: record.slug!, title: record.title, file, sha256: file.sha256 });
    if (record.action === 'unchanged' || record.action === 'update') {
      const before = (existing.get(record.slug!) ?? []).map((f) => f.fileName);
      const diff: FieldDiff = { field: 'files', before: before.join(', ') || '—', after: [...before, ...added.map((f) => f.path)].join(', ') };
      record.diff.push(diff);
      if (record.action === 'unchanged') record.action = 'update';
    }
  });
  return attachments;
}

/**
 * Extracts and stores every file the attachments name (each content once), before the import's
 * transaction: extraction takes seconds a file, which a write transaction must not hold the database for.
 */
export async function prepareImportFiles(db: Db, files: ImportFiles, attachments: readonly Attachment[]): Promise<Map<string, PreparedFile>> {
  const prepared = new Map<string, PreparedFile>();
  for (const { file } of attachments) {
    if (prepared.has(file.sha256)) continue;
    const found = files.byPath.get(file.path);
    if (!found?.ok) throw new Error(`import file ${file.path} is no longer readable`);
    const bytes = await readFile(found.absolute);
    const result = await prepareFile(db, { bytes, fileName: file.path }, () => readFile(found.absolute));
    if (!result.ok) throw new Error(`import file ${file.path}: ${result.message}`);
    if (result.file.sha256 !== file.sha256) throw new Error(`import file ${file.path} changed while the import ran`);
    prepared.set(file.sha256, result.file);
  }
  return prepared;
}

/** The prepared file as this attachment names it: its own name, label and language (one content may be named twice). */
export function asNamed(prepared: PreparedFile, file: PlannedFile): PreparedFile {
  const fileName = cleanFileName(file.path, kindOf(prepared.mediaType) ?? 'pdf');
  return { ...prepared, fileName, label: file.label ?? fileName, language: file.language };
}
