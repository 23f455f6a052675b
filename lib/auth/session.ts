import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { prisma } from '@/lib/db';
import { isHttps } from './request';
import { SESSION_LIFETIME_MS, SESSION_TOUCH_MS, sessionIsLive } from './session-policy';
import { hashToken, newSessionToken } from './tokens';
import type { Role } from './roles';

export type StaffUser = { id: number; email: string; name: string; role: Role };

import { PLAIN_COOKIE, SECURE_COOKIE } from './cookie-names';

async function readToken(): Promise<string | undefined> {
  const jar = await cookies();
  return jar.get(SECURE_COOKIE)?.value ?? jar.get(PLAIN_COOKIE)?.value;
}

/**
 * Whether the request carries a session cookie (not whether it is valid: no database read). Public pages
 * use it to send staff reads to the primary (lib/db.ts `reader`). False outside a request (scripts).
 */
export async function hasSessionCookie(): Promise<boolean> {
  try {
    return (await readToken()) !== undefined;
  } catch {
    return false; // cookies() throws outside a request
  }
}


/** Starts a fresh session for the user; any session the browser already had is ended first. */
export async function startSession(userId: number): Promise<void> {
  await endSession();
  const token = newSessionToken();
  const now = new Date();
  await prisma.session.create({
    data: { tokenHash: hashToken(token), userId, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) },
  });
  const secure = await isHttps();
  (await cookies()).set(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

/** Ends the session server-side and clears the cookie. */
export async function endSession(): Promise<void> {
  const token = await readToken();
  if (token) await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
  const jar = await cookies();
  for (const name of [SECURE_COOKIE, PLAIN_COOKIE]) if (jar.get(name)) jar.delete(name);
}

/** The signed-in staff member, or null. Checked against the database on every request. */
export const getCurrentUser = cache(async (): Promise<StaffUser | null> => {
  const token = await readToken();
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!session) return null;
  const now = new Date();
  if (!sessionIsLive(session, now) || session.user.disabledAt) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role } = session.user;
  return { id, email, name, role: role as Role };
});
