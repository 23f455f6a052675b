import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/authorize';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ChangePasswordForm } from '@/components/admin/change-password-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const me = await requirePageUser('editor', '/admin/account');
  return (
    <main className="max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
        <p className="mt-1 text-slate-600">
          {me.name}, {me.email} ({me.role}). An admin changes names, emails and roles.
        </p>
      </div>
      <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change your password
        </h2>
        <p className="mt-1 text-sm text-slate-600">Every session of your account ends, this one too: you sign in again with the new password.</p>
        <div className="mt-4">
          <ChangePasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
        </div>
      </section>
    </main>
  );
}
