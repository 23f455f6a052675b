import { LANGUAGE_CODES } from '@/lib/normalize/languages';

const ENGLISH_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** A language's English name ("fr" → "French"). */
export function languageName(code: string): string {
  return ENGLISH_NAMES.of(code) ?? code;
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
