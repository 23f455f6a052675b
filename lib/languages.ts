import { LANGUAGE_CODES } from '@/lib/normalize/languages';

const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in `locale` ("fr" → "French", "français", "francés"), capitalised as a label. */
export function languageName(code: string, locale = 'en'): string {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })));
  const name = names.of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** A publication's title's `lang`: its main language, when not the page's. */
export function titleLang(languages: string[], pageLocale = 'en'): string | undefined {
  const main = languages[0];
  return main && main !== pageLocale ? main : undefined;
}

/** Summaries are written by the catalogue's team in English: on a page in another language they say so. */
export function summaryLang(pageLocale: string): string | undefined {
  return pageLocale === 'en' ? undefined : 'en';
}

/** The languages a publication can be in, by English name. */
export const LANGUAGE_OPTIONS = LANGUAGE_CODES.map((code) => ({ value: code, label: `${languageName(code)} (${code})` })).sort((a, b) =>
  a.label.localeCompare(b.label, 'en'),
);
