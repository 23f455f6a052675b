import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import type { StaffUser } from '@/lib/auth/session';
import { SESSION_LIFETIME_MS } from '@/lib/auth/session-policy';
import { hashToken, newSessionToken } from '@/lib/auth/tokens';
import { prisma } from '@/lib/db';

/**
 * Staff for the admin integration tests. The test files mock `next/headers` so that the session cookie
 * the real Server Actions read is `session.token` (see `signedInAs`): actions run their own code path
 * (getCurrentUser → DB session → role) with no request scope.
 */
export const session = { token: undefined as string | undefined };

/** The cookie jar the mocked `cookies()` returns. */
export function cookieJar() {
  return {
    get: (name: string) => (session.token && name === 'ct_session' ? { name, value: session.token } : undefined),
    set: () => undefined,
    delete: () => undefined,
  };
}

/** Calls that follow run as this staff member (or anonymously with null). */
export function signedInAs(staff: { token: string } | null): void {
  session.token = staff?.token;
}

let passwordHash: Promise<string> | null = null;
let counter = 0;

export type TestStaff = StaffUser & { token: string };

/** A staff user with a live session; one shared password hash keeps the tests fast. */
export async function createStaff(role: Role, name = `${role} ${++counter}`): Promise<TestStaff> {
  passwordHash ??= hashPassword('a test password nobody uses');
  const email = `${role}-${counter}-${Date.now()}@example.test`;
  const user = await prisma.user.create({ data: { email, name, role, passwordHash: await passwordHash } });
  const token = newSessionToken();
  const now = new Date();
  await prisma.session.create({
    data: { tokenHash: hashToken(token), userId: user.id, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) },
  });
  return { id: user.id, email, name, role, token };
}

export function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

/** Every row an admin write could touch, to show that a refused call changed nothing. */
export async function databaseSnapshot(): Promise<string> {
  const [users, sessions, audit, categories, regions, memberships, authors, credits, publications, changes, fullText] =
    await Promise.all([
      prisma.user.findMany({ orderBy: { id: 'asc' } }),
      prisma.session.findMany({ orderBy: { id: 'asc' } }),
      prisma.auditEntry.findMany({ orderBy: { id: 'asc' } }),
      prisma.category.findMany({ orderBy: { id: 'asc' } }),
      prisma.region.findMany({ orderBy: { id: 'asc' } }),
      prisma.countryRegion.findMany({ orderBy: [{ regionId: 'asc' }, { countryCode: 'asc' }] }),
      prisma.author.findMany({ orderBy: { id: 'asc' } }),
      prisma.publicationAuthor.findMany({ orderBy: [{ publicationId: 'asc' }, { position: 'asc' }] }),
      prisma.publication.findMany({ orderBy: { id: 'asc' }, select: { id: true, categoryId: true, version: true, updatedAt: true } }),
      prisma.catalogueChange.findMany({ orderBy: { seq: 'asc' } }),
      prisma.$queryRaw`SELECT "title", "names" FROM "PublicationSearch" ORDER BY "title", "names"`,
    ]);
  // lastSeenAt is refreshed by any signed-in request (at most once a minute), refused or not: not a write by the action.
  const sessionRows = sessions.map((s) => ({ ...s, lastSeenAt: null }));
  return JSON.stringify({ users, sessionRows, audit, categories, regions, memberships, authors, credits, publications, changes, fullText });
}
