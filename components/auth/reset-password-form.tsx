'use client';

import { useActionState, useId } from 'react';
import { resetPasswordAction, type ResetPasswordState } from '@/app/reset-password/[token]/actions';
import { FormFeedback } from '@/components/admin/admin-form-feedback';
import { NewPasswordFields } from '@/components/admin/password-fields';
import { primaryButtonClass } from '@/components/admin/styles';

export function ResetPasswordForm({ token, minPasswordLength }: { token: string; minPasswordLength: number }) {
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, {});
  const id = useId();
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormFeedback state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields id={id} errors={state.fieldErrors ?? {}} minLength={minPasswordLength} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        Set password
      </button>
    </form>
  );
}
