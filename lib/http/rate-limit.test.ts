import { describe, expect, it } from 'vitest';
import { RateLimiter, expensiveKind } from './rate-limit';

const kind = (url: string) => {
  const u = new URL(url, 'http://x');
  return expensiveKind(u.pathname, u.searchParams);
};

describe('expensiveKind', () => {
  it('names exports, deep pages and feeds with many filters', () => {
    expect(kind('/api/publications.csv?country=NG')).toBe('export');
    expect(kind('/api/publications.csl.json')).toBe('export');
    expect(kind('/?page=11')).toBe('deep-page');
    expect(kind('/fr?country=NG&page=500')).toBe('deep-page');
    expect(kind('/api/publications?page=99999')).toBe('deep-page');
    expect(kind('/feed.xml?country=NG&country=TH&year=2020&q=labour')).toBe('feed');
    expect(kind('/es/atom.xml?country=NG,TH,FR,DE')).toBe('feed');
  });

  it('leaves ordinary pages and feeds alone', () => {
    expect(kind('/?country=NG&country=TH&year=2020&region=europe&q=x')).toBeNull();
    expect(kind('/?page=10')).toBeNull();
    expect(kind('/?page=abc')).toBeNull();
    expect(kind('/feed.xml?country=NG&country=TH')).toBeNull();
    expect(kind('/publications/some-report')).toBeNull();
    expect(kind('/api/publications/some-report')).toBeNull();
  });
});

describe('RateLimiter', () => {
  it('lets a burst through, then asks the client to wait, then recovers', () => {
    let now = 0;
    const limiter = new RateLimiter(6, 3, () => now); // one every 10 s
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(10);
    expect(limiter.take('b')).toBe(0); // another client is not affected
    now += 4_000;
    expect(limiter.take('a')).toBe(6);
    now += 6_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10);
  });

  it('forgets quiet clients', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 2, () => now, 2);
    limiter.take('a');
    limiter.take('b');
    now += 10_000;
    limiter.take('c');
    limiter.take('d');
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(2);
  });
});
