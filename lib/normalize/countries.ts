import type { Country } from 'world-countries';
// The package's own entry re-exports this file without an import attribute, which Node's ESM loader rejects.
import countryData from 'world-countries/countries.json' with { type: 'json' };
import { COUNTRIES } from '@/lib/taxonomy/regions';
import type { ChangeRule } from './findings';
import { nameKey } from './keys';

/**
 * Country names → ISO 3166-1 alpha-2 codes (plus XK for Kosovo), the catalogue's canonical country value.
 *
 * Names come from the world-countries package: the common and official English names, both ISO codes,
 * the alternative spellings, and the French and Spanish common and official names. Two small tables
 * below add what the package lacks (historical and UN-style names) and what must never be guessed
 * (names that stand for more than one country). Matching is on `nameKey`: case, accents, punctuation,
 * spacing and "the" do not count.
 */

const PACKAGE = countryData as unknown as Country[];

/** Code → the catalogue's display name (lib/taxonomy/regions.ts, which is what the Country table holds). */
export const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(COUNTRIES.map((c) => [c.code, c.name]));

// Names the package lacks, or lists without saying what they are (the note becomes the report's reason).
// Keys are compared with nameKey, so case, accents and punctuation variants ("F.Y.R.O.M.", "Congo Kinshasa")
// need no entry of their own.
const EXTRA_NAMES: readonly (readonly [name: string, code: string, note: string])[] = [
  // The former Yugoslav Republic of Macedonia (UN designation 1993–2019), now North Macedonia.
  ['FYROM', 'MK', 'former UN designation of North Macedonia'],
  ['FYR Macedonia', 'MK', 'former UN designation of North Macedonia'],
  ['Former Yugoslav Republic of Macedonia', 'MK', 'former UN designation of North Macedonia'],
  ['Macedonia (FYROM)', 'MK', 'former UN designation of North Macedonia'],
  ['Republic of Macedonia', 'MK', 'former name of North Macedonia'],
  ['ARYM', 'MK', 'former UN designation of North Macedonia (French)'],
  ['ERYM', 'MK', 'former UN designation of North Macedonia (Spanish)'],
  // Türkiye: the UN has used the new name since 2022; the package only lists "Republic of Turkey".
  ['Turkey', 'TR', 'former English name of Türkiye'],
  // Democratic Republic of the Congo and its former names.
  ['Zaire', 'CD', 'former name of DR Congo (1971–1997)'],
  ['Congo-Kinshasa', 'CD', 'DR Congo, named by its capital'],
  ['Congo-Brazzaville', 'CG', 'the Republic of the Congo, named by its capital'],
  ['DRC', 'CD', 'abbreviation of Democratic Republic of the Congo'],
  ['RDC', 'CD', 'French abbreviation of DR Congo'],
  ['RD Congo', 'CD', 'French short name of DR Congo'],
  ['Congo, Democratic Republic', 'CD', 'UN-style name of DR Congo'],
  ['Congo, Dem. Rep.', 'CD', 'World Bank name of DR Congo'],
  ['Congo, Rep.', 'CG', 'World Bank name of the Republic of the Congo'],
  ['Republic of Congo', 'CG', 'short form of Republic of the Congo'],
  // Other former names still found in older literature.
  ['Burma', 'MM', 'former name of Myanmar'],
  ['Swaziland', 'SZ', 'former name of Eswatini'],
  ['East Timor', 'TL', 'former English name of Timor-Leste'],
  ['Ceylon', 'LK', 'former name of Sri Lanka'],
  ['Siam', 'TH', 'former name of Thailand'],
  ['Kampuchea', 'KH', 'former name of Cambodia'],
  ['Dahomey', 'BJ', 'former name of Benin'],
  ['Upper Volta', 'BF', 'former name of Burkina Faso'],
  ['Byelorussia', 'BY', 'former name of Belarus'],
  ['Belorussia', 'BY', 'former name of Belarus'],
  ['Moldavia', 'MD', 'former name of Moldova'],
  ['Czech Republic', 'CZ', 'former short name of Czechia'],
  ['Cape Verde', 'CV', 'former English name of Cabo Verde'],
  // Short forms and UN/World Bank styles.
  ['Bosnia', 'BA', 'short form of Bosnia and Herzegovina'],
  ['Lao PDR', 'LA', 'UN short name of Laos'],
  ['Holy See', 'VA', 'UN name of Vatican City'],
  ['Occupied Palestinian Territory', 'PS', 'UN OCHA name of Palestine'],
  ['oPt', 'PS', 'UN OCHA abbreviation of Palestine'],
  ['Gaza', 'PS', 'part of Palestine'],
  ['West Bank', 'PS', 'part of Palestine'],
  ['Gambia, The', 'GM', 'World Bank name of the Gambia'],
  ['Bahamas, The', 'BS', 'World Bank name of the Bahamas'],
  ['Egypt, Arab Rep.', 'EG', 'World Bank name of Egypt'],
  ['Iran, Islamic Rep.', 'IR', 'World Bank name of Iran'],
  ['Yemen, Rep.', 'YE', 'World Bank name of Yemen'],
  ['England', 'GB', 'part of the United Kingdom'],
  ['Scotland', 'GB', 'part of the United Kingdom'],
  ['Wales', 'GB', 'part of the United Kingdom'],
  ['Northern Ireland', 'GB', 'part of the United Kingdom'],
  ['Britain', 'GB', 'short form of Great Britain'],
  ['Emirates', 'AE', 'short form of the United Arab Emirates'],
  ['UAE', 'AE', 'abbreviation of the United Arab Emirates'],
];

/** Names that stand for several countries: reported with the candidates, never resolved. */
const AMBIGUOUS_NAMES: readonly (readonly [name: string, codes: readonly string[], note: string])[] = [
  ['Congo', ['CG', 'CD'], 'names both the Republic of the Congo (Congo-Brazzaville) and DR Congo (Congo-Kinshasa)'],
  ['Korea', ['KR', 'KP'], 'names both South Korea and North Korea'],
  ['Virgin Islands', ['VG', 'VI'], 'names both the British and the United States Virgin Islands'],
  ['Rhodesia', ['ZW', 'ZM'], 'former name of both Zimbabwe (Southern Rhodesia) and Zambia (Northern Rhodesia)'],
  ['Serbia and Montenegro', ['RS', 'ME'], 'former state (2003–2006): name Serbia or Montenegro'],
  ['Czechoslovakia', ['CZ', 'SK'], 'former state: name Czechia or Slovakia'],
  ['Yugoslavia', ['BA', 'HR', 'MK', 'ME', 'RS', 'SI', 'XK'], 'former state: name one of its successors'],
  [
    'Soviet Union',
    ['AM', 'AZ', 'BY', 'EE', 'GE', 'KZ', 'KG', 'LV', 'LT', 'MD', 'RU', 'TJ', 'TM', 'UA', 'UZ'],
    'former state: name one of its successors',
  ],
  [
    'USSR',
    ['AM', 'AZ', 'BY', 'EE', 'GE', 'KZ', 'KG', 'LV', 'LT', 'MD', 'RU', 'TJ', 'TM', 'UA', 'UZ'],
    'former state: name one of its successors',
  ],
];

// Words that qualify "Kosovo" in UN usage: "UNSC resolution 1244-administered Kosovo", "Kosovo under UNSCR 1244",
// "Kosovo (as defined by UNSCR 1244/99)", "Kosovo and Metohija" (Serbia's name for the province).
const KOSOVO_QUALIFIERS = new Set(
  'un unsc unscr scr unmik security council resolution res 1244 99 1999 administered administration under in accordance with territory of as defined by per province autonomous and metohija s'.split(
    ' ',
  ),
);

type Source = 'name' | 'code' | 'extra' | 'official' | 'code3' | 'alias' | 'fra' | 'spa';
// Lower wins when two countries claim the same key; equal priorities make the key ambiguous.
const PRIORITY: Record<Source, number> = { name: 0, code: 0, extra: 1, official: 2, code3: 2, alias: 3, fra: 4, spa: 4 };

type Entry = { code: string; source: Source; note?: string } | { ambiguous: string[]; note: string };

const index = new Map<string, Entry>();

/** nameKey, with "St"/"Ste" read as "Saint"/"Sainte" ("St. Lucia", "St Kitts and Nevis"). */
function countryKey(text: string): string {
  return nameKey(text, { dropThe: true })
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w))
    .join(' ');
}

function add(name: string, code: string, source: Source, note?: string): void {
  const key = countryKey(name);
  if (!key) return;
  const existing = index.get(key);
  if (!existing) {
    index.set(key, { code, source, note });
    return;
  }
  if ('ambiguous' in existing) return;
  if (existing.code === code) {
    if (PRIORITY[source] < PRIORITY[existing.source]) index.set(key, { code, source, note });
    return;
  }
  if (PRIORITY[source] < PRIORITY[existing.source]) index.set(key, { code, source, note });
  else if (PRIORITY[source] === PRIORITY[existing.source]) {
    index.set(key, { ambiguous: [existing.code, code], note: 'names more than one country' });
  }
}

for (const [code, name] of COUNTRY_NAMES) add(name, code, 'name');
for (const c of PACKAGE) {
  add(c.cca2, c.cca2, 'code');
  add(c.cca3, c.cca2, 'code3');
  add(c.name.common, c.cca2, COUNTRY_NAMES.get(c.cca2) === c.name.common ? 'name' : 'alias');
  add(c.name.official, c.cca2, 'official');
  for (const alt of c.altSpellings) add(alt, c.cca2, 'alias');
  for (const lang of ['fra', 'spa'] as const) {
    const t = c.translations[lang];
    if (t) {
      add(t.common, c.cca2, lang);
      add(t.official, c.cca2, lang);
    }
  }
}
for (const [name, code, note] of EXTRA_NAMES) add(name, code, 'extra', note);
for (const [name, codes, note] of AMBIGUOUS_NAMES) index.set(countryKey(name), { ambiguous: [...codes], note });

export type CountryResolution =
  | { kind: 'country'; code: string; exact: boolean; rule: ChangeRule; reason: string }
  | { kind: 'ambiguous'; candidates: string[]; reason: string }
  | { kind: 'unknown' };

const REASONS: Record<Source, [ChangeRule, string]> = {
  name: ['case', 'the same name written differently'],
  code: ['code', 'ISO 3166-1 code'],
  code3: ['code', 'ISO 3166-1 alpha-3 code'],
  official: ['official', 'official name'],
  alias: ['alias', 'alternative name'],
  fra: ['translation', 'French name'],
  spa: ['translation', 'Spanish name'],
  extra: ['historical', 'other name'],
};

function lookup(text: string): CountryResolution {
  const key = countryKey(text);
  if (!key) return { kind: 'unknown' };
  const entry = index.get(key);
  if (entry) {
    if ('ambiguous' in entry) return { kind: 'ambiguous', candidates: entry.ambiguous, reason: `“${text}” ${entry.note}` };
    const [rule, reason] = REASONS[entry.source];
    return { kind: 'country', code: entry.code, exact: false, rule, reason: entry.note ?? reason };
  }
  const words = key.split(' ');
  if (words.includes('kosovo') && words.every((w) => w === 'kosovo' || KOSOVO_QUALIFIERS.has(w))) {
    return { kind: 'country', code: 'XK', exact: false, rule: 'historical', reason: 'UN designation of Kosovo' };
  }
  return { kind: 'unknown' };
}

/** One value → a country code, an ambiguity with its candidates, or nothing. */
export function resolveCountry(value: string): CountryResolution {
  const text = value.trim();
  if (/^[A-Z]{2}$/.test(text) && COUNTRY_NAMES.has(text)) return { kind: 'country', code: text, exact: true, rule: 'code', reason: '' };
  const direct = lookup(text);
  if (direct.kind === 'country') {
    return { ...direct, exact: COUNTRY_NAMES.get(direct.code) === text };
  }
  if (direct.kind === 'ambiguous') return direct;
  // UN and World Bank styles put the qualifier after the name: "Iran (Islamic Republic of)", "Korea, Republic of",
  // "Congo (Democratic Republic of the)". Try the qualifier first, then the name alone.
  const bracket = /^(.+?)\s*\((.+)\)$/.exec(text);
  const comma = /^([^,]+),\s*([^,]+)$/.exec(text);
  const parts = bracket ?? comma;
  if (parts) {
    const [, outer, inner] = parts as unknown as [string, string, string];
    for (const candidate of [`${inner} ${outer}`, ...(bracket ? [outer] : [])]) {
      const found = lookup(candidate);
      if (found.kind !== 'unknown') return found;
    }
  }
  return { kind: 'unknown' };
}

export function countryLabel(code: string): string {
  return `${code} (${COUNTRY_NAMES.get(code) ?? code})`;
}
