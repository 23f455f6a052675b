import { authorKey, ORGANISATION_WORDS } from '@/lib/normalize/authors';
import { tidySpaces } from '@/lib/normalize/keys';
import { ORGANISATIONS } from '@/lib/normalize/organisations';

/** A CSL-JSON name: an organisation is one literal, never split into given and family names. */
export type CslName = { literal: string } | { family: string; given?: string };

// Publishers in this field whose names read like a person's ("Save the Children" is not Children, S. t.).
const ORGANISATIONS_WITHOUT_ORGANISATION_WORDS = ['Walk Free', 'Save the Children', 'Human Rights Watch', 'La Strada International', 'Anti-Slavery International', 'Polaris Project', 'Terre des hommes'];

// Every name, acronym, alias and translation in the organisation register, by comparison key.
const KNOWN_ORGANISATIONS = new Set(
  [...ORGANISATIONS.flatMap((o) => [o.name, ...o.acronyms, ...(o.aliases ?? []), ...(o.translations ?? [])]), ...ORGANISATIONS_WITHOUT_ORGANISATION_WORDS].map(
    authorKey,
  ),
);

/** Words the normaliser's list lacks that no person's name has. */
const MORE_ORGANISATION_WORDS = /\b(worldwide|coalici[oó]n|collective|consortium|press|publishing)\b/i;

/** An all-capitals word of two or more letters, without dots: IOM, UNODC, OSCE, UN (initials like "J." or "J.R." are not). */
const ACRONYM = /^\p{Lu}{2,}$/u;

// Lower-case particles that belong to the family name: "Michaelle de Cock" → family "de Cock".
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'bin', 'ibn', 'al', 'el']);

/**
 * Whether an author name names an organisation: one the register knows (lib/normalize/organisations.ts,
 * with its acronyms and other names), or a name with an organisation word (Organization, Office, Council,
 * Agency, Ministry, Group, United, …), an acronym (IOM, "UN Women", "OSCE Mission"), an ampersand, a single
 * word ("Europol"), or five words or more.
 */
export function isOrganisation(name: string): boolean {
  const tidy = tidySpaces(name);
  if (KNOWN_ORGANISATIONS.has(authorKey(tidy))) return true;
  if (tidy.includes('&') || ORGANISATION_WORDS.test(tidy) || MORE_ORGANISATION_WORDS.test(tidy)) return true;
  const words = tidy.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  return words.length <= 1 || words.length >= 5 || words.some((w) => ACRONYM.test(w));
}

/**
 * The CSL name of a catalogue author. Organisations are literals; people are split into family and given
 * names: "Smith, Jane" at the comma, "Jane Smith" before the last word (with any lower-case particles
 * before it: "Michaelle de Cock" → de Cock, Michaelle).
 */
export function cslName(name: string): CslName {
  const tidy = tidySpaces(name);
  if (isOrganisation(tidy)) return { literal: tidy };
  const comma = tidy.indexOf(',');
  if (comma > 0) {
    const family = tidy.slice(0, comma).trim();
    const given = tidy.slice(comma + 1).trim();
    return given ? { family, given } : { family };
  }
  const words = tidy.split(' ');
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

/** The name as a reader writes it (what a citation parsed back is compared on): "Jane Smith", or the literal. */
export function displayName(name: CslNameParts): string {
  if (name.literal) return name.literal;
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' ');
}

/** A CSL name as parsers give it back, particles and suffix included. */
export type CslNameParts = {
  literal?: string;
  family?: string;
  given?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
};
