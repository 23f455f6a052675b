import { readFile } from 'node:fs/promises';
import { buffer, text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { attachFile, detachFile, fileStore, updateFile } from '@/lib/files/files';
import { DatabaseFileStore, LocalFileStore, sha256Of } from '@/lib/files/storage';
import { filesDir } from '@/lib/env';
import { deletePublication, upsertPublication } from '@/lib/publications/save';
import { makeDocx, makeDocxBomb, makeLoopingPdf, makePdf } from '@/tests/fixtures/documents';

/** The bytes with their middle turned to zeros: the zip's directory intact, its deflated data not. */
function corrupted(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy.fill(0xff, 600, 700);
  return copy;
}

const actor = { id: 1, name: 'Test editor' };
const run = <T>(write: (tx: typeof prisma) => Promise<T>) => prisma.$transaction((tx) => write(tx as typeof prisma), { timeout: 60_000 });

let counter = 0;
async function record(): Promise<number> {
  counter++;
  return upsertPublication(prisma, {
    slug: `files-test-${counter}-${Date.now()}`,
    title: `Files test ${counter}`,
    summary: 'A record for the file tests.',
    year: 2021,
    category: 'report',
    countries: [],
    regions: [],
    authors: [],
  });
}

const attach = (publicationId: number, bytes: Buffer, fileName = 'report.pdf', extra: { label?: string; language?: string } = {}) =>
  attachFile(run, prisma, publicationId, { bytes, fileName, ...extra }, actor);

describe('attaching files', () => {
  it('stores a PDF once by content, with its text by page and a cover', async () => {
    const bytes = makePdf(['First page about recruitment fees', 'Second page on debt bondage']);
    const [a, b] = [await record(), await record()];
    const first = await attach(a, bytes, 'C:\\Users\\me\\Desktop\\Final report.pdf', { label: 'Full report', language: 'en' });
    const second = await attach(b, bytes, '../../etc/passwd');
    expect(first).toMatchObject({ ok: true, textStatus: 'ok', duplicateOf: null });
    expect(second).toMatchObject({ ok: true, textStatus: 'ok', duplicateOf: a });
    const rows = await prisma.publicationFile.findMany({ where: { publicationId: { in: [a, b] } }, orderBy: { publicationId: 'asc' } });
    expect(rows.map((r) => r.fileName)).toEqual(['Final report.pdf', 'passwd.pdf']);
    expect(rows[0]).toMatchObject({ label: 'Full report', language: 'en', mediaType: 'application/pdf', pageCount: 2, size: bytes.length, sha256: sha256Of(bytes) });
    expect(rows[0]!.text.split('\f').map((page) => page.trim())).toEqual(['First page about recruitment fees', 'Second page on debt bondage']);
    expect(rows[0]!.coverSha256).toMatch(/^[0-9a-f]{64}$/);
    const store = fileStore(prisma);
    expect(await store.size(sha256Of(bytes))).toBe(bytes.length);
    const cover = await buffer(store.read(rows[0]!.coverSha256!));
    expect(cover.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A local store keeps it under the database's own folder, as one file.
    if (store instanceof LocalFileStore) expect(store.root).toBe(filesDir());
  });

  it('refuses what it cannot take, storing nothing', async () => {
    const id = await record();
    const before = await prisma.publicationFile.count();
    expect(await attach(id, Buffer.alloc(0))).toEqual({ ok: false, code: 'empty', message: 'The file is empty (0 bytes).' });
    expect(await attach(id, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), 'picture.pdf')).toMatchObject({ ok: false, message: expect.stringMatching(/Only PDF/) });
    expect(await attach(id, makePdf(['x']), 'a.pdf', { language: 'zz' })).toMatchObject({ ok: false, message: 'Unknown language code "zz".' });
    expect(await prisma.publicationFile.count()).toBe(before);
  });

  it('keeps damaged, encrypted, looping and bomb files with a status and no text, never throwing', async () => {
    const id = await record();
    const encrypted = await readFile(new URL('../fixtures/encrypted.pdf', import.meta.url));
    const cases: [Buffer, string, string][] = [
      [encrypted, 'secret.pdf', 'encrypted'],
      [Buffer.concat([makePdf(['cut short']).subarray(0, 120)]), 'cut.pdf', 'damaged'],
      [makeLoopingPdf(), 'loop.pdf', 'no-text'],
      [makeDocxBomb(300 << 20), 'bomb.docx', 'too-big'],
      [corrupted(makeDocx(['A paragraph long enough to be deflated into some bytes of its own '.repeat(20)])), 'broken.docx', 'damaged'],
    ];
    for (const [bytes, name, status] of cases) {
      const result = await attach(id, bytes, name);
      expect(result, name).toMatchObject({ ok: true, textStatus: status });
    }
    const rows = await prisma.publicationFile.findMany({ where: { publicationId: id }, orderBy: { position: 'asc' } });
    expect(rows.map((r) => [r.fileName, r.textStatus, r.text])).toEqual(cases.map(([, name, status]) => [name, status, '']));
  }, 120_000);

  it('reads Word documents and plain text', async () => {
    const id = await record();
    expect(await attach(id, makeDocx(['Guidelines on victim identification', 'Annex: indicators']), 'guide.docx')).toMatchObject({ ok: true, textStatus: 'ok' });
    expect(await attach(id, Buffer.from('\uFEFFNotes on shelters\r\nsecond line'), 'notes')).toMatchObject({ ok: true, textStatus: 'ok' });
    const rows = await prisma.publicationFile.findMany({ where: { publicationId: id }, orderBy: { position: 'asc' } });
    expect(rows.map((r) => [r.fileName, r.mediaType])).toEqual([
      ['guide.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['notes.txt', 'text/plain'],
    ]);
    expect(rows[0]!.text).toContain('Guidelines on victim identification');
    expect(rows[1]!.text).toBe('Notes on shelters\nsecond line');
  });

  it('edits a label, and deletes bytes only when no other record uses them', async () => {
    const bytes = makePdf([`Shared annex ${Date.now()}`]);
    const [a, b] = [await record(), await record()];
    const first = await attach(a, bytes);
    const second = await attach(b, bytes);
    if (!first.ok || !second.ok) throw new Error('attach failed');
    expect(await run((tx) => updateFile(tx, a, first.id, { label: 'Annex', language: 'fr' }, actor))).toBe(true);
    expect(await prisma.publicationFile.findUnique({ where: { id: first.id } })).toMatchObject({ label: 'Annex', language: 'fr' });
    // Not this record's file: nothing happens.
    expect(await run((tx) => detachFile(tx, a, second.id, actor))).toBe(false);

    const store = fileStore(prisma);
    const sha = sha256Of(bytes);
    const cover = (await prisma.publicationFile.findUnique({ where: { id: first.id } }))!.coverSha256!;
    expect(await run((tx) => detachFile(tx, a, first.id, actor))).toBe(true);
    expect(await store.size(sha)).toBe(bytes.length);
    const slug = (await prisma.publication.findUnique({ where: { id: b } }))!.slug;
    await run((tx) => deletePublication(tx, slug));
    expect(await store.size(sha)).toBeNull();
    expect(await store.size(cover)).toBeNull();
    expect(await prisma.auditEntry.count({ where: { entity: 'publication', entityId: String(a), action: { in: ['attach-file', 'update-file', 'detach-file'] } } })).toBe(3);
  });
});

describe('the database store', () => {
  it('streams whole files and byte ranges, in pieces', async () => {
    const store = new DatabaseFileStore(prisma);
    const bytes = Buffer.from(Array.from({ length: 3 * (1 << 20) + 17 }, (_, i) => i % 251));
    const sha = sha256Of(bytes);
    await store.put(sha, bytes);
    await store.put(sha, bytes);
    expect(await store.size(sha)).toBe(bytes.length);
    const all = await buffer(store.read(sha));
    expect(all.equals(bytes)).toBe(true);
    const range = await buffer(store.read(sha, { start: (1 << 20) - 5, end: (2 << 20) + 5 }));
    expect(range.equals(bytes.subarray((1 << 20) - 5, (2 << 20) + 6))).toBe(true);
    await expect(store.put(sha, Buffer.from('other bytes'))).rejects.toThrow(/not those/);
    await store.delete(sha);
    expect(await store.size(sha)).toBeNull();
    await expect(text(store.read(sha))).rejects.toThrow(/no stored file/);
  });
});
