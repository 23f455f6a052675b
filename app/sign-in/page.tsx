import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { SignInSchema } from '@/lib/validation/auth';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false } };

const NOTICES = {
  'password-changed': 'Your password was changed and every session of your account ended: sign in with the new password.',
  'password-reset': 'Your new password is set: sign in with it.',
} as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; notice?: string | string[] }> }) {
  const params = await searchParams;
  const next = SignInSchema.shape.next.parse(params.next);
  const notice = typeof params.notice === 'string' && params.notice in NOTICES ? NOTICES[params.notice as keyof typeof NOTICES] : null;
  if (await getCurrentUser()) redirect(next);
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">For catalogue staff. Readers need no account.</p>
      {notice && (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      )}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm next={next} />
      </div>
    </main>
  );
}
