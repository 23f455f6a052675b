'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize, NOT_ALLOWED } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { changeUserRole, createUser, setUserStatus } from '@/lib/users/admin';
import { issuePasswordReset, updateUserProfile } from '@/lib/users/passwords';
import { UserProfileSchema, UserSchema } from '@/lib/validation/user';
import { siteOrigin } from '@/lib/site-url';
import { UserRoleSchema, UserStatusSchema } from '@/lib/validation/user-admin';
import { stateFromError, type FormState } from '@/lib/write-problem';

// Each action: check the caller (admin only) → validate → write inside try → revalidate after the try.

export type CreateUserState = FormState<'name' | 'email' | 'role' | 'password'> & {
  /** What was typed, so a refused form keeps it (never the password). */
  values?: { name: string; email: string; role: string };
};

export type UserRowState = FormState<'userId' | 'role' | 'status'>;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, 1000) : '';
}

export async function createUserAction(_previous: CreateUserState, formData: FormData): Promise<CreateUserState> {
  const actor = await authorize('admin', 'users.create');
  if (!actor) return { message: NOT_ALLOWED };

  const values = { name: text(formData, 'name'), email: text(formData, 'email'), role: text(formData, 'role') };
  const parsed = UserSchema.safeParse({ ...values, password: formData.get('password') ?? '' });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  try {
    await createUser(prisma, actor, parsed.data);
  } catch (error) {
    return { ...stateFromError(error, 'The user could not be created. Try again.'), values };
  }
  revalidatePath('/admin/users');
  return {
    ok: true,
    message: `Created ${parsed.data.role} ${parsed.data.name} (${parsed.data.email}). Give them the initial password yourself.`,
  };
}

export async function changeUserRoleAction(_previous: UserRowState, formData: FormData): Promise<UserRowState> {
  const actor = await authorize('admin', 'users.change-role');
  if (!actor) return { message: NOT_ALLOWED };

  const parsed = UserRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };

  try {
    await changeUserRole(prisma, actor, parsed.data);
  } catch (error) {
    return stateFromError(error, 'The role could not be changed. Try again.');
  }
  revalidatePath('/admin/users');
  return { ok: true, message: `Now ${parsed.data.role}.` };
}

export async function setUserStatusAction(_previous: UserRowState, formData: FormData): Promise<UserRowState> {
  const actor = await authorize('admin', 'users.set-status');
  if (!actor) return { message: NOT_ALLOWED };

  const parsed = UserStatusSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };

  let endedSessions: number;
  try {
    ({ endedSessions } = await setUserStatus(prisma, actor, parsed.data));
  } catch (error) {
    return stateFromError(error, 'The account could not be changed. Try again.');
  }
  revalidatePath('/admin/users');
  return {
    ok: true,
    message:
      parsed.data.status === 'disabled'
        ? `Disabled${endedSessions > 0 ? `; ${endedSessions} session(s) ended` : ''}.`
        : 'Enabled: they can sign in again.',
  };
}

export type ResetLinkState = FormState<'userId'> & { link?: string; expiresAt?: string };

/** A one-time link for the user to set a new password, shown to the admin once (only its digest is kept). */
export async function issueResetLinkAction(_previous: ResetLinkState, formData: FormData): Promise<ResetLinkState> {
  const actor = await authorize('admin', 'users.issue-reset-link');
  if (!actor) return { message: NOT_ALLOWED };

  const parsed = z.object({ userId: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };

  let issued: { token: string; expiresAt: Date };
  try {
    issued = await issuePasswordReset(prisma, actor, parsed.data.userId);
  } catch (error) {
    return stateFromError(error, 'The link could not be issued. Try again.');
  }
  return {
    ok: true,
    message: `Reset link, shown this once. It works once, until ${issued.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; issuing another cancels it. Give it to the person over a channel you trust.`,
    link: `${await siteOrigin()}/reset-password/${issued.token}`,
    expiresAt: issued.expiresAt.toISOString(),
  };
}

export type UserProfileState = FormState<'userId' | 'name' | 'email'>;

export async function updateUserProfileAction(_previous: UserProfileState, formData: FormData): Promise<UserProfileState> {
  const actor = await authorize('admin', 'users.update-profile');
  if (!actor) return { message: NOT_ALLOWED };

  const parsed = UserProfileSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };

  try {
    await updateUserProfile(prisma, actor, parsed.data);
  } catch (error) {
    return stateFromError(error, 'The user could not be changed. Try again.');
  }
  revalidatePath('/admin/users');
  return { ok: true, message: `Saved: ${parsed.data.name} <${parsed.data.email}>.` };
}
