import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieJar, createStaff, form, signedInAs, type TestStaff } from './admin-helpers';

vi.mock('next/headers', () => ({ cookies: async () => cookieJar(), headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
vi.mock('next/navigation', async () => (await import('./helpers/request-context')).nextNavigation);

const { NOT_ALLOWED } = await import('@/lib/auth/authorize');
const { verifyPassword } = await import('@/lib/auth/password');
const { hashToken } = await import('@/lib/auth/tokens');
const { prisma } = await import('@/lib/db');
const { changePasswordAction } = await import('@/app/admin/account/actions');
const { issueResetLinkAction, updateUserProfileAction } = await import('@/app/admin/users/actions');
const { resetPasswordAction } = await import('@/app/reset-password/[token]/actions');
const { issuePasswordReset, resetLinkUsable, resetPassword } = await import('@/lib/users/passwords');
const { NavigationSignal } = await import('./helpers/request-context');

const OLD = 'a test password nobody uses';
const NEW = 'a brand new passphrase for tests';

let admin: TestStaff;
let editor: TestStaff;

beforeEach(async () => {
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  signedInAs(null);
  await prisma.passwordReset.deleteMany();
  await prisma.session.deleteMany();
  await prisma.user.deleteMany();
  admin = await createStaff('admin', 'Ada Admin');
  editor = await createStaff('editor', 'Ed Editor');
});

const hashOf = async (id: number) => (await prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash;
const redirectOf = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    if (error instanceof NavigationSignal) return error.url;
    throw error;
  }
  return null;
};

describe('changing one’s own password', () => {
  it('needs the current password and the policy, and changes nothing otherwise', async () => {
    signedInAs(editor);
    const before = await hashOf(editor.id);
    expect(await changePasswordAction({}, form({ current: 'wrong password entirely', password: NEW, confirm: NEW }))).toEqual({ fieldErrors: { current: ['That is not your current password.'] } });
    expect((await changePasswordAction({}, form({ current: OLD, password: 'short', confirm: 'short' }))).fieldErrors?.password?.[0]).toMatch(/at least/i);
    expect(await changePasswordAction({}, form({ current: OLD, password: NEW, confirm: `${NEW}!` }))).toEqual({ fieldErrors: { confirm: ['The two new passwords differ.'] } });
    expect(await changePasswordAction({}, form({ current: OLD, password: OLD, confirm: OLD }))).toEqual({ fieldErrors: { password: ['Choose a password other than the current one.'] } });
    expect(await hashOf(editor.id)).toBe(before);
    signedInAs(null);
    expect(await changePasswordAction({}, form({ current: OLD, password: NEW, confirm: NEW }))).toEqual({ message: NOT_ALLOWED });
  });

  it('sets it and ends every session of the account', async () => {
    signedInAs(editor);
    await prisma.session.create({ data: { tokenHash: hashToken('another-device-token-xxxxxxxxxxxxxxxxxxxxxxx'), userId: editor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await redirectOf(changePasswordAction({}, form({ current: OLD, password: NEW, confirm: NEW })))).toBe('/sign-in?notice=password-changed');
    expect(await verifyPassword(await hashOf(editor.id), NEW)).toBe(true);
    expect(await prisma.session.count({ where: { userId: editor.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: 'change-password', entityId: String(editor.id) } })).toBe(1);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'change-password' } });
    expect(audit.changes).not.toContain(NEW);
  });
});

describe('reset links', () => {
  it('only admins issue them; the link works once, ends the user’s sessions, and is stored only as a digest', async () => {
    signedInAs(editor);
    expect(await issueResetLinkAction({}, form({ userId: admin.id }))).toEqual({ message: NOT_ALLOWED });
    signedInAs(admin);
    const issued = await issueResetLinkAction({}, form({ userId: editor.id }));
    expect(issued).toMatchObject({ ok: true, link: expect.stringMatching(/\/reset-password\/[\w-]{43}$/) });
    const token = issued.link!.split('/').pop()!;
    const stored = await prisma.passwordReset.findFirstOrThrow({ where: { userId: editor.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    signedInAs(null);
    expect(await resetPasswordAction({}, form({ token, password: 'short', confirm: 'short' }))).toMatchObject({ fieldErrors: { password: [expect.any(String)] } });
    expect(await resetPasswordAction({}, form({ token: 'not-a-token', password: NEW, confirm: NEW }))).toEqual({ message: 'This link is not complete: copy all of it.' });
    expect(await redirectOf(resetPasswordAction({}, form({ token, password: NEW, confirm: NEW })))).toBe('/sign-in?notice=password-reset');
    expect(await verifyPassword(await hashOf(editor.id), NEW)).toBe(true);
    expect(await prisma.session.count({ where: { userId: editor.id } })).toBe(0);
    // Once only.
    expect(await resetLinkUsable(prisma, token)).toBe(false);
    expect((await resetPasswordAction({}, form({ token, password: `${NEW} again`, confirm: `${NEW} again` }))).message).toMatch(/does not work \(any more\)/);
    expect(await verifyPassword(await hashOf(editor.id), NEW)).toBe(true);
  });

  it('expires, and a newer link cancels the older one', async () => {
    const issuedAt = new Date('2026-01-01T00:00:00Z');
    const first = await issuePasswordReset(prisma, admin, editor.id, issuedAt);
    const second = await issuePasswordReset(prisma, admin, editor.id, issuedAt);
    expect(await resetLinkUsable(prisma, first.token, issuedAt)).toBe(false);
    expect(await resetLinkUsable(prisma, second.token, issuedAt)).toBe(true);
    const later = new Date(issuedAt.getTime() + 25 * 60 * 60 * 1000);
    await expect(resetPassword(prisma, second.token, NEW, later)).rejects.toThrow(/does not work/);
    expect(await verifyPassword(await hashOf(editor.id), OLD)).toBe(true);
  });

  it('two submissions of one link at once: one sets the password, the other is refused', async () => {
    const { token } = await issuePasswordReset(prisma, admin, editor.id);
    const results = await Promise.allSettled([resetPassword(prisma, token, `${NEW} one`), resetPassword(prisma, token, `${NEW} two`)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });
});

describe('admins edit names and emails', () => {
  it('saves, refuses a taken email, and refuses editors', async () => {
    signedInAs(admin);
    expect(await updateUserProfileAction({}, form({ userId: editor.id, name: 'Edwina Editor', email: 'EDWINA@example.test' }))).toMatchObject({ ok: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).toMatchObject({ name: 'Edwina Editor', email: 'edwina@example.test' });
    expect(await updateUserProfileAction({}, form({ userId: editor.id, name: 'Edwina Editor', email: admin.email }))).toEqual({ fieldErrors: { email: ['Another user has this email.'] } });
    expect(await updateUserProfileAction({}, form({ userId: editor.id, name: '', email: 'x@example.test' }))).toMatchObject({ fieldErrors: { name: [expect.any(String)] } });
    signedInAs(editor);
    expect(await updateUserProfileAction({}, form({ userId: admin.id, name: 'Taken over', email: 'evil@example.test' }))).toEqual({ message: NOT_ALLOWED });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe('Ada Admin');
  });
});
