import type { Db } from '@/lib/prisma-client';

// Failed sign-ins allowed within the window, per account and per client address.
export const ACCOUNT_FAILURES = 5;
export const ADDRESS_FAILURES = 20;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Seconds until another attempt is allowed, or 0. Counted from the attempts stored in the database,
 * so the limit holds across restarts and across app instances. An account's count restarts after a
 * successful sign-in.
 */
export async function signInRetryAfter(db: Db, email: string, ip: string, now: Date = new Date()): Promise<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, success: false, createdAt: { gt: lastSuccess?.createdAt ?? since } },
      orderBy: { createdAt: 'desc' },
      take: ACCOUNT_FAILURES,
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: { ip, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: ADDRESS_FAILURES,
      select: { createdAt: true },
    }),
  ]);
  const wait = (failures: { createdAt: Date }[], limit: number) =>
    failures.length < limit ? 0 : failures[limit - 1]!.createdAt.getTime() + FAILURE_WINDOW_MS - now.getTime();
  const ms = Math.max(wait(accountFailures, ACCOUNT_FAILURES), wait(addressFailures, ADDRESS_FAILURES));
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
