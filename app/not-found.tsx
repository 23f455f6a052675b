import Link from 'next/link';
import { connection } from 'next/server';

export const metadata = { title: 'Page not found' };

// Rendered per request so its scripts carry the CSP nonce.
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto max-w-3xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-3 text-slate-600">There is no page at this address.</p>
      <p className="mt-6">
        <Link href="/" className="text-brand-700 underline">
          Browse the catalogue
        </Link>
      </p>
    </main>
  );
}
