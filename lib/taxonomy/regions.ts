import type { Country } from 'world-countries';
// The package's own entry re-exports this file without an import attribute, which Node's ESM loader rejects.
import countryData from 'world-countries/countries.json' with { type: 'json' };

const countries = countryData as unknown as Country[];

export type RegionDef = { slug: string; name: string; nameFr: string; nameEs: string };

// The source site's regions plus the other world regions a global catalogue needs. French and Spanish
// follow the English register: where the English is the UN M49 name (Southern Africa, Eastern Europe,
// Caribbean…) they are M49's official French and Spanish names; where it is the common form (West Africa,
// not Western Africa; Middle East) they are the common forms the UN agencies' French and Spanish use.
export const REGIONS: readonly RegionDef[] = [
  { slug: 'worldwide', name: 'Worldwide', nameFr: 'Monde entier', nameEs: 'Todo el mundo' },
  { slug: 'north-africa', name: 'North Africa', nameFr: 'Afrique du Nord', nameEs: 'Norte de África' },
  { slug: 'west-africa', name: 'West Africa', nameFr: "Afrique de l'Ouest", nameEs: 'África occidental' },
  { slug: 'central-africa', name: 'Central Africa', nameFr: 'Afrique centrale', nameEs: 'África central' },
  { slug: 'east-africa', name: 'East Africa', nameFr: "Afrique de l'Est", nameEs: 'África oriental' },
  { slug: 'southern-africa', name: 'Southern Africa', nameFr: 'Afrique australe', nameEs: 'África meridional' },
  { slug: 'middle-east', name: 'Middle East', nameFr: 'Moyen-Orient', nameEs: 'Oriente Medio' },
  { slug: 'eastern-europe', name: 'Eastern Europe', nameFr: 'Europe orientale', nameEs: 'Europa oriental' },
  { slug: 'south-eastern-europe', name: 'South Eastern Europe', nameFr: 'Europe du Sud-Est', nameEs: 'Europa sudoriental' },
  { slug: 'central-europe', name: 'Central Europe', nameFr: 'Europe centrale', nameEs: 'Europa central' },
  { slug: 'western-europe', name: 'Western Europe', nameFr: 'Europe occidentale', nameEs: 'Europa occidental' },
  { slug: 'northern-europe', name: 'Northern Europe', nameFr: 'Europe septentrionale', nameEs: 'Europa septentrional' },
  { slug: 'southern-europe', name: 'Southern Europe', nameFr: 'Europe méridionale', nameEs: 'Europa meridional' },
  { slug: 'central-asia', name: 'Central Asia', nameFr: 'Asie centrale', nameEs: 'Asia central' },
  { slug: 'south-asia', name: 'South Asia', nameFr: 'Asie du Sud', nameEs: 'Asia meridional' },
  { slug: 'east-asia', name: 'East Asia', nameFr: "Asie de l'Est", nameEs: 'Asia oriental' },
  { slug: 'south-east-asia', name: 'South-East Asia', nameFr: 'Asie du Sud-Est', nameEs: 'Asia sudoriental' },
  { slug: 'oceania', name: 'Oceania', nameFr: 'Océanie', nameEs: 'Oceanía' },
  { slug: 'north-america', name: 'North America', nameFr: 'Amérique du Nord', nameEs: 'América del Norte' },
  { slug: 'central-america', name: 'Central America', nameFr: 'Amérique centrale', nameEs: 'Centroamérica' },
  { slug: 'caribbean', name: 'Caribbean', nameFr: 'Caraïbes', nameEs: 'Caribe' },
  { slug: 'south-america', name: 'South America', nameFr: 'Amérique du Sud', nameEs: 'América del Sur' },
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
