import { DEFAULT_LOCALE, LOCALES, localePath, type Locale } from './routing';

/**
 * `hreflang` alternates of one page (an unprefixed path with its query) on `origin`: each locale's URL, and
 * x-default the English one, which is also where a reader without a choice is sent by Accept-Language.
 */
export function languageAlternates(path: string, origin: string): Record<Locale | 'x-default', string> {
  const absolute = (locale: Locale) => new URL(localePath(locale, path), origin).toString();
  const alternates = Object.fromEntries(LOCALES.map((locale) => [locale, absolute(locale)])) as Record<Locale, string>;
  return { ...alternates, 'x-default': absolute(DEFAULT_LOCALE) };
}
