'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { logSecurity } from '@/lib/log';
import { resetPassword } from '@/lib/users/passwords';
import { ResetPasswordSchema } from '@/lib/validation/user';
import { stateFromError, type FormState } from '@/lib/write-problem';

export type ResetPasswordState = FormState<'token' | 'password' | 'confirm'>;

// Who may call it: whoever holds the link's token, which the action checks (the link is the credential).
export async function resetPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const parsed = ResetPasswordSchema.safeParse({ token: formData.get('token') ?? '', password: formData.get('password') ?? '', confirm: formData.get('confirm') ?? '' });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return fieldErrors.token ? { message: fieldErrors.token[0] } : { fieldErrors };
  }
  let email: string;
  try {
    ({ email } = await resetPassword(prisma, parsed.data.token, parsed.data.password));
  } catch (error) {
    return stateFromError(error, 'The password could not be set. Try again.');
  }
  logSecurity('password.reset', { email });
  redirect('/sign-in?notice=password-reset');
}
