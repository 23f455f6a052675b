import { crc32, constants, deflateRawSync } from 'node:zlib';

/**
 * A response body with holes where the CSP nonce was, so that one stored rendering serves every later
 * response with that response's own nonce. The gzip form is stored too, hole by hole: each piece is
 * compressed on its own and ends on a byte boundary (a sync flush), so a response is its pieces with the
 * nonce between them as stored (uncompressed) deflate blocks. Compressing 100 KB per response would cost
 * more than the rest of the answer; joining the pieces costs a CRC.
 */
export type TemplatedBody = {
  /** The text around the holes: one more piece than holes. */
  pieces: Buffer[];
  /** Each piece as raw deflate ending in a sync flush, when the body is worth compressing. */
  deflated: Buffer[] | null;
  /** Bytes without the holes. */
  size: number;
};

/** Below this a body goes out as it is: gzip's 18 bytes of framing would outweigh what it saves. */
const MIN_GZIP_BYTES = 1024;

/** `body` with every occurrence of `hole` cut out (no hole: one piece). */
export function templateBody(body: Buffer, hole: string | null, compress: boolean): TemplatedBody {
  const pieces: Buffer[] = [];
  if (hole) {
    const needle = Buffer.from(hole);
    let start = 0;
    for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, start)) {
      pieces.push(body.subarray(start, at));
      start = at + needle.length;
    }
    pieces.push(body.subarray(start));
  } else {
    pieces.push(body);
  }
  const size = pieces.reduce((sum, p) => sum + p.length, 0);
  const deflated =
    compress && size >= MIN_GZIP_BYTES
      ? pieces.map((p) => deflateRawSync(p, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }))
      : null;
  return { pieces: pieces.map((p) => Buffer.from(p)), deflated, size };
}

/** The body with `fill` in every hole. */
export function fillBody(body: TemplatedBody, fill: string): Buffer {
  if (body.pieces.length === 1) return body.pieces[0]!;
  const filler = Buffer.from(fill);
  const parts: Buffer[] = [];
  body.pieces.forEach((piece, i) => {
    if (i > 0) parts.push(filler);
    parts.push(piece);
  });
  return Buffer.concat(parts);
}

// gzip member header: magic, deflate, no flags, no mtime, no extra flags, unknown OS (RFC 1952).
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// An empty final stored block: BFINAL=1 BTYPE=00, LEN 0, NLEN 0xffff (RFC 1951 §3.2.4).
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

/** A stored (uncompressed) non-final deflate block holding `data` (at most 65,535 bytes). */
function storedBlock(data: Buffer): Buffer {
  const block = Buffer.alloc(5 + data.length);
  block[0] = 0x00;
  block.writeUInt16LE(data.length, 1);
  block.writeUInt16LE(~data.length & 0xffff, 3);
  data.copy(block, 5);
  return block;
}

/** The body gzipped with `fill` in every hole, or null when it is not stored compressed. `identity`: fillBody's result. */
export function gzipBody(body: TemplatedBody, fill: string, identity: Buffer): Buffer | null {
  if (!body.deflated) return null;
  const filler = storedBlock(Buffer.from(fill));
  const parts: Buffer[] = [GZIP_HEADER];
  body.deflated.forEach((piece, i) => {
    if (i > 0) parts.push(filler);
    parts.push(piece);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(identity) >>> 0, 0);
  trailer.writeUInt32LE(identity.length % 2 ** 32, 4);
  parts.push(FINAL_BLOCK, trailer);
  return Buffer.concat(parts);
}

/** Bytes an entry holds: what a byte-bounded cache counts. */
export function bodyBytes(body: TemplatedBody): number {
  return body.size + (body.deflated?.reduce((sum, p) => sum + p.length, 0) ?? 0);
}
