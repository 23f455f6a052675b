import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Counter-Trafficking Publications Catalogue', template: '%s · CT Publications Catalogue' },
  description:
    'Search and browse handbooks, assessments, guidance and studies on human trafficking by country, region, year and category.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <header className="border-b border-brand-800 bg-brand-700 text-white">
          <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight hover:underline">
              Counter-Trafficking Publications
            </Link>
            <nav aria-label="Site" className="text-sm">
              <Link href="/api" className="hover:underline">
                API
              </Link>
            </nav>
          </div>
        </header>
        <div id="main">{children}</div>
        <footer className="mt-16 border-t border-slate-200 py-6 text-center text-sm text-slate-600">
          A catalogue of counter-trafficking publications. The sample data is a sample, not the full record.
        </footer>
      </body>
    </html>
  );
}
