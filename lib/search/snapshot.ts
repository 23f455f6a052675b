import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { FACETS } from '@/lib/catalogue/params';
import { foldText } from '@/lib/text';
import { CatalogueIndex, FILE_WEIGHT, WEIGHT, fieldLanguages, fileLanguage, type IndexState } from './catalogue-index';
import { CHUNK_CHARS } from './document-text';
import { TEXT_LANGUAGES, tokenize } from './tokenize';

/**
 * A CatalogueIndex on disk, so that a new process loads it in a second or two instead of rebuilding it
 * from the database (lib/search/store.ts). The file:
 *
 *   "CTSNAP\r\n" | header length (u32 LE) | header (JSON) | padding to 8 | binary blob | strings blob | SHA-256
 *
 * The binary blob holds the index's typed arrays end to end (each at a multiple of 8), in the machine's
 * byte order: loading makes views of it and copies nothing. The strings blob holds the string tables as
 * JSON arrays (JSON keeps every string exactly, lone surrogates too, and V8 parses it faster than any
 * hand-written decoder); it is read into a buffer of its own, dropped once parsed. The digest covers every
 * byte before it: a truncated or altered file is never trusted.
 */

/** Bump when the layout or the meaning of the index's arrays changes (lib/search/catalogue-index.ts). */
export const SNAPSHOT_FORMAT = 2;

const MAGIC = Buffer.from('CTSNAP\r\n', 'latin1');
const DIGEST_BYTES = 32;
const PREFIX_BYTES = MAGIC.length + 4;
const MAX_HEADER_BYTES = 1 << 20;
/** Strings per JSON chunk: stringifying a million titles at once would stop the server for a moment. */
const STRINGS_PER_CHUNK = 8192;
/** Bytes hashed and written at a time. */
const WRITE_CHUNK = 4 << 20;

const U32_FIELDS = [
  'live', 'grouped', 'idOfSlot', 'yearOfSlot', 'groupOfSlot', 'docLength', 'fileLength', 'chunkBounds', 'chunks', 'valueBounds', 'valueIds', 'liveCounts',
  'termLengths', 'termLasts', 'surfaceBounds', 'surfaceIds',
] as const;
const U8_FIELDS = ['valueFacets'] as const;
const RAGGED_U32_FIELDS = ['valuePostings'] as const;
const RAGGED_U8_FIELDS = ['termSlots', 'termWeights', 'termFileWeights', 'termPositions'] as const;
const STRING_FIELDS = ['titleKey', 'valueNames', 'terms', 'surfaces'] as const;

/**
 * What the index's words are: a snapshot made by code that tokenizes, stems, folds or weighs differently
 * would answer queries with the old rules, so it is refused like an old format.
 */
export const ANALYZER = (() => {
  const probe = "Les enfants victimes de la traite des êtres humains: trafficked children's forced labour, niños explotados (2019) İstanbul Straße";
  const tokens = TEXT_LANGUAGES.map((language) => tokenize(probe, language).map((t) => [t.term, t.surface]));
  const description = JSON.stringify({ tokens, fold: foldText(probe), fields: fieldLanguages(['fr']), files: [fileLanguage(null, ['es']), fileLanguage('fr', ['es'])], weights: WEIGHT, fileWeight: FILE_WEIGHT, chunk: CHUNK_CHARS, facets: FACETS });
  return createHash('sha256').update(description).digest('hex').slice(0, 16);
})();

const SectionSchema = z.object({ offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() });
const Count = z.number().int().nonnegative();
const HeaderSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  analyzer: z.string(),
  endianness: z.enum(['LE', 'BE']),
  /** The last CatalogueChange the index reflects, and what identifies that database's history up to it. */
  seq: z.number().int().positive(),
  fingerprint: z.string().min(1),
  /** Live publications. */
  size: Count,
  writtenAt: z.iso.datetime(),
  capacity: Count,
  slotCount: Count,
  totalLength: Count,
  totalFileLength: Count,
  fileSlots: Count,
  binaryBytes: Count,
  /** Typed arrays in the binary blob (ragged ones as "<field>.data" and "<field>.offsets"): offsets in bytes, lengths in elements. */
  arrays: z.record(z.string(), SectionSchema),
  /** Per string table, the byte length of each of its JSON chunks, in the order they follow one another. */
  strings: z.record(z.string(), z.array(Count)),
});
export type SnapshotHeader = z.infer<typeof HeaderSchema>;

export type RejectReason = 'missing' | 'corrupt' | 'format' | 'analyzer' | 'platform' | 'other-database' | 'behind';

/** Why a snapshot is not used; the store then rebuilds the index. */
export class SnapshotRejected extends Error {
  constructor(
    readonly reason: RejectReason,
    message: string,
  ) {
    super(message);
  }
}

const align8 = (n: number) => (n + 7) & ~7;
const bytesOf = (array: Uint8Array | Uint32Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

// --- writing ------------------------------------------------------------------------------------------

/** Hashes and writes what it is given, WRITE_CHUNK bytes at a time, so other work runs between chunks. */
class HashedWriter {
  private readonly chunk = Buffer.allocUnsafe(WRITE_CHUNK);
  private used = 0;
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly file: FileHandle) {}

  async write(data: Uint8Array): Promise<void> {
    for (let at = 0; at < data.length; ) {
      const n = Math.min(data.length - at, this.chunk.length - this.used);
      this.chunk.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used === this.chunk.length) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const view = this.chunk.subarray(0, this.used);
    this.hash.update(view);
    await this.file.write(view);
    this.bytes += this.used;
    this.used = 0;
  }

  async end(): Promise<void> {
    await this.flush();
    const digest = this.hash.digest();
    await this.file.write(digest);
    this.bytes += digest.length;
  }
}

export type SnapshotWritten = { bytes: number; ms: number };

/**
 * Writes `state` (CatalogueIndex.state(), taken by the caller at a moment when the index is not being
 * changed) as the snapshot at `file`: to a temporary file beside it, then renamed over it, so a reader sees
 * the old snapshot or the new one, never half of one.
 */
export async function writeSnapshot(file: string, state: IndexState, meta: { seq: number; fingerprint: string; size: number }): Promise<SnapshotWritten> {
  const started = performance.now();
  const parts: Uint8Array[] = [];
  const arrays: SnapshotHeader['arrays'] = {};
  let binaryBytes = 0;
  const add = (name: string, array: Uint8Array | Uint32Array) => {
    arrays[name] = { offset: binaryBytes, length: array.length };
    parts.push(bytesOf(array));
    binaryBytes += array.byteLength;
    const padding = align8(binaryBytes) - binaryBytes;
    if (padding > 0) parts.push(new Uint8Array(padding));
    binaryBytes += padding;
  };
  const addRagged = (name: string, list: (Uint8Array | Uint32Array)[]) => {
    const offsets = new Uint32Array(list.length + 1);
    let total = 0;
    for (let i = 0; i < list.length; i++) {
      total += list[i]!.length;
      if (total > 0xffffffff) throw new Error(`${name} holds more than 2^32 numbers`);
      offsets[i + 1] = total;
    }
    add(`${name}.offsets`, offsets);
    arrays[`${name}.data`] = { offset: binaryBytes, length: total };
    let bytes = 0;
    for (const array of list) {
      parts.push(bytesOf(array));
      bytes += array.byteLength;
    }
    binaryBytes += bytes;
    const padding = align8(binaryBytes) - binaryBytes;
    if (padding > 0) parts.push(new Uint8Array(padding));
    binaryBytes += padding;
  };
  for (const name of U32_FIELDS) add(name, state[name]);
  for (const name of U8_FIELDS) add(name, state[name]);
  for (const name of [...RAGGED_U32_FIELDS, ...RAGGED_U8_FIELDS]) addRagged(name, state[name]);

  const strings: SnapshotHeader['strings'] = {};
  const stringChunks: Buffer[] = [];
  for (const name of STRING_FIELDS) {
    const list = state[name];
    strings[name] = [];
    for (let start = 0; start < list.length || start === 0; start += STRINGS_PER_CHUNK) {
      const chunk = Buffer.from(JSON.stringify(list.slice(start, start + STRINGS_PER_CHUNK)));
      strings[name].push(chunk.length);
      stringChunks.push(chunk);
      await nextTurn();
    }
  }

  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    analyzer: ANALYZER,
    endianness: endianness(),
    seq: meta.seq,
    fingerprint: meta.fingerprint,
    size: meta.size,
    writtenAt: new Date().toISOString(),
    capacity: state.capacity,
    slotCount: state.slotCount,
    totalLength: state.totalLength,
    totalFileLength: state.totalFileLength,
    fileSlots: state.fileSlots,
    binaryBytes,
    arrays,
    strings,
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(align8(PREFIX_BYTES + headerBytes.length));
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, PREFIX_BYTES);

  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    const writer = new HashedWriter(handle);
    await writer.write(prefix);
    for (const part of parts) await writer.write(part);
    for (const chunk of stringChunks) await writer.write(chunk);
    await writer.end();
    // On disk before the rename: after a crash the name holds the old snapshot or the whole new one.
    await handle.sync();
    await handle.close();
    await rename(temporary, file);
    return { bytes: writer.bytes, ms: performance.now() - started };
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

// --- reading ------------------------------------------------------------------------------------------

async function readExactly(handle: FileHandle, into: Uint8Array, position: number): Promise<void> {
  for (let at = 0; at < into.length; ) {
    const { bytesRead } = await handle.read(into, at, Math.min(into.length - at, WRITE_CHUNK), position + at);
    if (bytesRead === 0) throw new SnapshotRejected('corrupt', 'the file ends early');
    at += bytesRead;
  }
}

/**
 * A snapshot file opened and its header read and checked (format, analyzer, byte order, size), not yet
 * its contents: the caller checks the header against the database first, then `load`s or `close`s it. The
 * handle stays on the file opened even if another process renames a newer snapshot over it meanwhile.
 */
export type OpenSnapshot = {
  header: SnapshotHeader;
  bytes: number;
  load(): Promise<CatalogueIndex>;
  /** Whether the checksum matches, read in chunks and kept nowhere; closes the file. */
  verify(): Promise<boolean>;
  close(): Promise<void>;
};

export async function openSnapshot(file: string): Promise<OpenSnapshot> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SnapshotRejected('missing', `no snapshot at ${file}`);
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size < PREFIX_BYTES + DIGEST_BYTES) throw new SnapshotRejected('corrupt', `the file is ${size} bytes long`);
    const prefix = Buffer.alloc(PREFIX_BYTES);
    await readExactly(handle, prefix, 0);
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotRejected('corrupt', 'not a search index snapshot');
    const headerLength = prefix.readUInt32LE(MAGIC.length);
    if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > size) throw new SnapshotRejected('corrupt', 'the header length is out of bounds');
    const headerBytes = Buffer.alloc(headerLength);
    await readExactly(handle, headerBytes, PREFIX_BYTES);
    const header = parseHeader(headerBytes);
    const binaryStart = align8(PREFIX_BYTES + headerLength);
    const stringBytes = Object.values(header.strings).flat().reduce((a, b) => a + b, 0);
    const expected = binaryStart + header.binaryBytes + stringBytes + DIGEST_BYTES;
    if (expected !== size) throw new SnapshotRejected('corrupt', `the file is ${size} bytes long, its header says ${expected}`);
    return {
      header,
      bytes: size,
      load: async () => {
        try {
          return await loadContents(handle, header, binaryStart, stringBytes);
        } finally {
          await handle.close();
        }
      },
      verify: async () => {
        try {
          const hash = createHash('sha256');
          const chunk = Buffer.allocUnsafe(WRITE_CHUNK);
          const end = size - DIGEST_BYTES;
          for (let at = 0; at < end; at += WRITE_CHUNK) {
            const piece = chunk.subarray(0, Math.min(WRITE_CHUNK, end - at));
            await readExactly(handle, piece, at);
            hash.update(piece);
          }
          const digest = Buffer.alloc(DIGEST_BYTES);
          await readExactly(handle, digest, end);
          return hash.digest().equals(digest);
        } catch (error) {
          if (error instanceof SnapshotRejected) return false;
          throw error;
        } finally {
          await handle.close();
        }
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function parseHeader(bytes: Buffer): SnapshotHeader {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new SnapshotRejected('corrupt', 'the header is not JSON');
  }
  const format = z.object({ format: z.number() }).safeParse(json);
  if (format.success && format.data.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotRejected('format', `format ${format.data.format}, this code reads ${SNAPSHOT_FORMAT}`);
  }
  const parsed = HeaderSchema.safeParse(json);
  if (!parsed.success) throw new SnapshotRejected('corrupt', `the header is invalid: ${z.prettifyError(parsed.error)}`);
  const header = parsed.data;
  if (header.analyzer !== ANALYZER) throw new SnapshotRejected('analyzer', 'made by code that tokenizes or weighs words differently');
  if (header.endianness !== endianness()) throw new SnapshotRejected('platform', `written on a ${header.endianness} machine`);
  return header;
}

async function loadContents(handle: FileHandle, header: SnapshotHeader, binaryStart: number, stringBytes: number): Promise<CatalogueIndex> {
  const hash = createHash('sha256');
  const prefix = Buffer.alloc(binaryStart);
  await readExactly(handle, prefix, 0);
  hash.update(prefix);
  // A buffer of its own (allocUnsafeSlow: not a slice of Node's pool), so every section is aligned.
  const binary = Buffer.allocUnsafeSlow(header.binaryBytes);
  for (let at = 0; at < binary.length; at += WRITE_CHUNK) {
    const piece = binary.subarray(at, at + WRITE_CHUNK);
    await readExactly(handle, piece, binaryStart + at);
    hash.update(piece);
  }
  const strings = Buffer.allocUnsafe(stringBytes);
  await readExactly(handle, strings, binaryStart + header.binaryBytes);
  hash.update(strings);
  const digest = Buffer.alloc(DIGEST_BYTES);
  await readExactly(handle, digest, binaryStart + header.binaryBytes + stringBytes);
  if (!hash.digest().equals(digest)) throw new SnapshotRejected('corrupt', 'the checksum does not match');

  try {
    return CatalogueIndex.fromState(decode(header, binary, strings));
  } catch (error) {
    // The checksum matched, so this is a bug of the writer rather than a damaged file: rebuild all the same.
    throw new SnapshotRejected('corrupt', (error as Error).message);
  }
}

function decode(header: SnapshotHeader, binary: Buffer, strings: Buffer): IndexState {
  const section = (name: string, width: 1 | 4) => {
    const found = header.arrays[name];
    if (!found || found.offset % width !== 0 || found.offset + found.length * width > binary.length) throw new Error(`section ${name} is out of bounds`);
    return found;
  };
  const u32 = (name: string) => {
    const { offset, length } = section(name, 4);
    return new Uint32Array(binary.buffer, binary.byteOffset + offset, length);
  };
  const u8 = (name: string) => {
    const { offset, length } = section(name, 1);
    return new Uint8Array(binary.buffer, binary.byteOffset + offset, length);
  };
  const ragged = <T extends Uint8Array | Uint32Array>(name: string, data: T): T[] => {
    const offsets = u32(`${name}.offsets`);
    if (offsets[0] !== 0 || offsets[offsets.length - 1] !== data.length) throw new Error(`${name}'s offsets do not cover its data`);
    const list = new Array<T>(offsets.length - 1);
    for (let i = 0; i < list.length; i++) {
      if (offsets[i + 1]! < offsets[i]!) throw new Error(`${name}'s offsets decrease`);
      list[i] = data.subarray(offsets[i]!, offsets[i + 1]!) as T;
    }
    return list;
  };
  let at = 0;
  const table = (name: string): string[] => {
    const chunks = header.strings[name];
    if (!chunks) throw new Error(`no string table ${name}`);
    const out: string[] = [];
    for (const bytes of chunks) {
      // Checked by hand rather than by a zod schema: a million titles, and the checksum already matched.
      const list: unknown = JSON.parse(strings.toString('utf8', at, at + bytes));
      at += bytes;
      if (!Array.isArray(list)) throw new Error(`string table ${name} is not a list`);
      for (const value of list) {
        if (typeof value !== 'string') throw new Error(`string table ${name} holds a ${typeof value}`);
        out.push(value);
      }
    }
    return out;
  };
  const state = {
    capacity: header.capacity,
    slotCount: header.slotCount,
    totalLength: header.totalLength,
    totalFileLength: header.totalFileLength,
    fileSlots: header.fileSlots,
    valueFacets: u8('valueFacets'),
    valuePostings: ragged('valuePostings', u32('valuePostings.data')),
    termSlots: ragged('termSlots', u8('termSlots.data')),
    termWeights: ragged('termWeights', u8('termWeights.data')),
    termFileWeights: ragged('termFileWeights', u8('termFileWeights.data')),
    termPositions: ragged('termPositions', u8('termPositions.data')),
  } as Partial<IndexState>;
  for (const name of U32_FIELDS) state[name] = u32(name);
  for (const name of STRING_FIELDS) state[name] = table(name);
  return state as IndexState;
}
