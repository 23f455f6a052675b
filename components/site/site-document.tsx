import { getTranslations } from 'next-intl/server';
import { localePath, type Locale } from '@/lib/i18n/routing';
import { LanguageSwitcher } from './language-switcher';

/**
 * The page around every page: <html lang>, skip link, header and footer, in `locale`. Public pages pass
 * the switcher; the staff area and the API documentation are English only and have none.
 *
 * Links here and on the public pages are plain <a>, not next/link: every page works as a document (the
 * no-JavaScript project), a full load is what the response cache answers fastest, and a next/link in view
 * prefetches its page, so the catalogue's facet links made each visit of `/` cost some 45 more requests.
 */
export async function SiteDocument({
  locale,
  switcher = false,
  children,
}: {
  locale: Locale;
  switcher?: boolean;
  children: React.ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'Site' });
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          {t('skipToContent')}
        </a>
        <header className="border-b border-brand-800 bg-brand-700 text-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
            <a href={localePath(locale, '/')} className="text-lg font-semibold tracking-tight hover:underline">
              {t('header')}
            </a>
            <div className="flex flex-wrap items-center gap-4 text-sm">
              {switcher && <LanguageSwitcher locale={locale} />}
              <nav aria-label={t('siteNavigation')}>
                {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link on purpose: see above */}
                <a href="/api" className="hover:underline">
                  {t('api')}
                </a>
              </nav>
            </div>
          </div>
        </header>
        <div id="main">{children}</div>
        <footer className="mt-16 border-t border-slate-200 py-6 text-center text-sm text-slate-600">{t('footer')}</footer>
      </body>
    </html>
  );
}
