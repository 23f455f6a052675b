import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { ACCOUNT_FAILURES, ADDRESS_FAILURES, FAILURE_WINDOW_MS, signInRetryAfter } from '@/lib/auth/rate-limit';

const T0 = new Date('2026-06-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function attempt(email: string, ip: string, success: boolean, when: Date) {
  await prisma.signInAttempt.create({ data: { email, ip, success, createdAt: when } });
}

describe('sign-in rate limit (signInRetryAfter)', () => {
  it(`trips after ${ACCOUNT_FAILURES} failures for one account and recovers after the window`, async () => {
    const email = 'limited@example.org';
    for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) {
      await attempt(email, `198.51.100.${i}`, false, at(i * 1000));
      expect(await signInRetryAfter(prisma, email, '203.0.113.9', at(i * 1000 + 1))).toBe(0);
    }
    await attempt(email, '198.51.100.99', false, at(10_000));
    // The fifth failure trips it: the wait runs until the oldest of those five leaves the window.
    const wait = await signInRetryAfter(prisma, email, '203.0.113.9', at(10_001));
    expect(wait).toBe(Math.ceil((FAILURE_WINDOW_MS - 10_001) / 1000));
    expect(await signInRetryAfter(prisma, email, '203.0.113.9', at(FAILURE_WINDOW_MS - 1))).toBeGreaterThan(0);
    // Once the oldest failure is out of the window, four remain: allowed again.
    expect(await signInRetryAfter(prisma, email, '203.0.113.9', at(FAILURE_WINDOW_MS))).toBe(0);
    // Another account is unaffected all along.
    expect(await signInRetryAfter(prisma, 'other@example.org', '203.0.113.9', at(10_001))).toBe(0);
  });

  it('restarts an account’s count after a successful sign-in', async () => {
    const email = 'recovers@example.org';
    for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) await attempt(email, '198.51.100.1', false, at(i));
    await attempt(email, '198.51.100.1', true, at(100));
    await attempt(email, '198.51.100.1', false, at(200));
    expect(await signInRetryAfter(prisma, email, '198.51.100.250', at(300))).toBe(0);
  });

  it(`limits one address to ${ADDRESS_FAILURES} failures across accounts`, async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < ADDRESS_FAILURES - 1; i++) await attempt(`spray-${i}@example.org`, ip, false, at(i * 1000));
    expect(await signInRetryAfter(prisma, 'fresh@example.org', ip, at(30_000))).toBe(0);
    await attempt('spray-last@example.org', ip, false, at(30_000));
    expect(await signInRetryAfter(prisma, 'fresh@example.org', ip, at(30_001))).toBeGreaterThan(0);
    // Other addresses are not held back.
    expect(await signInRetryAfter(prisma, 'fresh@example.org', '192.0.2.78', at(30_001))).toBe(0);
    // It recovers when the oldest failures leave the window.
    expect(await signInRetryAfter(prisma, 'fresh@example.org', ip, at(FAILURE_WINDOW_MS + 1))).toBe(0);
  });
});
