import { defineRouting } from 'next-intl/routing';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

export { DEFAULT_LOCALE, isLocale, localeOf, LOCALES, type Locale } from './locales';

/** Each locale's own name, for the language switcher (a reader looks for the language they can read). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español' };

/**
 * English, the default, lives at the unprefixed URLs the catalogue has always had (`/`, `/publications/…`:
 * links, citations and OAI identifiers already point there); French and Spanish under `/fr` and `/es`.
 * `/en/…` redirects to the unprefixed URL and remembers the choice in a cookie, so that is where the
 * switcher's English link goes. A first visit to an unprefixed URL without that cookie follows
 * Accept-Language. The alternates are in each page's metadata and the sitemaps, not a `Link` header,
 * which would name the request's host rather than SITE_URL.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: 'as-needed',
  alternateLinks: false,
  localeCookie: { name: 'NEXT_LOCALE', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' },
});

/** `path` (an unprefixed site path, with its query) as seen in `locale`: `/` → `/fr`, `/publications/x` → `/fr/publications/x`. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' || path.startsWith('/?') ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
}

/** The link that switches to `locale` and keeps it: English goes through `/en/…`, which sets the cookie. */
export function switchLocalePath(locale: Locale, path: string): string {
  return locale === DEFAULT_LOCALE ? (path === '/' || path.startsWith('/?') ? `/en${path.slice(1)}` : `/en${path}`) : localePath(locale, path);
}

/** The locale prefix of a site path and the rest (`/fr/publications/x` → `fr`, `/publications/x`). */
export function splitLocale(pathname: string): { locale: Locale | null; path: string } {
  const match = /^\/(en|fr|es)(?=\/|$)/.exec(pathname);
  if (!match) return { locale: null, path: pathname };
  return { locale: match[1] as Locale, path: pathname.slice(match[0].length) || '/' };
}
