import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oversizedServerAction, SERVER_ACTION_MAX_BYTES } from './body-limit';

describe('oversizedServerAction', () => {
  it('matches the limit next.config.mjs gives Next', () => {
    const config = readFileSync('next.config.mjs', 'utf8');
    const mb = Number(/bodySizeLimit: '(\d+)mb'/.exec(config)?.[1]);
    expect(mb * 1024 * 1024).toBe(SERVER_ACTION_MAX_BYTES);
  });

  it.each([
    ['POST', { 'next-action': 'abc', 'content-length': String(SERVER_ACTION_MAX_BYTES + 1) }, true],
    ['POST', { 'next-action': 'abc', 'content-length': String(SERVER_ACTION_MAX_BYTES) }, false],
    ['POST', { 'next-action': 'abc' }, false],
    ['POST', { 'content-length': String(SERVER_ACTION_MAX_BYTES + 1) }, false],
    ['GET', { 'next-action': 'abc', 'content-length': String(SERVER_ACTION_MAX_BYTES + 1) }, false],
    ['POST', { 'next-action': 'abc', 'content-length': 'lots' }, false],
  ] as const)('%s %j → %s', (method, headers, expected) => {
    expect(oversizedServerAction(method, headers)).toBe(expected);
  });
});
