import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeToken, encodeToken, tokenKey, type ListState } from './token';

const key = tokenKey(undefined);
const state: ListState = {
  metadataPrefix: 'oai_dc',
  set: 'region:south-eastern-europe',
  from: Date.UTC(2024, 0, 1),
  until: Date.UTC(2025, 0, 1),
  after: { datestamp: Date.UTC(2024, 5, 1, 12, 30, 15, 123), kind: 1, slug: 'a-study-2019' },
  cursor: 100,
  completeListSize: 274,
};

function flip(token: string, index: number): string {
  const c = token[index]!;
  return token.slice(0, index) + (c === 'A' ? 'B' : 'A') + token.slice(index + 1);
}

describe('resumption tokens', () => {
  it('round-trip every field, to the millisecond', () => {
    expect(decodeToken(encodeToken(state, key), key)).toEqual(state);
    const bare: ListState = { metadataPrefix: 'oai_dc', after: { datestamp: 0, kind: 0, slug: 'x' }, cursor: 0, completeListSize: 1 };
    expect(decodeToken(encodeToken(bare, key), key)).toEqual(bare);
  });

  it('use only URL-safe characters', () => {
    expect(encodeToken(state, key)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('are the same on every instance given the same secret, and refused under another', () => {
    const token = encodeToken(state, tokenKey('shared secret'));
    expect(decodeToken(token, tokenKey('shared secret'))).toEqual(state);
    expect(decodeToken(token, tokenKey('another secret'))).toBeNull();
    expect(decodeToken(token, key)).toBeNull();
  });

  it('refuse any change to the payload or the signature', () => {
    const token = encodeToken(state, key);
    const dot = token.indexOf('.');
    for (const index of [0, 5, dot - 1, dot + 1, token.length - 2]) expect(decodeToken(flip(token, index), key)).toBeNull();
    // A payload re-encoded with another cursor but the old signature.
    const payload = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...payload, c: 0 })).toString('base64url');
    expect(decodeToken(`${forged}${token.slice(dot)}`, key)).toBeNull();
  });

  it('refuse garbage without throwing', () => {
    for (const garbage of ['', '.', 'abc', 'abc.def', '%%%', `${'A'.repeat(5000)}.x`, 'a.b.c', '\u0000']) {
      expect(decodeToken(garbage, key)).toBeNull();
    }
  });

  it('refuse a well-signed payload of the wrong shape', () => {
    // Signed as the format says: HMAC-SHA256 of the base64url payload, with the derived key.
    const signed = (value: unknown) => {
      const payload = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
      return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
    };
    const good = JSON.parse(Buffer.from(encodeToken(state, key).split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    expect(decodeToken(signed(good), key)).toEqual(state);
    expect(decodeToken(signed('not json'), key)).toBeNull();
    expect(decodeToken(signed({ ...good, v: 2 }), key)).toBeNull();
    expect(decodeToken(signed({ ...good, k: 2 }), key)).toBeNull();
    expect(decodeToken(signed({ ...good, c: -1 }), key)).toBeNull();
    expect(decodeToken(signed({ ...good, d: 'yesterday' }), key)).toBeNull();
    expect(decodeToken(signed({ ...good, s: 'not a set spec' }), key)).toBeNull();
    expect(decodeToken(signed({ ...good, extra: 1 }), key)).toBeNull();
    expect(decodeToken(signed([1, 2]), key)).toBeNull();
  });
});
