import { env } from '@/lib/env';
import type { Db } from '@/lib/prisma-client';

/**
 * Failed sign-ins, limited so that guessing is slow and no one can lock someone else out:
 * - one account from one address: after PAIR_FAILURES in the window, that address waits the window out (for
 *   that account only);
 * - one address across accounts: after ADDRESS_FAILURES, it waits the window out (password spraying);
 * - one account from every address together (guessing from many addresses): past ACCOUNT_DELAY_AFTER
 *   failures, each attempt waits a delay that doubles with every further failure, up to ACCOUNT_DELAY_MAX_S
 *   after the last one. The owner, signing in from an address of their own, waits at most that, never the window.
 * Addresses are real peers (lib/http/client-address.ts): no header can choose them. A successful sign-in
 * restarts the account's counts.
 */
export const PAIR_FAILURES = 5;
export const ADDRESS_FAILURES = env.SIGN_IN_ADDRESS_FAILURES;
export const ACCOUNT_DELAY_AFTER = 10;
export const ACCOUNT_DELAY_MAX_S = 30;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Seconds until another attempt is allowed, or 0. Counted from the attempts stored in the database, so the
 * limits hold across restarts and across app instances.
 */
export async function signInRetryAfter(db: Db, email: string, ip: string, now: Date = new Date()): Promise<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess?.createdAt ?? since;
  const [pairFailures, addressFailures, accountFailures, lastAccountFailure] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, ip, success: false, createdAt: { gt: accountSince } },
      orderBy: { createdAt: 'desc' },
      take: PAIR_FAILURES,
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: { ip, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: ADDRESS_FAILURES,
      select: { createdAt: true },
    }),
    db.signInAttempt.count({ where: { email, success: false, createdAt: { gt: accountSince } } }),
    db.signInAttempt.findFirst({ where: { email, success: false, createdAt: { gt: accountSince } }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
  ]);
  const windowWait = (failures: { createdAt: Date }[], limit: number) =>
    failures.length < limit ? 0 : failures[limit - 1]!.createdAt.getTime() + FAILURE_WINDOW_MS - now.getTime();
  const accountWait =
    accountFailures < ACCOUNT_DELAY_AFTER || !lastAccountFailure
      ? 0
      : lastAccountFailure.createdAt.getTime() + accountDelaySeconds(accountFailures) * 1000 - now.getTime();
  const ms = Math.max(windowWait(pairFailures, PAIR_FAILURES), windowWait(addressFailures, ADDRESS_FAILURES), accountWait);
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The wait after an account's `failures`th failure in the window (from ACCOUNT_DELAY_AFTER on): 1 s, 2 s, 4 s… at most ACCOUNT_DELAY_MAX_S. */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_DELAY_AFTER) return 0;
  return Math.min(2 ** (failures - ACCOUNT_DELAY_AFTER), ACCOUNT_DELAY_MAX_S);
}

/** How long to wait, in words: "45 seconds", "12 minutes". */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Deletes the attempts older than `retentionDays`: the limits need only the last window, the record (who tried
 * to sign in, from where) is kept that long. At most once an hour per process.
 */
let lastPruned = 0;
export async function pruneSignInAttempts(db: Db, retentionDays: number, now: Date = new Date(), { force = false } = {}): Promise<number> {
  if (!force && now.getTime() - lastPruned < 60 * 60 * 1000) return 0;
  lastPruned = now.getTime();
  const before = new Date(now.getTime() - Math.max(retentionDays * 24 * 60 * 60 * 1000, FAILURE_WINDOW_MS));
  const { count } = await db.signInAttempt.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
