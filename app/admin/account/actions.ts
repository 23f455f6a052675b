'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authorize, NOT_ALLOWED } from '@/lib/auth/authorize';
import { endSession } from '@/lib/auth/session';
import { prisma } from '@/lib/db';
import { changeOwnPassword } from '@/lib/users/passwords';
import { ChangePasswordSchema } from '@/lib/validation/user';
import { stateFromError, type FormState } from '@/lib/write-problem';

export type ChangePasswordState = FormState<'current' | 'password' | 'confirm'>;

export async function changePasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const user = await authorize('editor', 'account.change-password');
  if (!user) return { message: NOT_ALLOWED };

  const parsed = ChangePasswordSchema.safeParse({ current: formData.get('current') ?? '', password: formData.get('password') ?? '', confirm: formData.get('confirm') ?? '' });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };

  try {
    await changeOwnPassword(prisma, user, parsed.data);
  } catch (error) {
    return stateFromError(error, 'The password could not be changed. Try again.');
  }
  // Every session of the account ended, this one too: sign in again with the new password.
  await endSession();
  redirect('/sign-in?notice=password-changed');
}
