import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { SET_SPEC } from './args';

/**
 * Resumption tokens are stateless: everything needed to serve the next page is in the token, so it survives
 * a restart and works on any instance. `<payload>.<signature>`, both base64url: the payload is JSON of the
 * list's arguments (verb-independent), a keyset cursor — the last item's (datestamp, kind, slug), in the
 * list's order — the number of records already sent and the list's size; the signature is HMAC-SHA256 of
 * the payload.
 *
 * The key. Tokens need integrity, not secrecy: they carry only the harvester's own arguments and a
 * position in a public list, and a forged token could at worst ask for public records in another order. The
 * signature is what lets a damaged or hand-edited token be answered with badResumptionToken instead of a
 * wrong page, and every instance must compute the same key. So the key is derived from OAI_TOKEN_SECRET,
 * and when that is unset from a constant: then anyone who reads this file can sign tokens, which gives them
 * nothing they could not have asked for. Set OAI_TOKEN_SECRET (the same on every instance) to rule out
 * forged tokens altogether; changing it invalidates tokens in flight (harvesters start the list again).
 */

const FALLBACK_SECRET = 'ct-catalogue OAI-PMH resumption tokens';

/** Where a list stands after a page: what it was asked for and how far it got. */
export type ListState = {
  metadataPrefix: string;
  set?: string;
  /** Inclusive lower bound of the datestamps, ms since the epoch. */
  from?: number;
  /** Exclusive upper bound, ms since the epoch. */
  until?: number;
  /** The last item sent: its exact datestamp (ms), 0 for a published record and 1 for a deleted one, its slug. */
  after: { datestamp: number; kind: 0 | 1; slug: string };
  /** Records sent so far (the next page's `cursor`). */
  cursor: number;
  completeListSize: number;
};

const ms = z.number().int().min(-8.64e15).max(8.64e15);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const PayloadSchema = z.strictObject({
  v: z.literal(1),
  m: z.string().min(1).max(200),
  s: z.string().regex(SET_SPEC).max(500).optional(),
  f: ms.optional(),
  u: ms.optional(),
  d: ms,
  k: z.union([z.literal(0), z.literal(1)]),
  l: z.string().min(1).max(1000),
  c: count,
  n: count,
});

export function tokenKey(secret: string | undefined): Buffer {
  // A key of its own for this one use, whatever else the secret may serve.
  return createHmac('sha256', secret ?? FALLBACK_SECRET).update('oai-pmh resumption token v1').digest();
}

function sign(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function encodeToken(state: ListState, key: Buffer): string {
  const payload = Buffer.from(
    JSON.stringify({
      v: 1,
      m: state.metadataPrefix,
      s: state.set,
      f: state.from,
      u: state.until,
      d: state.after.datestamp,
      k: state.after.kind,
      l: state.after.slug,
      c: state.cursor,
      n: state.completeListSize,
    }),
  ).toString('base64url');
  return `${payload}.${sign(key, payload).toString('base64url')}`;
}

/** The state a token carries, or null when it is malformed, tampered with or signed with another key. */
export function decodeToken(token: string, key: Buffer): ListState | null {
  if (token.length > 4096) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, payload, signature] = match as unknown as [string, string, string];
  const expected = sign(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const p = parsed.data;
  return {
    metadataPrefix: p.m,
    ...(p.s !== undefined && { set: p.s }),
    ...(p.f !== undefined && { from: p.f }),
    ...(p.u !== undefined && { until: p.u }),
    after: { datestamp: p.d, kind: p.k, slug: p.l },
    cursor: p.c,
    completeListSize: p.n,
  };
}
