import Link from 'next/link';
import { connection } from 'next/server';

// No robots tag here: Next adds noindex to every response whose status is not 200.
export const metadata = { title: 'Publication withdrawn' };

// Answered with 410 Gone by proxy.ts for a publication that was in the catalogue and is no longer, so that
// search engines and harvesters drop it. Rendered per request so its scripts carry the CSP nonce.
export default async function PublicationGone() {
  await connection();
  return (
    <main className="mx-auto max-w-3xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Publication withdrawn</h1>
      <p className="mt-3 text-slate-600">This publication was in the catalogue and has been removed.</p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">
          Browse the catalogue
        </Link>
      </p>
    </main>
  );
}
