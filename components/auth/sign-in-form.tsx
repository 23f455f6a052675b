'use client';

import { useActionState } from 'react';
import { signIn, type SignInState } from '@/app/sign-in/actions';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-700 aria-[invalid=true]:border-red-600';

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.message && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email}
          aria-invalid={!!state.fieldErrors?.email} aria-describedby={state.fieldErrors?.email ? 'email-error' : undefined}
          className={inputClass} />
        {state.fieldErrors?.email && <p id="email-error" className="mt-1 text-sm text-red-700">{state.fieldErrors.email[0]}</p>}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          aria-invalid={!!state.fieldErrors?.password} aria-describedby={state.fieldErrors?.password ? 'password-error' : undefined}
          className={inputClass} />
        {state.fieldErrors?.password && (
          <p id="password-error" className="mt-1 text-sm text-red-700">{state.fieldErrors.password[0]}</p>
        )}
      </div>
      <button type="submit" disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        Sign in
      </button>
    </form>
  );
}
