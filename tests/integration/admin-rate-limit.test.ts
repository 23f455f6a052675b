import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import {
  ACCOUNT_DELAY_AFTER,
  ACCOUNT_DELAY_MAX_S,
  ADDRESS_FAILURES,
  FAILURE_WINDOW_MS,
  PAIR_FAILURES,
  accountDelaySeconds,
  pruneSignInAttempts,
  signInRetryAfter,
} from '@/lib/auth/rate-limit';

const T0 = new Date('2026-06-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function attempt(email: string, ip: string, success: boolean, when: Date) {
  await prisma.signInAttempt.create({ data: { email, ip, success, createdAt: when } });
}

describe('sign-in rate limit (signInRetryAfter)', () => {
  it(`holds one address back for one account after ${PAIR_FAILURES} failures, until the window ends`, async () => {
    const email = 'limited@example.org';
    const ip = '198.51.100.1';
    for (let i = 0; i < PAIR_FAILURES - 1; i++) {
      await attempt(email, ip, false, at(i * 1000));
      expect(await signInRetryAfter(prisma, email, ip, at(i * 1000 + 1))).toBe(0);
    }
    await attempt(email, ip, false, at(10_000));
    // The fifth failure trips it: the wait runs until the oldest of those five leaves the window.
    expect(await signInRetryAfter(prisma, email, ip, at(10_001))).toBe(Math.ceil((FAILURE_WINDOW_MS - 10_001) / 1000));
    expect(await signInRetryAfter(prisma, email, ip, at(FAILURE_WINDOW_MS - 1))).toBeGreaterThan(0);
    expect(await signInRetryAfter(prisma, email, ip, at(FAILURE_WINDOW_MS))).toBe(0);
    // The account's owner, from another address, is not held back; nor is another account from this address.
    expect(await signInRetryAfter(prisma, email, '203.0.113.9', at(10_001))).toBe(0);
    expect(await signInRetryAfter(prisma, 'other@example.org', ip, at(10_001))).toBe(0);
  });

  it('an attacker failing from one address for every account cannot lock anyone out (the TRUST_PROXY=0 finding)', async () => {
    const attacker = '192.0.2.66';
    const victim = 'admin-victim@example.org';
    for (let i = 0; i < 40; i++) await attempt(i % 2 ? victim : `someone-${i}@example.org`, attacker, false, at(i * 100));
    // The attacker's address is stopped…
    expect(await signInRetryAfter(prisma, 'anyone@example.org', attacker, at(5000))).toBeGreaterThan(0);
    // …and the admin, from their own address, waits no more than the account's short delay.
    expect(await signInRetryAfter(prisma, victim, '203.0.113.20', at(5000))).toBeLessThanOrEqual(ACCOUNT_DELAY_MAX_S);
    expect(await signInRetryAfter(prisma, 'bystander@example.org', '203.0.113.21', at(5000))).toBe(0);
  });

  it('slows guessing one account from many addresses with a doubling delay, capped', async () => {
    const email = 'guessed@example.org';
    for (let i = 0; i < ACCOUNT_DELAY_AFTER - 1; i++) await attempt(email, `198.51.100.${10 + i}`, false, at(i * 1000));
    expect(await signInRetryAfter(prisma, email, '203.0.113.30', at(9_000))).toBe(0);
    await attempt(email, '198.51.100.99', false, at(9_000));
    expect(await signInRetryAfter(prisma, email, '203.0.113.30', at(9_000))).toBe(1);
    expect(await signInRetryAfter(prisma, email, '203.0.113.30', at(10_000))).toBe(0);
    for (let i = 0; i < 20; i++) await attempt(email, `198.51.101.${i}`, false, at(20_000 + i));
    expect(await signInRetryAfter(prisma, email, '203.0.113.30', at(20_020))).toBe(ACCOUNT_DELAY_MAX_S);
    expect([ACCOUNT_DELAY_AFTER - 1, ACCOUNT_DELAY_AFTER, ACCOUNT_DELAY_AFTER + 1, ACCOUNT_DELAY_AFTER + 3, 1000].map(accountDelaySeconds)).toEqual([0, 1, 2, 8, ACCOUNT_DELAY_MAX_S]);
  });

  it('restarts an account’s counts after a successful sign-in', async () => {
    const email = 'recovers@example.org';
    for (let i = 0; i < PAIR_FAILURES - 1; i++) await attempt(email, '198.51.100.1', false, at(i));
    await attempt(email, '198.51.100.1', true, at(100));
    await attempt(email, '198.51.100.1', false, at(200));
    expect(await signInRetryAfter(prisma, email, '198.51.100.1', at(300))).toBe(0);
  });

  it(`limits one address to ${ADDRESS_FAILURES} failures across accounts`, async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < ADDRESS_FAILURES - 1; i++) await attempt(`spray-${i}@example.org`, ip, false, at(i * 1000));
    expect(await signInRetryAfter(prisma, 'fresh@example.org', ip, at(30_000))).toBe(0);
    await attempt('spray-last@example.org', ip, false, at(30_000));
    expect(await signInRetryAfter(prisma, 'fresh@example.org', ip, at(30_001))).toBeGreaterThan(0);
    expect(await signInRetryAfter(prisma, 'fresh@example.org', '192.0.2.78', at(30_001))).toBe(0);
    expect(await signInRetryAfter(prisma, 'fresh@example.org', ip, at(FAILURE_WINDOW_MS + 1))).toBe(0);
  });
});

describe('pruning sign-in attempts', () => {
  it('deletes what is older than the retention, keeps the rest, and runs at most hourly', async () => {
    const now = new Date('2027-03-01T00:00:00Z');
    const day = 24 * 60 * 60 * 1000;
    await attempt('old@example.org', '192.0.2.1', false, new Date(now.getTime() - 91 * day));
    await attempt('kept@example.org', '192.0.2.1', false, new Date(now.getTime() - 89 * day));
    expect(await pruneSignInAttempts(prisma, 90, now, { force: true })).toBeGreaterThanOrEqual(1);
    expect(await prisma.signInAttempt.count({ where: { email: 'old@example.org' } })).toBe(0);
    expect(await prisma.signInAttempt.count({ where: { email: 'kept@example.org' } })).toBe(1);
    await attempt('old@example.org', '192.0.2.1', false, new Date(now.getTime() - 91 * day));
    expect(await pruneSignInAttempts(prisma, 90, new Date(now.getTime() + 60_000))).toBe(0);
    expect(await prisma.signInAttempt.count({ where: { email: 'old@example.org' } })).toBe(1);
  });
});
