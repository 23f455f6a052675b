import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fillBody, gzipBody, templateBody } from './templated-body';

const page = (nonce: string) =>
  Buffer.from(
    `<!DOCTYPE html><html><head><script nonce="${nonce}">a()</script></head><body>${'<p>forced labour</p>'.repeat(200)}` +
      `<script nonce="${nonce}">self.__next_f.push([1,"x"])</script><script nonce="${nonce}"></script></body></html>`,
  );

describe('templated bodies', () => {
  it('puts the new nonce in every place the old one was', () => {
    const body = templateBody(page('OLDnonce0123456789abcd'), 'OLDnonce0123456789abcd', true);
    expect(body.pieces).toHaveLength(4);
    expect(fillBody(body, 'NEW-nonce_xyz').toString()).toBe(page('NEW-nonce_xyz').toString());
  });

  it('gzips to exactly the filled body, whatever the fill', () => {
    const body = templateBody(page('OLDnonce0123456789abcd'), 'OLDnonce0123456789abcd', true);
    for (const fill of ['a', 'NEW-nonce_xyz', 'z'.repeat(40)]) {
      const identity = fillBody(body, fill);
      const gzipped = gzipBody(body, fill, identity)!;
      expect(gunzipSync(gzipped).equals(identity)).toBe(true);
      expect(gzipped.length).toBeLessThan(identity.length / 5);
    }
  });

  it('keeps a body without holes as one piece', () => {
    const json = Buffer.from(JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ i, title: 'Handbook' })) }));
    const body = templateBody(json, null, true);
    expect(body.pieces).toHaveLength(1);
    expect(fillBody(body, 'ignored').equals(json)).toBe(true);
    expect(gunzipSync(gzipBody(body, 'ignored', json)!).equals(json)).toBe(true);
  });

  it('does not compress small bodies or bodies it was told not to', () => {
    expect(templateBody(Buffer.from('ok'), null, true).deflated).toBeNull();
    expect(templateBody(page('n'), 'n', false).deflated).toBeNull();
    expect(gzipBody(templateBody(Buffer.from('ok'), null, true), 'x', Buffer.from('ok'))).toBeNull();
  });
});
