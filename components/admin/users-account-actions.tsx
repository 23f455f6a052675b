'use client';

import { useActionState, useId } from 'react';
import { issueResetLinkAction, updateUserProfileAction, type ResetLinkState, type UserProfileState } from '@/app/admin/users/actions';
import { FieldError, FormFeedback } from '@/components/admin/admin-form-feedback';
import { inputClass, labelClass, smallButtonClass } from '@/components/admin/styles';

type Props = { user: { id: number; name: string; email: string; disabled: boolean } };

/** A row's reset link (shown once, here) and the form that edits the user's name and email. */
export function UsersAccountActions({ user }: Props) {
  const [linkState, linkAction, linkPending] = useActionState<ResetLinkState, FormData>(issueResetLinkAction, {});
  const [profileState, profileAction, profilePending] = useActionState<UserProfileState, FormData>(updateUserProfileAction, {});
  const id = useId();
  const errors = profileState.fieldErrors ?? {};
  return (
    <div className="mt-2 space-y-2">
      {!user.disabled && (
        <form action={linkAction}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" disabled={linkPending} className={smallButtonClass}>
            Issue a password reset link<span className="sr-only"> ({user.name})</span>
          </button>
        </form>
      )}
      <FormFeedback id={`${id}-link`} state={linkState} />
      {linkState.link && (
        <p>
          <label htmlFor={`${id}-link-value`} className="sr-only">
            Reset link for {user.name}
          </label>
          <input id={`${id}-link-value`} readOnly value={linkState.link} className={`${inputClass} font-mono text-xs`} />
        </p>
      )}
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">
          Edit name and email<span className="sr-only"> ({user.name})</span>
        </summary>
        <form action={profileAction} className="mt-2 space-y-2" noValidate>
          <FormFeedback state={profileState} />
          <input type="hidden" name="userId" value={user.id} />
          <div>
            <label htmlFor={`${id}-name`} className={labelClass}>
              Name<span className="sr-only"> of {user.name}</span>
            </label>
            <input id={`${id}-name`} name="name" defaultValue={user.name} required aria-invalid={!!errors.name}
              aria-describedby={errors.name ? `${id}-name-error` : undefined} className={inputClass} />
            <FieldError id={`${id}-name-error`} errors={errors.name} />
          </div>
          <div>
            <label htmlFor={`${id}-email`} className={labelClass}>
              Email<span className="sr-only"> of {user.name}</span>
            </label>
            <input id={`${id}-email`} name="email" type="email" defaultValue={user.email} required aria-invalid={!!errors.email}
              aria-describedby={errors.email ? `${id}-email-error` : undefined} className={inputClass} />
            <FieldError id={`${id}-email-error`} errors={errors.email} />
          </div>
          <button type="submit" disabled={profilePending} className={smallButtonClass}>
            Save<span className="sr-only"> {user.name}</span>
          </button>
        </form>
      </details>
    </div>
  );
}
