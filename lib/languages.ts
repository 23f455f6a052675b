import { languageName as localizedLanguageName } from '@/lib/i18n/names';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';

/**
 * A language's English name ("fr" → "French"), for the staff pages and callers that pass it to `map`.
 * Pages that know the reader's locale call lib/i18n/names' `languageName(code, locale)`.
 */
export function languageName(code: string): string {
  return localizedLanguageName(code, 'en');
}

/**
 * The `lang` of a publication's title: its main language, when not the site's. Summaries are written by
 * the catalogue in the site's language, so they keep the page's.
 */
export function titleLang(languages: string[]): string | undefined {
  const main = languages[0];
  return main && main !== 'en' ? main : undefined;
}

/** The languages a publication can be in, by English name. */
export const LANGUAGE_OPTIONS = LANGUAGE_CODES.map((code) => ({ value: code, label: `${languageName(code)} (${code})` })).sort((a, b) =>
  a.label.localeCompare(b.label, 'en'),
);
