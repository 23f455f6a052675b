import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieJar, createStaff, databaseSnapshot, form, signedInAs, type TestStaff } from './admin-helpers';

vi.mock('next/headers', () => ({ cookies: async () => cookieJar(), headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const { NOT_ALLOWED } = await import('@/lib/auth/authorize');
const { getCurrentUser } = await import('@/lib/auth/session');
const { verifyPassword } = await import('@/lib/auth/password');
const { prisma } = await import('@/lib/db');
const actions = await import('@/app/admin/users/actions');
const { changeUserRoleAction, createUserAction, issueResetLinkAction, setUserStatusAction, updateUserProfileAction } = actions;

const PASSWORD = 'correct horse battery staple';

let admin: TestStaff;
let editor: TestStaff;

let securityLog: { mock: { calls: unknown[][] }; mockClear: () => void };

beforeEach(async () => {
  // Refusals are logged as JSON lines (lib/log.ts); captured here to check them and keep the output quiet.
  securityLog = vi.spyOn(console, 'info').mockImplementation(() => undefined);
  securityLog.mockClear();
  signedInAs(null);
  await prisma.session.deleteMany();
  await prisma.user.deleteMany();
  admin = await createStaff('admin', 'Ada Admin');
  editor = await createStaff('editor', 'Ed Editor');
});

async function auditOf(userId: number) {
  return prisma.auditEntry.findMany({ where: { entity: 'user', entityId: String(userId) }, orderBy: { id: 'asc' } });
}

describe('user actions refuse callers who are not admins', () => {
  // Each case is valid input: an admin's identical call succeeds, so the refusals are about the caller.
  const cases: Record<string, () => { call: (data: FormData) => Promise<{ message?: string; ok?: boolean }>; data: FormData }> = {
    createUserAction: () => ({
      call: (d) => createUserAction({}, d),
      data: form({ name: 'New Person', email: 'new.person@example.test', role: 'admin', password: PASSWORD }),
    }),
    changeUserRoleAction: () => ({ call: (d) => changeUserRoleAction({}, d), data: form({ userId: editor.id, role: 'admin' }) }),
    setUserStatusAction: () => ({ call: (d) => setUserStatusAction({}, d), data: form({ userId: editor.id, status: 'disabled' }) }),
    issueResetLinkAction: () => ({ call: (d) => issueResetLinkAction({}, d), data: form({ userId: editor.id }) }),
    updateUserProfileAction: () => ({ call: (d) => updateUserProfileAction({}, d), data: form({ userId: editor.id, name: 'Renamed Editor', email: 'renamed@example.test' }) }),
  };

  it('covers every exported action', () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, make] of Object.entries(cases)) {
    it(`${name}: anonymous and editor calls are refused and change nothing; an admin's succeeds`, async () => {
      const { call, data } = make();
      const before = await databaseSnapshot();

      signedInAs(null);
      expect(await call(data)).toEqual({ message: NOT_ALLOWED });
      expect(await databaseSnapshot()).toBe(before);

      signedInAs(editor);
      expect(await call(data)).toEqual({ message: NOT_ALLOWED });
      expect(await databaseSnapshot()).toBe(before);
      const refusals = securityLog.mock.calls.map(([line]: unknown[]) => JSON.parse(String(line)) as Record<string, unknown>);
      expect(refusals).toEqual([
        expect.objectContaining({ event: 'authorization.refused', userId: null, needed: 'admin' }),
        expect.objectContaining({ event: 'authorization.refused', userId: editor.id, role: 'editor', needed: 'admin' }),
      ]);

      // Refused before validation: an empty form gets the same answer, not field errors.
      expect(await call(new FormData())).toEqual({ message: NOT_ALLOWED });

      signedInAs(admin);
      expect((await call(data)).ok).toBe(true);
      expect(await databaseSnapshot()).not.toBe(before);
    });
  }

  it('refuses a disabled admin and a forged or expired session', async () => {
    const other = await createStaff('admin');
    await prisma.user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    const before = await databaseSnapshot();
    const data = form({ userId: editor.id, role: 'admin' });
    signedInAs(other);
    expect(await changeUserRoleAction({}, data)).toEqual({ message: NOT_ALLOWED });
    signedInAs({ token: 'not-a-session-token' });
    expect(await changeUserRoleAction({}, data)).toEqual({ message: NOT_ALLOWED });
    await prisma.session.updateMany({ where: { userId: admin.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    signedInAs(admin);
    expect(await changeUserRoleAction({}, data)).toEqual({ message: NOT_ALLOWED });
    // The disabled admin's and the expired sessions are deleted when seen; nothing else changed.
    expect(await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).toMatchObject({ role: 'editor' });
    expect(JSON.parse(await databaseSnapshot()).audit).toEqual(JSON.parse(before).audit);
  });
});

describe('creating users', () => {
  it('creates a user with the initial password, and audits it without the password or its hash', async () => {
    signedInAs(admin);
    const result = await createUserAction({}, form({ name: ' Nina Editor ', email: 'Nina@Example.TEST', role: 'editor', password: PASSWORD }));
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Nina Editor');
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'nina@example.test' } });
    expect(user).toMatchObject({ name: 'Nina Editor', role: 'editor', disabledAt: null });
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);

    const [entry, ...rest] = await auditOf(user.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ action: 'create', userId: admin.id, userName: 'Ada Admin', label: 'Nina Editor <nina@example.test>' });
    expect(JSON.parse(entry!.changes)).toEqual({ email: 'nina@example.test', name: 'Nina Editor', role: 'editor' });
    expect(entry!.changes).not.toContain(PASSWORD);
    expect(entry!.changes).not.toContain(user.passwordHash);
    expect(entry!.changes).not.toMatch(/password|argon/i);
  });

  it('returns field errors and keeps what was typed, except the password', async () => {
    signedInAs(admin);
    const before = await databaseSnapshot();
    const weak = await createUserAction({}, form({ name: 'Someone', email: 'not-an-email', role: 'owner', password: 'short' }));
    expect(Object.keys(weak.fieldErrors ?? {}).sort()).toEqual(['email', 'password', 'role']);
    expect(weak.values).toEqual({ name: 'Someone', email: 'not-an-email', role: 'owner' });
    expect(JSON.stringify(weak)).not.toContain('short');

    const common = await createUserAction({}, form({ name: 'Someone', email: 'someone@example.test', role: 'editor', password: 'password1234' }));
    expect(common.fieldErrors?.password?.[0]).toMatch(/too common/);

    const taken = await createUserAction({}, form({ name: 'Again', email: editor.email.toUpperCase(), role: 'editor', password: PASSWORD }));
    expect(taken.fieldErrors?.email).toEqual(['A user with this email already exists.']);
    expect(await databaseSnapshot()).toBe(before);
  });
});

describe('changing roles and disabling', () => {
  it('changes a role and audits before → after', async () => {
    signedInAs(admin);
    expect(await changeUserRoleAction({}, form({ userId: editor.id, role: 'admin' }))).toMatchObject({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe('admin');
    const [entry] = await auditOf(editor.id);
    expect(JSON.parse(entry!.changes)).toEqual({ role: { before: 'editor', after: 'admin' } });
    // A demoted admin loses admin rights at their next request: roles are read from the database each time.
    expect(await changeUserRoleAction({}, form({ userId: editor.id, role: 'editor' }))).toMatchObject({ ok: true });
    signedInAs(editor);
    expect(await changeUserRoleAction({}, form({ userId: editor.id, role: 'admin' }))).toEqual({ message: NOT_ALLOWED });
  });

  it("disabling ends the user's sessions at once, in the same transaction", async () => {
    const laptop = await createStaff('editor');
    // A second session for the same user.
    const phone = { ...laptop, token: 'second-session-token' };
    const { hashToken } = await import('@/lib/auth/tokens');
    await prisma.session.create({ data: { tokenHash: hashToken(phone.token), userId: laptop.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    signedInAs(laptop);
    expect((await getCurrentUser())?.id).toBe(laptop.id);

    signedInAs(admin);
    const result = await setUserStatusAction({}, form({ userId: laptop.id, status: 'disabled' }));
    expect(result).toEqual({ ok: true, message: 'Disabled; 2 session(s) ended.' });
    expect(await prisma.session.count({ where: { userId: laptop.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: laptop.id } })).disabledAt).toBeInstanceOf(Date);
    for (const device of [laptop, phone]) {
      signedInAs(device);
      expect(await getCurrentUser()).toBeNull();
    }
    const [entry] = await auditOf(laptop.id);
    expect(JSON.parse(entry!.changes)).toEqual({ status: { before: 'active', after: 'disabled' }, sessionsEnded: { before: null, after: 2 } });

    signedInAs(admin);
    expect(await setUserStatusAction({}, form({ userId: laptop.id, status: 'active' }))).toMatchObject({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: laptop.id } })).disabledAt).toBeNull();
    // Enabling restores the account, not the sessions: they sign in again.
    signedInAs(laptop);
    expect(await getCurrentUser()).toBeNull();
  });

  it('a disabled admin is refused at their next action', async () => {
    const other = await createStaff('admin');
    signedInAs(admin);
    expect(await setUserStatusAction({}, form({ userId: other.id, status: 'disabled' }))).toMatchObject({ ok: true });
    signedInAs(other);
    expect(await setUserStatusAction({}, form({ userId: admin.id, status: 'disabled' }))).toEqual({ message: NOT_ALLOWED });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
  });

  it('the last active admin can neither demote nor disable themself', async () => {
    signedInAs(admin);
    const before = await databaseSnapshot();
    const demote = await changeUserRoleAction({}, form({ userId: admin.id, role: 'editor' }));
    expect(demote.ok).toBeUndefined();
    expect(demote.message).toMatch(/At least one active admin must remain/);
    const disable = await setUserStatusAction({}, form({ userId: admin.id, status: 'disabled' }));
    expect(disable.message).toMatch(/At least one active admin must remain/);
    expect(await databaseSnapshot()).toBe(before);

    // A disabled admin does not count.
    const dormant = await createStaff('admin');
    await prisma.user.update({ where: { id: dormant.id }, data: { disabledAt: new Date() } });
    expect((await changeUserRoleAction({}, form({ userId: admin.id, role: 'editor' }))).message).toMatch(/At least one/);

    // With another active admin, either step is allowed.
    await prisma.user.update({ where: { id: dormant.id }, data: { disabledAt: null } });
    expect(await changeUserRoleAction({}, form({ userId: admin.id, role: 'editor' }))).toMatchObject({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('editor');
  });

  it('two admins demoting each other at once leave one admin', async () => {
    const other = await createStaff('admin');
    const { changeUserRole } = await import('@/lib/users/admin');
    const results = await Promise.allSettled([
      changeUserRole(prisma, admin, { userId: other.id, role: 'editor' }),
      changeUserRole(prisma, other, { userId: admin.id, role: 'editor' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await prisma.user.count({ where: { role: 'admin', disabledAt: null } })).toBe(1);
  });

  it('rejects unknown users and malformed ids', async () => {
    signedInAs(admin);
    expect((await changeUserRoleAction({}, form({ userId: 999_999, role: 'admin' }))).message).toMatch(/no longer exists/);
    expect((await setUserStatusAction({}, form({ userId: 'abc', status: 'disabled' }))).fieldErrors?.userId).toBeDefined();
    expect((await setUserStatusAction({}, form({ userId: editor.id, status: 'gone' }))).fieldErrors?.status).toBeDefined();
  });
});
