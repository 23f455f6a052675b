import Link from 'next/link';
import { SiteDocument } from '@/components/site/site-document';

// Only the staff area forbids; its pages are English. The root's boundary renders its own document.
export default function Forbidden() {
  return (
    <SiteDocument locale="en">
    <main className="mx-auto max-w-3xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Not allowed</h1>
      <p className="mt-3 text-slate-600">Your account does not have access to this page.</p>
      <p className="mt-6">
        <Link href="/admin" className="text-brand-700 underline">
          Back to the admin area
        </Link>
      </p>
    </main>
    </SiteDocument>
  );
}
