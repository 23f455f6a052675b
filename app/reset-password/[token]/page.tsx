import type { Metadata } from 'next';
import Link from 'next/link';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { prisma } from '@/lib/db';
import { resetLinkUsable } from '@/lib/users/passwords';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';

// No referrer policy of its own: the site's (strict-origin-when-cross-origin) already keeps the token out of what
// other sites see, and "no-referrer" would make browsers send `Origin: null`, which Server Actions refuse.
export const metadata: Metadata = { title: 'Set a new password', robots: { index: false, follow: false } };

/** A reset link an admin issued (/admin/users): the token in the path is the credential, checked again on submit. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = /^[\w-]{43}$/.test(token) && (await resetLinkUsable(prisma, token));
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold">Set a new password</h1>
      {usable ? (
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <ResetPasswordForm token={token} minPasswordLength={MIN_PASSWORD_LENGTH} />
        </div>
      ) : (
        <p role="alert" className="mt-6 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          This link does not work (any more): it was used already, it has expired, or a newer one was issued. Ask an admin for
          a new one, or <Link href="/sign-in" className="underline">sign in</Link>.
        </p>
      )}
    </main>
  );
}
