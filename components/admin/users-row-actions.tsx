'use client';

import { useActionState, useId } from 'react';
import { changeUserRoleAction, setUserStatusAction, type UserRowState } from '@/app/admin/users/actions';
import { FormFeedback } from '@/components/admin/admin-form-feedback';
import { smallButtonClass } from '@/components/admin/styles';

type Props = { user: { id: number; name: string; role: string; disabled: boolean } };

/** The buttons post hidden fields only, so a field error (a tampered or stale form) is shown as the message. */
function feedback(state: UserRowState): UserRowState {
  return state.message ? state : { message: Object.values(state.fieldErrors ?? {})[0]?.[0] };
}

/** The role and status buttons of one row of the users table, with their outcome below them. */
export function UsersRowActions({ user }: Props) {
  const [roleState, roleAction, rolePending] = useActionState<UserRowState, FormData>(changeUserRoleAction, {});
  const [statusState, statusAction, statusPending] = useActionState<UserRowState, FormData>(setUserStatusAction, {});
  const id = useId();
  const nextRole = user.role === 'admin' ? 'editor' : 'admin';
  const nextStatus = user.disabled ? 'active' : 'disabled';
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={roleAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="role" value={nextRole} />
          <button type="submit" disabled={rolePending} className={smallButtonClass}
            aria-describedby={feedback(roleState).message ? `${id}-role` : undefined}>
            Make {nextRole}
            <span className="sr-only"> ({user.name})</span>
          </button>
        </form>
        <form action={statusAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="status" value={nextStatus} />
          <button type="submit" disabled={statusPending} className={smallButtonClass}
            aria-describedby={feedback(statusState).message ? `${id}-status` : undefined}>
            {user.disabled ? 'Enable' : 'Disable'}
            <span className="sr-only"> ({user.name})</span>
          </button>
        </form>
      </div>
      <FormFeedback id={`${id}-role`} state={feedback(roleState)} />
      <FormFeedback id={`${id}-status`} state={feedback(statusState)} />
    </div>
  );
}
