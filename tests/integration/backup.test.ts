import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as tar from 'tar';
import { createBackup, restoreBackup, RestoreRefused } from '@/lib/backup/backup';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { prisma } from '@/lib/db';
import { databaseUrl, env, filesDir } from '@/lib/env';
import { sqliteFilePath } from '@/lib/database-url';
import { attachFile } from '@/lib/files/files';
import { DatabaseFileStore, LocalFileStore } from '@/lib/files/storage';
import { runImport } from '@/lib/import';
import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';
import { upsertPublication } from '@/lib/publications/save';
import { parseQuery } from '@/lib/search/query';
import { IndexStore } from '@/lib/search/store';
import { dialect } from '@/lib/sql/dialect';
import { createEmptyDatabase, testProvider } from '@/tests/setup/databases';
import { makePdf } from '@/tests/fixtures/documents';

const tmp = mkdtempSync(path.join(tmpdir(), 'ct-backup-test-'));
const opened: PrismaClient[] = [];
afterAll(async () => {
  for (const db of opened) await db.$disconnect();
});

const run = <T>(write: (tx: typeof prisma) => Promise<T>) => prisma.$transaction((tx) => write(tx as typeof prisma), { timeout: 60_000 });
const record = (n: number, summary = 'Written before the backup.') => ({
  slug: `backup-burst-${n}`,
  title: `Backup burst record ${n}`,
  summary,
  year: 2020,
  category: 'report',
  countries: ['NG'],
  regions: [],
  authors: ['IOM'],
});

function importCsv(rows: number): string {
  const lines = ['title,summary,countries,regions,authors,year,category,languages,url'];
  for (let i = 0; i < rows; i++) lines.push(`Imported during the backup ${i},Imported while a backup ran.,Mali,,ILO,2019,report,English,`);
  return `${lines.join('\n')}\n`;
}

describe('backup and restore', () => {
  it('takes a consistent backup while edits and an import run, and restores it whole into a new database', async () => {
    for (let n = 0; n < 20; n++) await upsertPublication(prisma, record(n));
    const first = await prisma.publication.findUniqueOrThrow({ where: { slug: 'backup-burst-0' } });
    const pdf = makePdf(['Backed up document about forced labour in fisheries']);
    const attached = await attachFile(run, prisma, first.id, { bytes: pdf, fileName: 'fisheries.pdf', label: 'Report' }, null);
    expect(attached.ok).toBe(true);

    const out = path.join(tmp, 'during.tar');
    // The backup, a burst of edits and an import, all at once.
    const edits = (async () => {
      for (let round = 0; round < 3; round++) for (let n = 0; n < 20; n++) await upsertPublication(prisma, record(n, `Edited in round ${round}.`));
    })();
    const imported = runImport(prisma, importCsv(300), { fileName: 'during.csv', apply: true });
    const [manifest] = await Promise.all([createBackup(databaseUrl(), out), edits, imported]);
    expect((await imported).mode).toBe('applied');

    const target = await createEmptyDatabase('restored');
    const targetFiles = path.join(tmp, 'restored-files');
    const restored = await restoreBackup(out, target, { filesDir: targetFiles });
    expect(restored.counts).toEqual(manifest.counts);
    const db = createPrismaClient(target);
    opened.push(db);
    const [publications, files, changes, last] = await Promise.all([
      db.publication.count(),
      db.publicationFile.findMany(),
      db.catalogueChange.count(),
      db.catalogueChange.aggregate({ _max: { seq: true } }),
    ]);
    expect({ publications, files: files.length, changes, lastChange: last._max.seq ?? 0 }).toMatchObject({
      publications: manifest.counts.publications,
      files: manifest.counts.files,
      changes: manifest.counts.changes,
      lastChange: manifest.counts.lastChange,
    });
    // One consistent state: the import is all in or all out, never part of it.
    const importedRows = await db.publication.count({ where: { title: { startsWith: 'Imported during the backup' } } });
    expect([0, 300]).toContain(importedRows);
    if (testProvider() === 'sqlite') {
      const check = new Database(sqliteFilePath(target), { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    }
    // The file's bytes came with it, into the target's store.
    const store = env.FILE_STORE === 'database' ? new DatabaseFileStore(db) : new LocalFileStore(targetFiles);
    for (const file of files) expect(await store.size(file.sha256)).toBe(file.size);

    // The search index built from the restored database agrees with its full text, document text included.
    const index = await new IndexStore().current(db);
    for (const q of ['fisheries', 'burst', 'imported during', '"forced labour"']) {
      const fromIndex = index.search(parseCatalogueParams(new URLSearchParams({ q })), parseQuery(q), { pageSize: 10_000 }).ids.sort((a, b) => a - b);
      const fromSql = (await dialect(db).matchFullText(db, q)).sort((a, b) => a - b);
      expect(fromIndex, q).toEqual(fromSql);
    }
  }, 180_000);

  it('refuses a damaged backup, a newer schema, another database kind and a target that is not empty, writing nothing', async () => {
    const out = path.join(tmp, 'good.tar');
    await createBackup(databaseUrl(), out);
    const fresh = async () => createEmptyDatabase('refused');
    const refuses = async (file: string, pattern: RegExp, target?: string) => {
      const url = target ?? (await fresh());
      await expect(restoreBackup(file, url, { filesDir: path.join(tmp, 'refused-files') })).rejects.toThrow(RestoreRefused);
      await expect(restoreBackup(file, url, { filesDir: path.join(tmp, 'refused-files') })).rejects.toThrow(pattern);
      if (!target && testProvider() === 'sqlite') expect(() => readFileSync(sqliteFilePath(url))).toThrow();
    };

    // Damaged: one byte of the database changed inside the archive.
    const unpacked = mkdtempSync(path.join(tmp, 'unpacked-'));
    await tar.extract({ file: out, cwd: unpacked });
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'));
    const database = manifest.entries[0].name as string;
    const bytes = readFileSync(path.join(unpacked, database));
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(path.join(unpacked, database), bytes);
    const entries = ['manifest.json', ...manifest.entries.map((e: { name: string }) => e.name)];
    await tar.create({ file: path.join(tmp, 'damaged.tar'), cwd: unpacked }, entries);
    await refuses(path.join(tmp, 'damaged.tar'), new RegExp(`damaged: ${database} is not what the manifest says`));

    // A schema this version does not know.
    const newer = mkdtempSync(path.join(tmp, 'newer-'));
    await tar.extract({ file: out, cwd: newer });
    writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify({ ...manifest, migration: '29991231000000_from_the_future' }));
    await tar.create({ file: path.join(tmp, 'newer.tar'), cwd: newer }, entries);
    await refuses(path.join(tmp, 'newer.tar'), /newer schema \(29991231000000_from_the_future\)/);

    // Not a backup at all; and a backup of the other kind of database.
    writeFileSync(path.join(tmp, 'junk.tar'), 'not a tar file at all');
    await refuses(path.join(tmp, 'junk.tar'), /not a readable backup|no readable manifest/);
    const other = mkdtempSync(path.join(tmp, 'other-'));
    await tar.extract({ file: out, cwd: other });
    writeFileSync(path.join(other, 'manifest.json'), JSON.stringify({ ...manifest, provider: testProvider() === 'sqlite' ? 'postgresql' : 'sqlite' }));
    await tar.create({ file: path.join(tmp, 'other.tar'), cwd: other }, entries);
    await refuses(path.join(tmp, 'other.tar'), /is a backup of a (postgresql|sqlite) database/);

    // The catalogue's own database is not empty.
    await refuses(out, /is not empty: a restore goes into a new, empty database only/, databaseUrl());
  }, 120_000);

  it('works from the command line, as the README shows', async () => {
    const out = path.join(tmp, 'cli.tar');
    const backup = execFileSync('node_modules/.bin/tsx', ['scripts/backup.ts', '--out', out], { env: { ...process.env, DATABASE_URL: databaseUrl() } }).toString();
    expect(backup).toMatch(/^Backed up .* to .*cli\.tar in [\d.]+ s: \d+ publications, \d+ files, \d+ staff accounts, change log at \d+, schema \d+_\w+\.\n$/);
    const target = await createEmptyDatabase('cli');
    const restore = execFileSync('node_modules/.bin/tsx', ['scripts/restore.ts', out], {
      env: { ...process.env, DATABASE_URL: target, FILES_DIR: path.join(tmp, 'cli-files') },
    }).toString();
    expect(restore).toMatch(/^Restored .*cli\.tar \(taken .*\) into .*: \d+ publications/);
    expect(filesDir()).not.toBe(path.join(tmp, 'cli-files'));
  }, 120_000);
});
