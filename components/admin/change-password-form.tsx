'use client';

import { useActionState, useId } from 'react';
import { changePasswordAction, type ChangePasswordState } from '@/app/admin/account/actions';
import { FieldError, FormFeedback } from '@/components/admin/admin-form-feedback';
import { NewPasswordFields } from '@/components/admin/password-fields';
import { inputClass, labelClass, primaryButtonClass } from '@/components/admin/styles';

export function ChangePasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormFeedback state={state} />
      <div>
        <label htmlFor={`${id}-current`} className={labelClass}>
          Current password
        </label>
        <input id={`${id}-current`} name="current" type="password" required autoComplete="current-password"
          aria-invalid={!!errors.current} aria-describedby={errors.current ? `${id}-current-error` : undefined} className={inputClass} />
        <FieldError id={`${id}-current-error`} errors={errors.current} />
      </div>
      <NewPasswordFields id={id} errors={errors} minLength={minPasswordLength} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        Change password
      </button>
    </form>
  );
}
