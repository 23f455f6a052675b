import { afterEach, describe, expect, it, vi } from 'vitest';
import { logEvent, requestContext } from './log';

afterEach(() => vi.restoreAllMocks());

function captured(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'info').mockImplementation((line: string) => void lines.push(line));
  return lines;
}

describe('logEvent', () => {
  it('writes one JSON line, with the request id inside a request', async () => {
    const lines = captured();
    logEvent('outside', { n: 1 });
    await requestContext.run({ requestId: 'req-123' }, async () => {
      await Promise.resolve();
      logEvent('inside', { n: 2 });
    });
    const [outside, inside] = lines.map((line) => JSON.parse(line));
    expect(outside).toMatchObject({ event: 'outside', n: 1 });
    expect(outside.requestId).toBeUndefined();
    expect(inside).toMatchObject({ event: 'inside', n: 2, requestId: 'req-123' });
  });

  it('never writes what a field named like a secret holds', () => {
    const lines = captured();
    logEvent('careless', { password: 'hunter2 hunter2', sessionToken: 'abc', cookie: 'ct_session=abc', Authorization: 'Bearer x', apiKey: 'k', email: 'a@b.c' });
    const line = lines[0]!;
    for (const secret of ['hunter2', 'abc', 'Bearer x', '"k"']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ password: '[redacted]', email: 'a@b.c' });
  });
});
