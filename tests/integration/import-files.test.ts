import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { fileStore } from '@/lib/files/files';
import { sha256Of } from '@/lib/files/storage';
import { runImport } from '@/lib/import';
import { formatReport } from '@/lib/import/report-text';
import { makeDocx, makePdf } from '@/tests/fixtures/documents';

const HEADER = 'title,summary,countries,regions,authors,year,category,languages,url,files';
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const row = (title: string, files: string) => `${title},A summary.,Mali,,IOM,2022,report,English,,"${files}"`;

let folder: string;
const report = makePdf(['Findings on recruitment agencies', 'Annex on wage theft']);
const annex = makeDocx(['Survey questionnaire for returnees']);

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'import-files-'));
  await mkdir(path.join(folder, 'docs'));
  await writeFile(path.join(folder, 'docs/report.pdf'), report);
  await writeFile(path.join(folder, 'annex.docx'), annex);
  await writeFile(path.join(folder, 'picture.pdf'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
  const outside = await mkdtemp(path.join(tmpdir(), 'import-outside-'));
  await writeFile(path.join(outside, 'secret.pdf'), makePdf(['not for the catalogue']));
  await symlink(path.join(outside, 'secret.pdf'), path.join(folder, 'link.pdf'));
});

const stamp = Date.now();
const title = (n: number) => `Imported with files ${stamp} ${n}`;
const filesOf = (t: string) =>
  prisma.publicationFile.findMany({ where: { publication: { title: t } }, orderBy: { position: 'asc' }, select: { fileName: true, label: true, language: true, textStatus: true, sha256: true } });

describe('import with a folder of files', () => {
  it('rejects records whose files cannot be used, with the reason, and stores nothing', async () => {
    const store = fileStore(prisma);
    const bad = csv(
      row(title(90), 'missing.pdf'),
      row(title(91), '../outside.pdf'),
      row(title(92), '/etc/passwd'),
      row(title(93), 'https://example.org/report.pdf'),
      row(title(94), 'picture.pdf'),
      row(title(95), 'link.pdf'),
      row(title(96), 'docs/report.pdf|Report|xx'),
      row(title(97), 'docs/report.pdf; docs/../docs/report.pdf'),
    );
    const dry = await runImport(prisma, bad, { fileName: 'bad.csv', filesDir: folder });
    const messages = dry.records.map((r) => r.errors.map((e) => `${e.field}: ${e.message}`).join(' | '));
    expect(messages).toEqual([
      expect.stringMatching(/^files: “missing.pdf” is not in the files folder/),
      expect.stringMatching(/^files: “..\/outside.pdf” is not in the files folder/),
      'files: “/etc/passwd” must be a path relative to the files folder',
      'files: “https://example.org/report.pdf” is an address: the import reads files from its folder only; put the file there',
      'files: “picture.pdf”: Only PDF, Word (.docx) and plain-text files can be attached.',
      'files: “link.pdf” points outside the files folder',
      'files: “docs/report.pdf”: unknown language code “xx”',
      'files: “docs/../docs/report.pdf” is the same file as another one of this record',
    ]);
    const applied = await runImport(prisma, bad, { fileName: 'bad.csv', filesDir: folder, apply: true });
    expect(applied.mode).toBe('aborted');
    expect(await prisma.publication.count({ where: { title: { startsWith: `Imported with files ${stamp}` } } })).toBe(0);
    expect(await store.size(sha256Of(report))).toBeNull();
  });

  it('without a folder (the admin upload) a record naming files is rejected, saying how to attach them', async () => {
    const dry = await runImport(prisma, csv(row(title(80), 'docs/report.pdf')), { fileName: 'upload.csv' });
    expect(dry.records[0]!.errors).toEqual([{ field: 'files', message: 'files can only be attached by the command-line import, from a folder (npm run import -- <file> --files <folder>)' }]);
  });

  it('attaches the files in one apply, extracts their text, and attaches nothing twice when run again', async () => {
    const good = csv(row(title(1), 'docs/report.pdf|Full report|en; annex.docx|Questionnaire|fr'), row(title(2), 'docs/report.pdf'));
    const dry = await runImport(prisma, good, { fileName: 'good.csv', filesDir: folder });
    expect(dry.message).toMatch(/2 records to create, .*; 3 files to attach \(text extracted when applied\)\./);
    expect(dry.records[0]!.files.map((f) => [f.path, f.label, f.language, f.action])).toEqual([
      ['docs/report.pdf', 'Full report', 'en', 'attach'],
      ['annex.docx', 'Questionnaire', 'fr', 'attach'],
    ]);
    expect(formatReport(dry)).toContain('file: docs/report.pdf (');
    expect(await fileStore(prisma).size(sha256Of(report))).toBeNull();

    const applied = await runImport(prisma, good, { fileName: 'good.csv', filesDir: folder, apply: true, expectFingerprint: dry.fingerprint });
    expect(applied.mode, applied.message).toBe('applied');
    expect(applied.message).toMatch(/3 files attached\.$/);
    expect(await filesOf(title(1))).toEqual([
      { fileName: 'report.pdf', label: 'Full report', language: 'en', textStatus: 'ok', sha256: sha256Of(report) },
      { fileName: 'annex.docx', label: 'Questionnaire', language: 'fr', textStatus: 'ok', sha256: sha256Of(annex) },
    ]);
    expect(await filesOf(title(2))).toEqual([{ fileName: 'report.pdf', label: 'report.pdf', language: null, textStatus: 'ok', sha256: sha256Of(report) }]);
    expect(await fileStore(prisma).size(sha256Of(report))).toBe(report.length);

    const again = await runImport(prisma, good, { fileName: 'good.csv', filesDir: folder });
    expect(again.totals).toMatchObject({ create: 0, update: 0, unchanged: 2, files: 0 });
    expect(again.records[0]!.files.map((f) => f.action)).toEqual(['unchanged', 'unchanged']);

    // A new file for a publication that is otherwise unchanged makes it an update.
    await writeFile(path.join(folder, 'summary.txt'), 'Executive summary in plain text');
    const more = await runImport(prisma, csv(row(title(2), 'docs/report.pdf; summary.txt|Summary')), { fileName: 'more.csv', filesDir: folder, apply: true });
    expect(more.records[0]).toMatchObject({ action: 'update', diff: [{ field: 'files', before: 'report.pdf', after: 'report.pdf, summary.txt' }] });
    expect((await filesOf(title(2))).map((f) => f.fileName)).toEqual(['report.pdf', 'summary.txt']);
  }, 60_000);
});
