import countries from 'i18n-iso-countries';
// Registered explicitly: the package's browser entry registers no locale, and the Node entry loads all ~100.
import countriesEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import countriesEs from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import countriesFr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { COUNTRIES } from '@/lib/taxonomy/regions';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

/**
 * Display names of facet values and records in the reader's language: the one place pages, feeds, the
 * API and citations get a country's, region's, category's or language's name in a locale. A missing
 * translation falls back to the English name, never to nothing.
 */

for (const data of [countriesEn, countriesFr, countriesEs]) countries.registerLocale(data);

/** The catalogue's English country names (world-countries, with the UN's names where they differ): the seed's. */
const ENGLISH_COUNTRY_NAMES = new Map(COUNTRIES.map((c) => [c.code, c.name]));

/**
 * Where the package's name is not the one the UN and the counter-trafficking literature use (the same
 * choices as the English overrides in lib/taxonomy/regions.ts), or uses a list's inverted form.
 */
const COUNTRY_NAME_OVERRIDES: Record<Exclude<Locale, 'en'>, Record<string, string>> = {
  fr: {
    AE: 'Émirats arabes unis', // the package capitalises the adjectives
    CI: "Côte d'Ivoire", // the UN's French name has no hyphen
    CV: 'Cabo Verde', // the UN's name in every language since 2013
    CZ: 'Tchéquie', // the short name, as "Czechia" in English
  },
  es: {
    CD: 'República Democrática del Congo', // the package has the inverted "Congo (República Democrática del)"
    CI: "Côte d'Ivoire", // the UN's Spanish name
    CZ: 'Chequia',
  },
};

/**
 * Codes the catalogue uses that are not ISO 3166-1 and so may leave the package at any release. Kosovo
 * (XK, user-assigned) is there today; this table keeps its name if it goes.
 */
export const NON_ISO_COUNTRY_NAMES: Record<string, Record<Locale, string>> = {
  XK: { en: 'Kosovo', fr: 'Kosovo', es: 'Kosovo' },
};

/** A country's name in the locale ("EG" → "Égypte"); unknown codes are returned as they are. */
export function countryName(code: string, locale: Locale = DEFAULT_LOCALE): string {
  const english = ENGLISH_COUNTRY_NAMES.get(code) ?? NON_ISO_COUNTRY_NAMES[code]?.en ?? countries.getName(code, 'en') ?? code;
  if (locale === 'en') return english;
  return COUNTRY_NAME_OVERRIDES[locale][code] ?? countries.getName(code, locale) ?? NON_ISO_COUNTRY_NAMES[code]?.[locale] ?? english;
}

/** What the database keeps of a category or region: the English name and its translations (null: none). */
export type TranslatedName = { name: string; nameFr?: string | null; nameEs?: string | null };

function translated(entry: TranslatedName, locale: Locale): string {
  const name = locale === 'fr' ? entry.nameFr : locale === 'es' ? entry.nameEs : null;
  return name?.trim() ? name : entry.name;
}

export function regionName(region: TranslatedName, locale: Locale = DEFAULT_LOCALE): string {
  return translated(region, locale);
}

export function categoryName(category: TranslatedName, locale: Locale = DEFAULT_LOCALE): string {
  return translated(category, locale);
}

const languageNames = new Map(LOCALES.map((l) => [l, new Intl.DisplayNames([l], { type: 'language', fallback: 'code' })]));

/**
 * A language's name in the locale. French and Spanish write language names in lower case in running
 * text ("en français") but every place the catalogue shows one is a label or a list item (facet values,
 * a record's languages), which starts with a capital: that is the default. `inSentence` gives the
 * running-text form.
 */
export function languageName(code: string, locale: Locale = DEFAULT_LOCALE, { inSentence = false } = {}): string {
  const name = languageNames.get(locale)!.of(code) ?? code;
  if (inSentence || name === code) return name;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

const collators = new Map(LOCALES.map((l) => [l, new Intl.Collator(l, { sensitivity: 'base' })]));

/** Sorts names by the locale's collation: in French "Égypte" comes between "Djibouti" and "Érythrée". */
export function compareNames(locale: Locale = DEFAULT_LOCALE): (a: string, b: string) => number {
  return collators.get(locale)!.compare;
}
