import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { REQUEST_PATH_HEADER } from '@/lib/i18n/request-path';
import { localePath, splitLocale, type Locale } from '@/lib/i18n/routing';
import { LanguageSwitcher } from './language-switcher';

/**
 * The page around every page: <html lang>, skip link, header and footer, in `locale`. Public pages pass
 * the switcher; the staff area and the API documentation are English only and have none.
 *
 * Links here and on the public pages are plain <a>, not next/link: every page works as a document (the
 * no-JavaScript project), a full load is what the response cache answers fastest, and a next/link in view
 * prefetches its page, so the catalogue's facet links made each visit of `/` cost some 45 more requests.
 */
/** The OAI-PMH endpoint's self-description; a route handler, not a page. */
const OAI_IDENTIFY = '/oai?verb=Identify';

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
  // The section of the page being shown, marked in the header (the Feeds link is a part of About: never current).
  const here = localePath(locale, splitLocale(new URL((await headers()).get(REQUEST_PATH_HEADER) ?? '/', 'http://catalogue.invalid').pathname).path);
  const sections = [
    { href: localePath(locale, '/'), text: t('browse') },
    { href: localePath(locale, '/about'), text: t('about') },
    { href: '/api', text: t('api') },
    { href: `${localePath(locale, '/about')}#feeds`, text: t('feeds') },
  ];
  return (
    <html lang={locale}>
      {/* A column as tall as the window: the footer stays at the bottom of short pages. */}
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
className="skip-link"
        >
          {t('skipToContent')}
        </a>
        <header className="site-header border-b border-brand-800 bg-brand-700 text-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
            <a href={localePath(locale, '/')} className="text-lg font-semibold tracking-tight hover:underline">
              {t('header')}
            </a>
            <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
              <nav aria-label={t('siteNavigation')}>
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  {sections.map(({ href, text }) => (
                    <li key={href}>
                      <a href={href} aria-current={href === here ? 'page' : undefined}>
                        {text}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              {switcher && <LanguageSwitcher locale={locale} />}
            </div>
          </div>
        </header>
        <div id="main" className="flex-1">
          {children}
        </div>
        <footer className="site-footer mt-16 border-t border-slate-200 bg-white py-6 text-sm text-slate-600">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4">
            <p>{t('footer')}</p>
            <nav aria-label={t('footerNavigation')}>
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                <li>
                  <a href={localePath(locale, '/about')} className="underline hover:text-slate-900">
                    {t('about')}
                  </a>
                </li>
                <li>
                  <a href={`${localePath(locale, '/about')}#cite`} className="underline hover:text-slate-900">
                    {t('citeCatalogue')}
                  </a>
                </li>
                <li>
                  <a href={OAI_IDENTIFY} className="underline hover:text-slate-900">
                    {t('oai')}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
