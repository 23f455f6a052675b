import Link from 'next/link';
import { connection } from 'next/server';

// Its title is app/not-found.tsx's: Next gives every response with status 404 the not-found metadata.
export const metadata = { robots: { index: false } };

// Rendered per request so its scripts carry the CSP nonce.
export default async function PublicationNotFound() {
  await connection();
  return (
    <main className="mx-auto max-w-3xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Publication not found</h1>
      <p className="mt-3 text-slate-600">This publication does not exist or is no longer in the catalogue.</p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">
          Browse the catalogue
        </Link>
      </p>
    </main>
  );
}
