import { vi } from 'vitest';
import { prisma } from '@/lib/db';
import { hashToken, newSessionToken } from '@/lib/auth/tokens';
import { SESSION_LIFETIME_MS } from '@/lib/auth/session-policy';

/**
 * Stand-ins for what a Server Action reads from the request (next/headers) and what it calls after a
 * write (next/cache, next/navigation), so the real actions run in Vitest. Use in a test file:
 *
 *   vi.mock('next/headers', async () => (await import('./helpers/request-context')).nextHeaders);
 *   vi.mock('next/cache', async () => (await import('./helpers/request-context')).nextCache);
 *   vi.mock('next/navigation', async () => (await import('./helpers/request-context')).nextNavigation);
 */

const jar = new Map<string, string>();

export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
    has: (name: string) => jar.has(name),
  }),
  headers: async () => new Headers({ 'x-catalogue-client-address': '192.0.2.1' }),
};

export const nextCache = { revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() };

/** What redirect(), notFound() and forbidden() throw here; Next throws its own signals the same way. */
export class NavigationSignal extends Error {
  constructor(readonly kind: 'redirect' | 'notFound' | 'forbidden', readonly url?: string) {
    super(`${kind}${url ? ` ${url}` : ''}`);
  }
}

export const nextNavigation = {
  redirect: (url: string) => {
    throw new NavigationSignal('redirect', url);
  },
  notFound: () => {
    throw new NavigationSignal('notFound');
  },
  forbidden: () => {
    throw new NavigationSignal('forbidden');
  },
};

let users = 0;

/** A staff user with a live session in the cookie jar (the next request is "signed in" as them). */
export async function signInAs(
  role: string,
  { disabled = false, expired = false }: { disabled?: boolean; expired?: boolean } = {},
): Promise<{ id: number; name: string }> {
  users += 1;
  const user = await prisma.user.create({
    data: {
      email: `test-${role}-${users}-${Date.now()}@example.org`,
      name: `Test ${role} ${users}`,
      role,
      passwordHash: 'not used',
      disabledAt: disabled ? new Date() : null,
    },
  });
  const token = newSessionToken();
  const now = Date.now();
  await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      userId: user.id,
      lastSeenAt: new Date(now),
      expiresAt: new Date(expired ? now - 1000 : now + SESSION_LIFETIME_MS),
    },
  });
  jar.clear();
  jar.set('ct_session', token);
  return { id: user.id, name: user.name };
}

export function signOut(): void {
  jar.clear();
}

/** Runs an action and reports where it redirected, if it did. */
export async function runAction<T>(call: () => Promise<T>): Promise<{ result?: T; redirectedTo?: string }> {
  try {
    return { result: await call() };
  } catch (error) {
    if (error instanceof NavigationSignal && error.kind === 'redirect') return { redirectedTo: error.url };
    throw error;
  }
}
