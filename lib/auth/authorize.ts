import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { logSecurity } from '@/lib/log';
import { hasRole, type Role } from './roles';
import { getCurrentUser, type StaffUser } from './session';

/**
 * For pages: the signed-in user with at least `role`. Signed out → the sign-in page, which returns
 * here afterwards; signed in without the role → 403.
 */
export async function requirePageUser(role: Role, returnTo: string): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user.role, role)) {
    logSecurity('authorization.refused', { userId: user.id, role: user.role, needed: role, target: returnTo });
    forbidden();
  }
  return user;
}

/**
 * For Server Actions and route handlers, which anyone can call directly: the user when allowed,
 * else null after logging the refusal. Callers return an error and write nothing on null.
 */
export async function authorize(role: Role, action: string): Promise<StaffUser | null> {
  const user = await getCurrentUser();
  if (user && hasRole(user.role, role)) return user;
  logSecurity('authorization.refused', { userId: user?.id ?? null, role: user?.role ?? null, needed: role, action });
  return null;
}

export const NOT_ALLOWED = 'You are not allowed to do this. Sign in with an account that has access.';
