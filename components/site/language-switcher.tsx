import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { LOCALES, LOCALE_NAMES, splitLocale, switchLocalePath, type Locale } from '@/lib/i18n/routing';
import { REQUEST_PATH_HEADER } from '@/lib/i18n/request-path';

/**
 * Links to this page in the other languages, keeping its query (filters, search, page). Plain links, not
 * client navigations: the server remembers the choice in a cookie only on a document request.
 */
export async function LanguageSwitcher({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Site' });
  const current = (await headers()).get(REQUEST_PATH_HEADER) ?? '/';
  const url = new URL(current, 'http://catalogue.invalid');
  const path = splitLocale(url.pathname).path + url.search;
  return (
    <nav aria-label={t('language')}>
      <ul className="flex gap-3">
        {LOCALES.map((l) => (
          <li key={l}>
            {l === locale ? (
              <span aria-current="true" lang={l}>
                {LOCALE_NAMES[l]}
              </span>
            ) : (
              <a href={switchLocalePath(l, path)} hrefLang={l} lang={l}>
                {LOCALE_NAMES[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
