import 'server-only';
import { recordAudit } from '@/lib/audit';
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/auth/password';
import type { StaffUser } from '@/lib/auth/session';
import { hashToken, newSessionToken } from '@/lib/auth/tokens';
import type { PrismaClient } from '@/lib/prisma-client';
import { isUniqueViolation, WriteProblem } from '@/lib/write-problem';

/**
 * Staff self-service: changing one's own password, one-time reset links an admin issues (the catalogue
 * sends no mail: the admin hands the link over), and an admin's edits of a user's name and email. A new
 * password ends every session of its user. Passwords and tokens never reach the audit log.
 */

/** How long a reset link works. */
export const RESET_LINK_HOURS = 24;

function checkPolicy(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new WriteProblem(problem, field);
}

/** Sets a signed-in user's password after checking the current one; ends all their sessions. */
export async function changeOwnPassword(db: PrismaClient, user: StaffUser, input: { current: string; password: string }): Promise<{ endedSessions: number }> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, disabledAt: true } });
  if (!row || row.disabledAt) throw new WriteProblem('This account is disabled.');
  if (!(await verifyPassword(row.passwordHash, input.current))) throw new WriteProblem('That is not your current password.', 'current');
  checkPolicy(input.password);
  if (input.password === input.current) throw new WriteProblem('Choose a password other than the current one.', 'password');
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { actor: user, action: 'change-password', entity: 'user', entityId: user.id, label: `${user.name} <${user.email}>`, changes: { endedSessions: count } });
    return { endedSessions: count };
  });
}

/**
 * A new reset link for the user: the token, to be shown once (only its digest is stored). Earlier unused
 * links of the user stop working. Admins only; not for a disabled account.
 */
export async function issuePasswordReset(db: PrismaClient, actor: StaffUser, userId: number, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
  if (actor.role !== 'admin') throw new WriteProblem('Only admins issue reset links.');
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 60 * 60 * 1000);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, disabledAt: true } });
    if (!user) throw new WriteProblem('This user no longer exists. Reload the page.');
    if (user.disabledAt) throw new WriteProblem('The account is disabled: enable it first.');
    await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    await tx.passwordReset.create({ data: { tokenHash: hashToken(token), userId, issuedById: actor.id, createdAt: now, expiresAt } });
    await recordAudit(tx, { actor, action: 'issue-reset-link', entity: 'user', entityId: userId, label: `${user.name} <${user.email}>`, changes: { expiresAt: expiresAt.toISOString() } });
  });
  return { token, expiresAt };
}

const LINK_UNUSABLE = 'This link does not work (any more): it was used already, it has expired, or a newer one was issued. Ask an admin for a new one.';

/** Whether the link's token may still set a password (for the page to say so before anyone types). */
export async function resetLinkUsable(db: PrismaClient, token: string, now: Date = new Date()): Promise<boolean> {
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true, user: { select: { disabledAt: true } } } });
  return !!reset && !reset.usedAt && reset.expiresAt > now && !reset.user.disabledAt;
}

/** Sets the password a reset link is for, once; ends all the user's sessions. */
export async function resetPassword(db: PrismaClient, token: string, password: string, now: Date = new Date()): Promise<{ email: string }> {
  checkPolicy(password);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, expiresAt: true, user: { select: { id: true, name: true, email: true, disabledAt: true } } } });
    if (!reset || reset.expiresAt <= now || reset.user.disabledAt) throw new WriteProblem(LINK_UNUSABLE);
    // Claimed by a conditional update: of two submissions at once, one sets the password, the other is refused.
    const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) throw new WriteProblem(LINK_UNUSABLE);
    await tx.user.update({ where: { id: reset.user.id }, data: { passwordHash } });
    const ended = await tx.session.deleteMany({ where: { userId: reset.user.id } });
    await recordAudit(tx, { actor: null, action: 'reset-password', entity: 'user', entityId: reset.user.id, label: `${reset.user.name} <${reset.user.email}>`, changes: { endedSessions: ended.count } });
    return { email: reset.user.email };
  });
}

/** An admin changes a user's name or email. */
export async function updateUserProfile(db: PrismaClient, actor: StaffUser, input: { userId: number; name: string; email: string }): Promise<void> {
  if (actor.role !== 'admin') throw new WriteProblem('Only admins edit users.');
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: input.userId }, select: { name: true, email: true } });
      if (!before) throw new WriteProblem('This user no longer exists. Reload the page.');
      if (before.name === input.name && before.email === input.email) return;
      const taken = await tx.user.findFirst({ where: { email: input.email, id: { not: input.userId } }, select: { id: true } });
      if (taken) throw new WriteProblem('Another user has this email.', 'email');
      await tx.user.update({ where: { id: input.userId }, data: { name: input.name, email: input.email } });
      const changes: Record<string, { before: string; after: string }> = {};
      if (before.name !== input.name) changes.name = { before: before.name, after: input.name };
      if (before.email !== input.email) changes.email = { before: before.email, after: input.email };
      await recordAudit(tx, { actor, action: 'update', entity: 'user', entityId: input.userId, label: `${input.name} <${input.email}>`, changes });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new WriteProblem('Another user has this email.', 'email');
    throw error;
  }
}
