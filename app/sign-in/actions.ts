'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { env } from '@/lib/env';
import { logSecurity } from '@/lib/log';
import { metrics } from '@/lib/metrics';
import { verifyAgainstDecoy, verifyPassword } from '@/lib/auth/password';
import { describeWait, pruneSignInAttempts, signInRetryAfter } from '@/lib/auth/rate-limit';
import { clientAddress } from '@/lib/auth/request';
import { endSession, startSession } from '@/lib/auth/session';
import { SignInSchema } from '@/lib/validation/auth';

export type SignInState = { message?: string; fieldErrors?: { email?: string[]; password?: string[] }; email?: string };

// The same answer for an unknown email, a wrong password and a disabled account.
const FAILED = 'The email or password is not right.';

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = SignInSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get('email') ?? '').slice(0, 320);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };

  const ip = await clientAddress();
  const retryAfter = await signInRetryAfter(prisma, parsed.data.email, ip);
  if (retryAfter > 0) {
    logSecurity('sign-in.throttled', { email: parsed.data.email, ip, retryAfter });
    metrics.signInFailures.inc({ reason: 'throttled' });
    return { message: `Too many failed attempts. Try again in ${describeWait(retryAfter)}.`, email };
  }

  const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
  const ok = user
    ? (await verifyPassword(user.passwordHash, parsed.data.password)) && !user.disabledAt
    : (await verifyAgainstDecoy(parsed.data.password), false);
  await prisma.signInAttempt.create({ data: { email: parsed.data.email, ip, success: ok } });
  await pruneSignInAttempts(prisma, env.SIGN_IN_ATTEMPT_RETENTION_DAYS);
  logSecurity(ok ? 'sign-in.succeeded' : 'sign-in.failed', { email: parsed.data.email, ip, userId: user?.id ?? null });
  if (!ok || !user) {
    metrics.signInFailures.inc({ reason: 'credentials' });
    return { message: FAILED, email };
  }

  await startSession(user.id);
  redirect(parsed.data.next);
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect('/sign-in');
}
