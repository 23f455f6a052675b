import 'server-only';
import type { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import type { StaffUser } from '@/lib/auth/session';
import type { Db, PrismaClient } from '@/lib/prisma-client';
import type { UserSchema } from '@/lib/validation/user';
import { isUniqueViolation, WriteProblem } from '@/lib/write-problem';
import { dialect } from '@/lib/sql/dialect';

/**
 * User management for admins. Every write runs in one transaction with its audit entry; passwords and
 * their hashes never reach the audit log. The Server Actions in app/admin/users/actions.ts check the
 * caller first; the role check here is a second line for any other caller.
 */

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  createdAt: Date;
  /** Sessions that have not expired yet (an idle one may still be counted). */
  activeSessions: number;
};

const LAST_ADMIN = 'At least one active admin must remain: make another user admin first.';

function assertAdmin(actor: StaffUser): void {
  if (actor.role !== 'admin') throw new WriteProblem('Only admins manage users.');
}

export async function listUsers(db: Db, now: Date = new Date()): Promise<UserRow[]> {
  const users = await db.user.findMany({
    orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return users.map(({ _count, ...user }) => ({ ...user, activeSessions: _count.sessions }));
}

/** Throws (rolling the transaction back) when the write just made left no active admin. */
async function assertAnActiveAdminRemains(tx: Db): Promise<void> {
  // Counted after the write, inside its transaction, one such transaction at a time: two admins demoting
  // each other at once cannot both pass (the second counts after the first committed).
  await dialect(tx).serialize(tx, 'admins');
  const admins = await tx.user.count({ where: { role: 'admin', disabledAt: null } });
  if (admins === 0) throw new WriteProblem(LAST_ADMIN);
}

/** Creates a staff account with the initial password the admin chose (the admin hands it over). */
export async function createUser(
  db: PrismaClient,
  actor: StaffUser,
  input: z.infer<typeof UserSchema>,
): Promise<{ id: number }> {
  assertAdmin(actor);
  // Hashed before the transaction: argon2 takes a while and need not hold the write lock.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        throw new WriteProblem('A user with this email already exists.', 'email');
      }
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: { id: true, email: true, name: true, role: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'create',
        entity: 'user',
        entityId: user.id,
        label: `${user.name} <${user.email}>`,
        changes: { email: user.email, name: user.name, role: user.role },
      });
      return { id: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new WriteProblem('A user with this email already exists.', 'email');
    throw error;
  }
}

async function findUser(tx: Db, userId: number) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user) throw new WriteProblem('This user no longer exists. Reload the page.');
  return user;
}

/** Sets a user's role. Demoting the last active admin is refused. */
export async function changeUserRole(
  db: PrismaClient,
  actor: StaffUser,
  input: { userId: number; role: Role },
): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const before = await findUser(tx, input.userId);
    if (before.role === input.role) return;
    await tx.user.update({ where: { id: before.id }, data: { role: input.role } });
    await assertAnActiveAdminRemains(tx);
    await recordAudit(tx, {
      actor,
      action: 'update',
      entity: 'user',
      entityId: before.id,
      label: `${before.name} <${before.email}>`,
      changes: { role: { before: before.role, after: input.role } },
    });
  });
}

/**
 * Disables or re-enables an account. Disabling deletes the user's sessions in the same transaction, so
 * they are signed out at their next request; disabling the last active admin is refused.
 */
export async function setUserStatus(
  db: PrismaClient,
  actor: StaffUser,
  input: { userId: number; status: 'active' | 'disabled' },
): Promise<{ endedSessions: number }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await findUser(tx, input.userId);
    const wasDisabled = before.disabledAt !== null;
    const disable = input.status === 'disabled';
    if (wasDisabled === disable) return { endedSessions: 0 };
    await tx.user.update({ where: { id: before.id }, data: { disabledAt: disable ? new Date() : null } });
    let endedSessions = 0;
    if (disable) {
      await assertAnActiveAdminRemains(tx);
      endedSessions = (await tx.session.deleteMany({ where: { userId: before.id } })).count;
    }
    await recordAudit(tx, {
      actor,
      action: 'update',
      entity: 'user',
      entityId: before.id,
      label: `${before.name} <${before.email}>`,
      changes: {
        status: { before: wasDisabled ? 'disabled' : 'active', after: input.status },
        ...(disable && { sessionsEnded: { before: null, after: endedSessions } }),
      },
    });
    return { endedSessions };
  });
}
