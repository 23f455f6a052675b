import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { hasRole } from '@/lib/auth/roles';
import { signOut } from '@/app/sign-in/actions';
import { SiteDocument } from '@/components/site/site-document';

export const metadata: Metadata = {
  title: { default: 'Admin', template: '%s · Admin · CT Publications Catalogue' },
  robots: { index: false, follow: false },
};

// The staff area is English. Each admin page checks the session and role itself (requirePageUser); the layout only shows the way around.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const links = [
    { href: '/admin', label: 'Publications', role: 'editor' },
    { href: '/admin/publications/new', label: 'New publication', role: 'editor' },
    { href: '/admin/import', label: 'Import', role: 'editor' },
    { href: '/admin/history', label: 'History', role: 'admin' },
    { href: '/admin/taxonomy', label: 'Taxonomy', role: 'admin' },
    { href: '/admin/users', label: 'Users', role: 'admin' },
    { href: '/admin/account', label: 'Your account', role: 'editor' },
  ] as const;
  return (
    <SiteDocument locale="en">
    <div className="mx-auto max-w-7xl px-4 py-6">
      {user && (
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
          <nav aria-label="Admin" className="flex flex-wrap gap-1 text-sm">
            {links
              .filter((link) => hasRole(user.role, link.role))
              .map((link) => (
                <Link key={link.href} href={link.href} className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50 hover:underline">
                  {link.label}
                </Link>
              ))}
          </nav>
          {/* A landmark of its own: everything on a page sits in one (axe's "region" rule). */}
          <section aria-label="Signed in">
            <form action={signOut} className="flex items-center gap-3 text-sm">
              <span className="text-slate-600">
                {user.name} ({user.role})
              </span>
              <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
                Sign out
              </button>
            </form>
          </section>
        </div>
      )}
      {children}
    </div>
    </SiteDocument>
  );
}
