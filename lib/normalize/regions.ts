import { REGIONS } from '@/lib/taxonomy/regions';
import type { ChangeRule } from './findings';
import { nameKey } from './keys';

/**
 * Region names → the catalogue's region slugs (lib/taxonomy/regions.ts). Besides the names and slugs, a
 * table of aliases: the UN's names for the same areas, hyphenation variants, French and Spanish names,
 * and composite names ("MENA", "Central and Eastern Europe") that stand for several regions at once.
 */

export const REGION_NAMES: ReadonlyMap<string, string> = new Map(REGIONS.map((r) => [r.slug, r.name]));
const SLUG_OF_NAME = new Map(REGIONS.map((r) => [r.name, r.slug]));

/** The slug when `text` is exactly a region's slug or display name: canonical, nothing to report. */
function exactSlug(text: string): string | undefined {
  return REGION_NAMES.has(text) ? text : SLUG_OF_NAME.get(text);
}

type Alias = readonly [names: readonly string[], slugs: readonly string[], rule: ChangeRule, note: string];

const ALIASES: readonly Alias[] = [
  [['World', 'World-wide', 'Global', 'Globally', 'International', 'All regions', 'All countries', 'Whole world'], ['worldwide'], 'alias', 'the whole world'],
  [['Monde', 'Le monde', 'Mondial', 'Mondiale', 'Monde entier', 'Niveau mondial'], ['worldwide'], 'translation', 'French for worldwide'],
  [['Mundial', 'Mundo', 'El mundo', 'Todo el mundo', 'Global (mundial)', 'Internacional'], ['worldwide'], 'translation', 'Spanish for worldwide'],

  [['Northern Africa', 'N. Africa', 'Maghreb'], ['north-africa'], 'alias', 'another name of North Africa'],
  [['Afrique du Nord', 'Afrique septentrionale'], ['north-africa'], 'translation', 'French name'],
  [['África del Norte', 'Norte de África', 'África Septentrional'], ['north-africa'], 'translation', 'Spanish name'],
  [['Western Africa'], ['west-africa'], 'alias', 'UN name of West Africa'],
  [["Afrique de l'Ouest", 'Afrique occidentale'], ['west-africa'], 'translation', 'French name'],
  [['África Occidental', 'África del Oeste', 'Oeste de África'], ['west-africa'], 'translation', 'Spanish name'],
  [['Middle Africa'], ['central-africa'], 'alias', 'UN name of Central Africa'],
  [['Afrique centrale'], ['central-africa'], 'translation', 'French name'],
  [['África Central'], ['central-africa'], 'translation', 'Spanish name'],
  [['Eastern Africa', 'Horn of Africa'], ['east-africa'], 'alias', 'another name of East Africa'],
  [["Afrique de l'Est", 'Afrique orientale'], ['east-africa'], 'translation', 'French name'],
  [['África Oriental', 'África del Este', 'Este de África'], ['east-africa'], 'translation', 'Spanish name'],
  [['Afrique australe'], ['southern-africa'], 'translation', 'French name'],
  [['África Austral', 'África Meridional'], ['southern-africa'], 'translation', 'Spanish name'],

  [['Near East', 'Western Asia', 'Gulf States', 'Gulf Region', 'Arab States'], ['middle-east'], 'alias', 'another name of the Middle East'],
  [['Moyen-Orient', 'Proche-Orient'], ['middle-east'], 'translation', 'French name'],
  [['Oriente Medio', 'Medio Oriente', 'Oriente Próximo'], ['middle-east'], 'translation', 'Spanish name'],

  [['South Caucasus', 'Caucasus'], ['eastern-europe'], 'alias', 'the catalogue files the South Caucasus under Eastern Europe'],
  [["Europe de l'Est", 'Europe orientale'], ['eastern-europe'], 'translation', 'French name'],
  [['Europa del Este', 'Europa Oriental', 'Este de Europa'], ['eastern-europe'], 'translation', 'Spanish name'],
  [
    ['South-Eastern Europe', 'South East Europe', 'South-East Europe', 'Southeast Europe', 'Southeastern Europe', 'SEE', 'Balkans', 'Western Balkans'],
    ['south-eastern-europe'],
    'alias',
    'another name of South Eastern Europe',
  ],
  [['Europe du Sud-Est', "Sud-Est de l'Europe", 'Balkans occidentaux'], ['south-eastern-europe'], 'translation', 'French name'],
  [['Europa Sudoriental', 'Sudeste de Europa', 'Europa del Sudeste', 'Balcanes', 'Balcanes Occidentales'], ['south-eastern-europe'], 'translation', 'Spanish name'],
  [['Europe centrale'], ['central-europe'], 'translation', 'French name'],
  [['Europa Central'], ['central-europe'], 'translation', 'Spanish name'],
  [["Europe de l'Ouest", 'Europe occidentale'], ['western-europe'], 'translation', 'French name'],
  [['Europa Occidental', 'Europa del Oeste'], ['western-europe'], 'translation', 'Spanish name'],
  [['Nordic countries', 'Scandinavia', 'Baltic States', 'Nordic-Baltic region'], ['northern-europe'], 'alias', 'part of Northern Europe'],
  [['Europe du Nord', 'Europe septentrionale'], ['northern-europe'], 'translation', 'French name'],
  [['Europa del Norte', 'Norte de Europa', 'Europa Septentrional'], ['northern-europe'], 'translation', 'Spanish name'],
  [['Europe du Sud', 'Europe méridionale'], ['southern-europe'], 'translation', 'French name'],
  [['Europa del Sur', 'Sur de Europa', 'Europa Meridional'], ['southern-europe'], 'translation', 'Spanish name'],

  [['Asie centrale'], ['central-asia'], 'translation', 'French name'],
  [['Asia Central'], ['central-asia'], 'translation', 'Spanish name'],
  [['Southern Asia'], ['south-asia'], 'alias', 'UN name of South Asia'],
  [['Asie du Sud', 'Asie méridionale'], ['south-asia'], 'translation', 'French name'],
  [['Asia del Sur', 'Asia Meridional', 'Sur de Asia'], ['south-asia'], 'translation', 'Spanish name'],
  [['Eastern Asia', 'Far East'], ['east-asia'], 'alias', 'another name of East Asia'],
  [["Asie de l'Est", 'Asie orientale', 'Extrême-Orient'], ['east-asia'], 'translation', 'French name'],
  [['Asia Oriental', 'Asia del Este', 'Este de Asia', 'Extremo Oriente', 'Lejano Oriente'], ['east-asia'], 'translation', 'Spanish name'],
  [['South-Eastern Asia', 'Southeast Asia', 'South East Asia', 'Southeastern Asia', 'ASEAN region', 'Mekong region', 'Greater Mekong Subregion'], ['south-east-asia'], 'alias', 'another name of South-East Asia'],
  [['Asie du Sud-Est'], ['south-east-asia'], 'translation', 'French name'],
  [['Sudeste Asiático', 'Asia Sudoriental', 'Sureste Asiático', 'Sudeste de Asia'], ['south-east-asia'], 'translation', 'Spanish name'],

  [['Pacific', 'Pacific Islands', 'Australasia', 'Melanesia', 'Micronesia', 'Polynesia', 'Australia and New Zealand'], ['oceania'], 'alias', 'part of Oceania'],
  [['Océanie', 'Pacifique'], ['oceania'], 'translation', 'French name'],
  [['Oceanía', 'Pacífico'], ['oceania'], 'translation', 'Spanish name'],
  [['Northern America'], ['north-america'], 'alias', 'UN name of North America'],
  [['Amérique du Nord'], ['north-america'], 'translation', 'French name'],
  [['América del Norte', 'Norteamérica'], ['north-america'], 'translation', 'Spanish name'],
  [['Mesoamerica'], ['central-america'], 'alias', 'another name of Central America'],
  [['Amérique centrale'], ['central-america'], 'translation', 'French name'],
  [['América Central', 'Centroamérica'], ['central-america'], 'translation', 'Spanish name'],
  [['Caribbean region', 'Caribbean islands', 'West Indies', 'Antilles'], ['caribbean'], 'alias', 'another name of the Caribbean'],
  [['Caraïbes', 'Caraïbe', 'Antilles françaises'], ['caribbean'], 'translation', 'French name'],
  [['Caribe', 'El Caribe', 'Antillas'], ['caribbean'], 'translation', 'Spanish name'],
  [['Amérique du Sud'], ['south-america'], 'translation', 'French name'],
  [['América del Sur', 'Sudamérica', 'Suramérica'], ['south-america'], 'translation', 'Spanish name'],

  // Names for several of the catalogue's regions at once.
  [['MENA', 'Middle East and North Africa', 'North Africa and the Middle East', 'Afrique du Nord et Moyen-Orient', 'Moyen-Orient et Afrique du Nord', 'Oriente Medio y Norte de África'], ['middle-east', 'north-africa'], 'split', 'the Middle East and North Africa'],
  [['CEE', 'Central and Eastern Europe', 'Europe centrale et orientale', 'Europa Central y Oriental'], ['central-europe', 'eastern-europe'], 'split', 'Central and Eastern Europe'],
  [['West and Central Africa', "Afrique de l'Ouest et du Centre", 'Afrique occidentale et centrale', 'África Occidental y Central'], ['west-africa', 'central-africa'], 'split', 'West and Central Africa'],
  [['East and Southern Africa', 'Eastern and Southern Africa', 'Afrique orientale et australe', 'África Oriental y Austral'], ['east-africa', 'southern-africa'], 'split', 'East and Southern Africa'],
  [['EECA', 'Eastern Europe and Central Asia', "Europe de l'Est et Asie centrale", 'Europa del Este y Asia Central'], ['eastern-europe', 'central-asia'], 'split', 'Eastern Europe and Central Asia'],
  [['Latin America', 'Amérique latine', 'América Latina', 'Latinoamérica'], ['central-america', 'south-america'], 'split', 'Latin America: Central and South America'],
  [['LAC', 'Latin America and the Caribbean', 'Amérique latine et Caraïbes', 'América Latina y el Caribe'], ['central-america', 'south-america', 'caribbean'], 'split', 'Latin America and the Caribbean'],
  [['Sub-Saharan Africa', 'Afrique subsaharienne', 'África subsahariana'], ['west-africa', 'central-africa', 'east-africa', 'southern-africa'], 'split', 'Africa south of the Sahara'],
  [['Africa', 'Afrique', 'África'], ['north-africa', 'west-africa', 'central-africa', 'east-africa', 'southern-africa'], 'split', 'every African region'],
  [['Europe', 'Europa'], ['eastern-europe', 'south-eastern-europe', 'central-europe', 'western-europe', 'northern-europe', 'southern-europe'], 'split', 'every European region'],
  [['Americas', 'The Americas', 'Amériques', 'Américas'], ['north-america', 'central-america', 'caribbean', 'south-america'], 'split', 'every region of the Americas'],
  [['Asia', 'Asie'], ['central-asia', 'south-asia', 'east-asia', 'south-east-asia', 'middle-east'], 'split', 'every Asian region (the Middle East is Western Asia)'],
];

/** Names that could mean several different things: reported with the candidates, never resolved. */
const AMBIGUOUS: readonly (readonly [names: readonly string[], candidates: readonly string[], note: string])[] = [
  [['Sahel', 'Sahel region'], ['west-africa', 'north-africa', 'central-africa'], 'the Sahel crosses West, North and Central Africa: name the regions meant'],
  [['Asia-Pacific', 'Asia Pacific', 'Asia and the Pacific', 'Asie-Pacifique', 'Asia-Pacífico'], ['east-asia', 'south-east-asia', 'south-asia', 'oceania'], 'organisations draw the Asia-Pacific differently: name the regions meant'],
  [['Eurasia'], ['eastern-europe', 'central-asia'], 'Eurasia means different areas in different sources: name the regions meant'],
];

type Entry = { slugs: string[]; rule: ChangeRule; reason: string } | { ambiguous: string[]; reason: string };

const index = new Map<string, Entry>();
for (const region of REGIONS) {
  index.set(nameKey(region.name, { dropThe: true }), { slugs: [region.slug], rule: 'case', reason: 'the same name written differently' });
  const slugKey = nameKey(region.slug, { dropThe: true });
  if (!index.has(slugKey)) index.set(slugKey, { slugs: [region.slug], rule: 'case', reason: 'the region’s slug' });
}
for (const [names, slugs, rule, reason] of ALIASES) {
  for (const name of names) {
    const key = nameKey(name, { dropThe: true });
    if (!index.has(key)) index.set(key, { slugs: [...slugs], rule, reason });
  }
}
for (const [names, candidates, reason] of AMBIGUOUS) {
  for (const name of names) index.set(nameKey(name, { dropThe: true }), { ambiguous: [...candidates], reason });
}

export type RegionResolution =
  | { kind: 'regions'; slugs: string[]; exact: boolean; rule: ChangeRule; reason: string }
  | { kind: 'ambiguous'; candidates: string[]; reason: string }
  | { kind: 'unknown' };

function lookup(text: string): RegionResolution {
  const entry = index.get(nameKey(text, { dropThe: true }));
  if (!entry) return { kind: 'unknown' };
  if ('ambiguous' in entry) return { kind: 'ambiguous', candidates: entry.ambiguous, reason: entry.reason };
  return { kind: 'regions', slugs: entry.slugs, exact: false, rule: entry.rule, reason: entry.reason };
}

/** One value → one or more region slugs, an ambiguity with its candidates, or nothing. */
export function resolveRegion(value: string): RegionResolution {
  const text = value.trim();
  const exact = exactSlug(text);
  if (exact) return { kind: 'regions', slugs: [exact], exact: true, rule: 'case', reason: '' };
  const direct = lookup(text);
  if (direct.kind !== 'unknown') return direct;
  // "West Africa and Central Africa", "Europe centrale / Asie centrale": every part a region.
  const parts = text.split(/\s*(?:,|\/|;|&|\+|\band\b|\bet\b|\by\b)\s*/i).filter(Boolean);
  if (parts.length > 1) {
    const found = parts.map((part) => {
      const slug = exactSlug(part);
      return slug ? ({ kind: 'regions', slugs: [slug] } as const) : lookup(part);
    });
    if (found.every((f) => f.kind === 'regions')) {
      const slugs = [...new Set(found.flatMap((f) => (f.kind === 'regions' ? f.slugs : [])))];
      return { kind: 'regions', slugs, exact: false, rule: 'split', reason: 'several regions in one value' };
    }
  }
  return { kind: 'unknown' };
}

export function regionLabel(slug: string): string {
  return REGION_NAMES.get(slug) ?? slug;
}
