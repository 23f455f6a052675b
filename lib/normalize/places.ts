import { COUNTRIES } from '@/lib/taxonomy/regions';
import { countryLabel, resolveCountry, type CountryResolution } from './countries';
import { emptyFindings, type ChangeRule, type Findings } from './findings';
import { cutShort, tidySpaces } from './keys';
import { regionLabel, resolveRegion, type RegionResolution } from './regions';

/**
 * Country and region lists together, because sources mix them up: "Worldwide" given as a country is the
 * worldwide region, "Serbia" given as a region is a country. Country names the source split at "and"
 * or at a comma ("Bosnia", "Herzegovina") are put back together from adjacent values.
 */

export type Places = { countries: string[]; regions: string[]; findings: Findings };

type Resolved =
  | { kind: 'country'; code: string; from: string; exact: boolean; rule: ChangeRule; reason: string }
  | { kind: 'regions'; slugs: string[]; from: string; exact: boolean; rule: ChangeRule; reason: string; moved: boolean }
  | { kind: 'ambiguous'; candidates: string[]; from: string; reason: string; field: 'countries' | 'regions' }
  | { kind: 'unknown'; from: string; field: 'countries' | 'regions' };

const CONJUNCTIONS = ['and', 'et', 'y'];

function countryOnly(text: string): CountryResolution {
  return resolveCountry(text);
}

/** A country named across `parts` ("Saint Kitts" + "Nevis"), or null. */
function joinedCountry(parts: string[]): string | null {
  const texts = new Set<string>([parts.join(' ')]);
  if (parts.length === 2) for (const c of CONJUNCTIONS) texts.add(`${parts[0]} ${c} ${parts[1]}`);
  if (parts.length === 3) {
    texts.add(`${parts[0]} ${parts[1]} and ${parts[2]}`);
    texts.add(`${parts[0]} and ${parts[1]} and ${parts[2]}`);
  }
  for (const text of texts) {
    const found = countryOnly(text);
    if (found.kind === 'country') return found.code;
  }
  return null;
}

function resolveAsCountry(value: string): Resolved {
  const country = countryOnly(value);
  if (country.kind === 'country') return { ...country, from: value };
  if (country.kind === 'ambiguous') return { ...country, from: value, field: 'countries' };
  const region = resolveRegion(value);
  if (region.kind === 'regions') return { ...region, from: value, moved: true, reason: 'a region, not a country' };
  if (region.kind === 'ambiguous') return { ...region, from: value, field: 'countries' };
  return { kind: 'unknown', from: value, field: 'countries' };
}

function resolveAsRegion(value: string): Resolved {
  const region: RegionResolution = resolveRegion(value);
  if (region.kind === 'regions') return { ...region, from: value, moved: false };
  if (region.kind === 'ambiguous') return { ...region, from: value, field: 'regions' };
  const country = countryOnly(value);
  if (country.kind === 'country') return { ...country, from: value, exact: false, rule: 'moved', reason: 'a country, not a region' };
  return { kind: 'unknown', from: value, field: 'regions' };
}

/** Resolves a country list, rejoining split names; a value that lists several countries is split. */
function resolveCountryList(values: string[], findings: Findings): Resolved[] {
  // A value like "Albania, Serbia" or "Albania and Serbia" that names nothing as a whole.
  const tokens: string[] = [];
  for (const value of values) {
    const whole = resolveAsCountry(value);
    const parts = value.split(/\s*(?:[,;/+]|&|\band\b|\bet\b)\s*/i).filter(Boolean);
    if (whole.kind === 'unknown' && parts.length > 1) {
      const attempt = repair(parts);
      if (attempt.every((r) => r.kind !== 'unknown')) {
        findings.changes.push({ field: 'countries', from: value, to: parts.join('; '), rule: 'split', reason: 'several names in one value' });
        tokens.push(...parts);
        continue;
      }
    }
    tokens.push(value);
  }
  return repair(tokens, findings);
}

/** Resolves each value; values that only make sense together ("Trinidad" + "Tobago") are joined. */
function repair(tokens: string[], findings?: Findings): Resolved[] {
  const single = tokens.map(resolveAsCountry);
  const out: Resolved[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = false;
    for (const length of [3, 2]) {
      const parts = tokens.slice(i, i + length);
      if (parts.length < length) continue;
      // Only when some part is not a country by itself: "Niger" + "Nigeria" stay two countries.
      if (single.slice(i, i + length).every((r) => r.kind === 'country')) continue;
      const code = joinedCountry(parts);
      if (!code) continue;
      findings?.changes.push({
        field: 'countries',
        from: parts.join(' + '),
        to: countryLabel(code),
        rule: 'joined',
        reason: 'one name split over adjacent values',
      });
      out.push({ kind: 'country', code, from: parts.join(' + '), exact: true, rule: 'joined', reason: '' });
      i += length - 1;
      joined = true;
      break;
    }
    if (!joined) out.push(single[i]!);
  }
  return out;
}

/**
 * The values of a list as tidied text, a value the source cut short ("Bangladesh + 1 more") reduced to what
 * it names and flagged for review: the countries it only counted are unknown, never guessed.
 */
function keepNamed(values: readonly string[], field: 'countries' | 'regions', findings: Findings): string[] {
  return values
    .map(tidySpaces)
    .filter(Boolean)
    .map((value) => {
      const cut = cutShort(value);
      if (!cut) return value;
      findings.review.push({ field, value, note: `the source cut the list short: ${cut.more} more not named; “${cut.named}” is kept` });
      return cut.named;
    });
}

export function normalizePlaces(countryValues: readonly string[], regionValues: readonly string[]): Places {
  const findings = emptyFindings();
  const countries: string[] = [];
  const regions: string[] = [];
  const addCountry = (code: string) => !countries.includes(code) && countries.push(code);
  const addRegion = (slug: string) => !regions.includes(slug) && regions.push(slug);

  const countryResults = resolveCountryList(keepNamed(countryValues, 'countries', findings), findings);
  const regionResults = keepNamed(regionValues, 'regions', findings).map(resolveAsRegion);
  // Regions first, so that "Worldwide" given both as a country and as a region is reported once, as moved.
  const ownRegions = new Set(regionResults.flatMap((r) => (r.kind === 'regions' ? r.slugs : [])));
  const ownCountries = new Set(countryResults.flatMap((r) => (r.kind === 'country' ? [r.code] : [])));

  for (const r of countryResults) {
    if (r.kind === 'country') {
      if (countries.includes(r.code)) {
        findings.changes.push({ field: 'countries', from: r.from, to: countryLabel(r.code), rule: 'duplicate', reason: 'the same country is already listed' });
        continue;
      }
      if (!r.exact) findings.changes.push({ field: 'countries', from: r.from, to: countryLabel(r.code), rule: r.rule, reason: r.reason });
      addCountry(r.code);
    } else if (r.kind === 'regions') {
      const already = r.slugs.every((s) => ownRegions.has(s));
      findings.changes.push({
        field: 'countries',
        from: r.from,
        to: `region ${r.slugs.map(regionLabel).join(', ')}`,
        rule: 'moved',
        reason: already ? 'a region, not a country; already among the regions' : 'a region, not a country',
      });
      for (const slug of r.slugs) addRegion(slug);
    } else if (r.kind === 'ambiguous') {
      findings.unresolved.push({ field: 'countries', value: r.from, reason: r.reason, candidates: r.candidates });
    } else {
      findings.unresolved.push({ field: 'countries', value: r.from, reason: 'not a country or region the catalogue knows' });
    }
  }

  for (const r of regionResults) {
    if (r.kind === 'regions') {
      const fresh = r.slugs.filter((s) => !regions.includes(s));
      if (fresh.length === 0 && r.exact) {
        if (!countryResults.some((c) => c.kind === 'regions' && c.slugs.some((s) => r.slugs.includes(s)))) {
          findings.changes.push({ field: 'regions', from: r.from, to: r.slugs.map(regionLabel).join(', '), rule: 'duplicate', reason: 'the same region is already listed' });
        }
        continue;
      }
      if (!r.exact) findings.changes.push({ field: 'regions', from: r.from, to: r.slugs.map(regionLabel).join(', '), rule: r.rule, reason: r.reason });
      for (const slug of r.slugs) addRegion(slug);
    } else if (r.kind === 'country') {
      findings.changes.push({
        field: 'regions',
        from: r.from,
        to: `country ${countryLabel(r.code)}`,
        rule: 'moved',
        reason: ownCountries.has(r.code) ? 'a country, not a region; already among the countries' : 'a country, not a region',
      });
      addCountry(r.code);
    } else if (r.kind === 'ambiguous') {
      findings.unresolved.push({ field: 'regions', value: r.from, reason: r.reason, candidates: r.candidates });
    } else {
      findings.unresolved.push({ field: 'regions', value: r.from, reason: 'not a region or country the catalogue knows' });
    }
  }
  // A region none of the record's countries belongs to is kept, and flagged: sources often tag a record
  // with a neighbouring region (the source listing files the Western Balkans under Central Asia).
  if (countries.length > 0) {
    for (const slug of regions) {
      if (slug === 'worldwide' || countries.some((code) => MEMBERSHIP.get(code)?.includes(slug))) continue;
      findings.review.push({
        field: 'regions',
        value: regionLabel(slug),
        note: `none of the record’s countries (${countries.join(', ')}) is in this region: kept as given`,
      });
    }
  }
  return { countries, regions, findings };
}

const MEMBERSHIP = new Map(COUNTRIES.map((c) => [c.code, c.regions]));
