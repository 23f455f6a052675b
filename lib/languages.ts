import { languageName } from '@/lib/i18n/names';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';

export { languageName };

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

/** A language's name in that language, as a reader of it looks for it ("fr" → "Français", "es" → "Español"). */
export function endonym(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    // a code the runtime cannot name
  }
  if (!name) return languageName(code);
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}
