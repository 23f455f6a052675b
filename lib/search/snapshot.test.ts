import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { CatalogueIndex, type IndexDoc } from './catalogue-index';
import { parseQuery } from './query';
import { openSnapshot, SNAPSHOT_FORMAT, SnapshotRejected, writeSnapshot } from './snapshot';

function doc(id: number, fields: Partial<IndexDoc>): IndexDoc {
  return { id, title: `Publication ${id}`, summary: '', names: '', year: null, category: null, countries: [], regions: [], authors: [], languages: [], ...fields };
}

/** An index with everything the state holds: dead slots, translation groups, a surface with two stems, strings JSON must escape. */
function sampleIndex(): CatalogueIndex {
  const index = new CatalogueIndex();
  index.upsert(doc(1, { title: 'Étude régionale', summary: 'Traite des personnes.', year: 2017, category: 'handbook', countries: ['RS'], languages: ['fr'], group: 7 }));
  index.upsert(doc(2, { title: 'Regional study', summary: 'Trafficking in persons, forced labour.', year: 2017, countries: ['RS', 'BA'], languages: ['en'], group: 7 }));
  index.upsert(doc(3, { title: 'Estudio "regional" \\ \u0000 \ud800', summary: 'Trata de personas.', year: 2019, authors: ['iom'], languages: ['es'] }));
  for (let id = 4; id < 60; id++) index.upsert(doc(id, { summary: `labour migration ${id % 7 === 0 ? 'kafala' : 'recruitment'}`, year: 1990 + (id % 30), countries: [id % 2 ? 'NG' : 'TH'] }));
  index.upsert(doc(2, { title: 'Regional study (revised)', summary: 'Forced labour.', year: 2018, countries: ['BA'], languages: ['en'], group: 7 }));
  index.remove(5);
  index.compact();
  return index;
}

const QUERIES = ['', 'q=labour', 'q=%22forced+labour%22', 'q=regio*', 'q=personnes', 'country=NG&sort=title', 'q=recruitment+-kafala&year=2001', 'translations=grouped&q=regional'];
const answers = (index: CatalogueIndex) =>
  QUERIES.map((query) => {
    const params = parseCatalogueParams(new URLSearchParams(query));
    return index.search(params, parseQuery(params.q), { pageSize: 100 });
  });

const meta = { seq: 42, fingerprint: '1:-:2026-01-01T00:00:00.000Z/42:3:2026-01-02T00:00:00.000Z', size: 58 };

async function written(index = sampleIndex()): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ct-snapshot-')), 'index.snapshot');
  await writeSnapshot(file, index.state(), meta);
  return file;
}

async function rejection(file: string): Promise<SnapshotRejected> {
  try {
    const snapshot = await openSnapshot(file);
    await snapshot.load();
  } catch (error) {
    if (error instanceof SnapshotRejected) return error;
    throw error;
  }
  throw new Error('the snapshot was accepted');
}

/** Rewrites the header through `change` and signs the file again, as a writer of another version would. */
function rewriteHeader(file: string, change: (header: Record<string, unknown>) => void): void {
  const bytes = readFileSync(file);
  const length = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + length)) as Record<string, unknown>;
  change(header);
  // Same length, so the blobs keep their offsets: pad the JSON with spaces.
  const json = Buffer.from(JSON.stringify(header).padEnd(length, ' '));
  expect(json.length).toBe(length);
  json.copy(bytes, 12);
  const body = bytes.subarray(0, bytes.length - 32);
  createHash('sha256').update(body).digest().copy(bytes, bytes.length - 32);
  writeFileSync(file, bytes);
}

describe('search index snapshot format', () => {
  it('gives back the same index: same state, same answers', async () => {
    const index = sampleIndex();
    const file = await written(index);
    const snapshot = await openSnapshot(file);
    expect(snapshot.header).toMatchObject({ format: SNAPSHOT_FORMAT, seq: 42, fingerprint: meta.fingerprint, size: 58 });
    const restored = await snapshot.load();
    expect(restored.state()).toEqual(index.state());
    expect(answers(restored)).toEqual(answers(index));
    expect(answers(restored)[0]!.total).toBe(58);
  });

  it('keeps indexing after a restore as the original does', async () => {
    const index = sampleIndex();
    const restored = await (await openSnapshot(await written(index))).load();
    for (const target of [index, restored]) {
      target.upsert(doc(3, { title: 'Kafala reform', summary: 'Labour recruitment.', year: 2024, countries: ['NG'] }));
      target.upsert(doc(100, { title: 'A new regional handbook', year: 2025, category: 'handbook' }));
      target.remove(4);
    }
    expect(restored.state()).toEqual(index.state());
    expect(answers(restored)).toEqual(answers(index));
  });

  it('round-trips an empty index', async () => {
    const empty = new CatalogueIndex();
    const restored = await (await openSnapshot(await written(empty))).load();
    expect(restored.state()).toEqual(empty.state());
    restored.upsert(doc(1, { title: 'First' }));
    expect(restored.size).toBe(1);
  });

  it('refuses a truncated file', async () => {
    const file = await written();
    const bytes = readFileSync(file);
    for (const length of [bytes.length - 1, Math.floor(bytes.length / 2), 20, 0]) {
      writeFileSync(file, bytes.subarray(0, length));
      expect((await rejection(file)).reason).toBe('corrupt');
    }
  });

  it('refuses a file with any one byte flipped: in the header, the arrays, the strings or the checksum', async () => {
    const file = await written();
    const bytes = readFileSync(file);
    const headerLength = bytes.readUInt32LE(8);
    for (const at of [3, 12 + Math.floor(headerLength / 2), 12 + headerLength + 64, bytes.length - 200, bytes.length - 1]) {
      const damaged = Buffer.from(bytes);
      damaged[at]! ^= 0x10;
      writeFileSync(file, damaged);
      expect((await rejection(file)).reason, `byte ${at}`).toBe('corrupt');
    }
  });

  it('verifies the checksum without loading', async () => {
    const file = await written();
    expect(await (await openSnapshot(file)).verify()).toBe(true);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100]! ^= 0x01;
    writeFileSync(file, bytes);
    expect(await (await openSnapshot(file)).verify()).toBe(false);
  });

  it('refuses another format version and another analyzer', async () => {
    const file = await written();
    rewriteHeader(file, (header) => (header.format = SNAPSHOT_FORMAT + 1));
    expect((await rejection(file)).reason).toBe('format');
    const other = await written();
    rewriteHeader(other, (header) => (header.analyzer = '0000000000000000'));
    expect((await rejection(other)).reason).toBe('analyzer');
  });

  it('says when there is no snapshot', async () => {
    expect((await rejection(path.join(tmpdir(), 'ct-no-such-snapshot'))).reason).toBe('missing');
  });
});
