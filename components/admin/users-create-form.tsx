'use client';

import { useActionState, useId } from 'react';
import { createUserAction, type CreateUserState } from '@/app/admin/users/actions';
import { FieldError, FormFeedback } from '@/components/admin/admin-form-feedback';
import { describedBy, hintClass, inputClass, labelClass, primaryButtonClass } from '@/components/admin/styles';

/** `minPasswordLength` comes from the server: the password rules stay out of the browser bundle. */
export function UsersCreateForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, action, pending] = useActionState<CreateUserState, FormData>(createUserAction, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const err = (field: keyof typeof errors) => (errors[field] ? `${id}-${field}-error` : undefined);
  // A refused form keeps what was typed (React resets a form after its action runs); a created user clears it.
  const values = state.ok ? undefined : state.values;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormFeedback state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className={labelClass}>
            Name
          </label>
          <input id={`${id}-name`} name="name" type="text" required autoComplete="off" defaultValue={values?.name}
            aria-invalid={!!errors.name} aria-describedby={err('name')} className={inputClass} />
          <FieldError id={`${id}-name-error`} errors={errors.name} />
        </div>
        <div>
          <label htmlFor={`${id}-email`} className={labelClass}>
            Email
          </label>
          <input id={`${id}-email`} name="email" type="email" required autoComplete="off" defaultValue={values?.email}
            aria-invalid={!!errors.email} aria-describedby={err('email')} className={inputClass} />
          <FieldError id={`${id}-email-error`} errors={errors.email} />
        </div>
      </div>
      <fieldset aria-describedby={describedBy(`${id}-role-hint`, err('role'))}>
        <legend className={labelClass}>Role</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="editor" defaultChecked={(values?.role ?? 'editor') === 'editor'} />
            Editor
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="admin" defaultChecked={values?.role === 'admin'} />
            Admin
          </label>
        </div>
        <p id={`${id}-role-hint`} className={hintClass}>
          Editors manage publications. Admins also manage users, the taxonomy and see the full history.
        </p>
        <FieldError id={`${id}-role-error`} errors={errors.role} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-password`} className={labelClass}>
          Initial password
        </label>
        <input id={`${id}-password`} name="password" type="text" required autoComplete="off" spellCheck={false}
          aria-invalid={!!errors.password} aria-describedby={describedBy(`${id}-password-hint`, err('password'))}
          className={`${inputClass} font-mono`} />
        <p id={`${id}-password-hint`} className={hintClass}>
          At least {minPasswordLength} characters and not a common password. The catalogue sends no email: give the
          password to the person yourself, in person or over a channel you trust.
        </p>
        <FieldError id={`${id}-password-error`} errors={errors.password} />
      </div>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        Create user
      </button>
    </form>
  );
}
