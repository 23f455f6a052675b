import type { ChangeRule } from './findings';
import { nameKey } from './keys';

/**
 * Language names → ISO 639-1 codes, from the runtime's own CLDR data (Intl.DisplayNames): every two-letter
 * code the runtime can name, with its English, French, Spanish and native names.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const index = new Map<string, { code: string; rule: ChangeRule; reason: string }>();
const CODES = new Set<string>();

const displays = ['en', 'fr', 'es'].map((locale) => ({ locale, names: new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }) }));
const LOCALE_NAMES: Record<string, string> = { en: 'English', fr: 'French', es: 'Spanish' };

for (const a of LETTERS) {
  for (const b of LETTERS) {
    const code = a + b;
    const english = displays[0]!.names.of(code);
    // Deprecated codes (iw, in, mo…) are only aliases of their replacements.
    if (!english || Intl.getCanonicalLocales(code)[0] !== code) continue;
    CODES.add(code);
  }
}
for (const code of CODES) {
  for (const { locale, names } of displays) {
    const name = names.of(code);
    const key = name && nameKey(name);
    if (key && !index.has(key)) index.set(key, { code, rule: locale === 'en' ? 'alias' : 'translation', reason: `${LOCALE_NAMES[locale]} name of the language` });
  }
  const native = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  const key = native && nameKey(native);
  if (key && !index.has(key)) index.set(key, { code, rule: 'translation', reason: 'the language’s own name' });
}

/** Every ISO 639-1 code the runtime can name, in code order (the form's choices). */
export const LANGUAGE_CODES: readonly string[] = [...CODES].sort();

export type LanguageResolution =
  | { kind: 'language'; code: string; exact: boolean; rule: ChangeRule; reason: string }
  | { kind: 'ambiguous'; candidates: string[]; reason: string }
  | { kind: 'unknown' };

export function resolveLanguage(value: string): LanguageResolution {
  const text = value.trim();
  if (CODES.has(text)) return { kind: 'language', code: text, exact: true, rule: 'code', reason: '' };
  // "EN", "en-GB", "es_419", "fra": a code in another form.
  const tag = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$/.exec(text);
  if (tag) {
    try {
      const canonical = new Intl.Locale(tag[1]!.toLowerCase()).language;
      const short = Intl.getCanonicalLocales(canonical)[0];
      if (short && CODES.has(short)) return { kind: 'language', code: short, exact: false, rule: 'code', reason: 'language code in another form' };
    } catch {
      // not a language tag: try it as a name
    }
  }
  const entry = index.get(nameKey(text));
  if (entry) return { kind: 'language', exact: false, ...entry };
  const parts = text.split(/\s*(?:,|\/|;|&|\band\b|\bet\b|\by\b)\s*/i).filter(Boolean);
  if (parts.length > 1) {
    const codes = parts.map((p) => resolveLanguage(p)).flatMap((r) => (r.kind === 'language' ? [r.code] : []));
    if (codes.length > 1) return { kind: 'ambiguous', candidates: [...new Set(codes)], reason: 'several languages: the catalogue records one' };
  }
  return { kind: 'unknown' };
}
