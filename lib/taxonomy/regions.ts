import type { Country } from 'world-countries';
// The package's own entry re-exports this file without an import attribute, which Node's ESM loader rejects.
import countryData from 'world-countries/countries.json' with { type: 'json' };

const countries = countryData as unknown as Country[];

export type RegionDef = { slug: string; name: string };

// The source site's regions plus the other world regions a global catalogue needs.
export const REGIONS: readonly RegionDef[] = [
  { slug: 'worldwide', name: 'Worldwide' },
  { slug: 'north-africa', name: 'North Africa' },
  { slug: 'west-africa', name: 'West Africa' },
  { slug: 'central-africa', name: 'Central Africa' },
  { slug: 'east-africa', name: 'East Africa' },
  { slug: 'southern-africa', name: 'Southern Africa' },
  { slug: 'middle-east', name: 'Middle East' },
  { slug: 'eastern-europe', name: 'Eastern Europe' },
  { slug: 'south-eastern-europe', name: 'South Eastern Europe' },
  { slug: 'central-europe', name: 'Central Europe' },
  { slug: 'western-europe', name: 'Western Europe' },
  { slug: 'northern-europe', name: 'Northern Europe' },
  { slug: 'southern-europe', name: 'Southern Europe' },
  { slug: 'central-asia', name: 'Central Asia' },
  { slug: 'south-asia', name: 'South Asia' },
  { slug: 'east-asia', name: 'East Asia' },
  { slug: 'south-east-asia', name: 'South-East Asia' },
  { slug: 'oceania', name: 'Oceania' },
  { slug: 'north-america', name: 'North America' },
  { slug: 'central-america', name: 'Central America' },
  { slug: 'caribbean', name: 'Caribbean' },
  { slug: 'south-america', name: 'South America' },
];

// world-countries' UN-style subregions, mapped onto the catalogue's regions.
const SUBREGION_TO_REGION: Record<string, string> = {
  'Northern Africa': 'north-africa',
  'Western Africa': 'west-africa',
  'Middle Africa': 'central-africa',
  'Eastern Africa': 'east-africa',
  'Southern Africa': 'southern-africa',
  'Western Asia': 'middle-east',
  'Eastern Europe': 'eastern-europe',
  'Southeast Europe': 'south-eastern-europe',
  'Central Europe': 'central-europe',
  'Western Europe': 'western-europe',
  'Northern Europe': 'northern-europe',
  'Southern Europe': 'southern-europe',
  'Central Asia': 'central-asia',
  'Southern Asia': 'south-asia',
  'Eastern Asia': 'east-asia',
  'South-Eastern Asia': 'south-east-asia',
  'Australia and New Zealand': 'oceania',
  Melanesia: 'oceania',
  Micronesia: 'oceania',
  Polynesia: 'oceania',
  'North America': 'north-america',
  'Central America': 'central-america',
  Caribbean: 'caribbean',
  'South America': 'south-america',
};

// Where counter-trafficking programmes (IOM, OSCE) group a country differently from the UN scheme.
const REGION_OVERRIDES: Record<string, string[]> = {
  AM: ['eastern-europe'], // the South Caucasus is programmed with Eastern Europe
  AZ: ['eastern-europe'],
  GE: ['eastern-europe'],
  CY: ['southern-europe'],
  TR: ['middle-east', 'south-eastern-europe'],
  SI: ['central-europe', 'south-eastern-europe'],
  MD: ['eastern-europe', 'south-eastern-europe'],
  EG: ['north-africa', 'middle-east'],
  IR: ['south-asia', 'middle-east'],
};

// The names the UN and the counter-trafficking literature use, where the package's common name differs.
const NAME_OVERRIDES: Record<string, string> = {
  CI: "Côte d'Ivoire",
  CV: 'Cabo Verde',
};

export type CountryDef = { code: string; name: string; regions: string[] };

/** All of ISO 3166-1 plus Kosovo (XK), from the world-countries package. */
export const COUNTRIES: readonly CountryDef[] = countries
  .map((c) => {
    const region = SUBREGION_TO_REGION[c.subregion];
    return {
      code: c.cca2,
      name: NAME_OVERRIDES[c.cca2] ?? c.name.common,
      regions: REGION_OVERRIDES[c.cca2] ?? (region ? [region] : []),
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));
