import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@/lib/taxonomy/categories';
import { COUNTRIES, REGIONS } from '@/lib/taxonomy/regions';
import { isLocale, LOCALES } from './locales';
import { categoryName, compareNames, countryName, languageName, regionName } from './names';

describe('countryName', () => {
  it('names countries from the ISO package in French and Spanish, the catalogue’s own names in English', () => {
    expect(countryName('EG', 'fr')).toBe('Égypte');
    expect(countryName('EG', 'es')).toBe('Egipto');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('DE', 'es')).toBe('Alemania');
    // The seed's English names (world-countries' common names with the UN's overrides), not the package's.
    expect(countryName('US', 'en')).toBe('United States');
    expect(countryName('CI', 'en')).toBe("Côte d'Ivoire");
    expect(countryName('EG')).toBe('Egypt');
  });

  it('uses the UN’s names where the package differs', () => {
    expect(countryName('CI', 'fr')).toBe("Côte d'Ivoire");
    expect(countryName('CV', 'fr')).toBe('Cabo Verde');
    expect(countryName('CD', 'es')).toBe('República Democrática del Congo');
  });

  it('names Kosovo and every country of the catalogue in all three locales', () => {
    for (const locale of LOCALES) expect(countryName('XK', locale)).toBe('Kosovo');
    for (const { code, name } of COUNTRIES) {
      expect(countryName(code, 'en')).toBe(name);
      for (const locale of ['fr', 'es'] as const) {
        const translated = countryName(code, locale);
        expect(translated, `${code} in ${locale}`).not.toBe(code);
        expect(translated.trim(), `${code} in ${locale}`).toBe(translated);
      }
    }
  });

  it('returns an unknown code as it is', () => {
    expect(countryName('ZZ', 'fr')).toBe('ZZ');
  });
});

describe('regionName and categoryName', () => {
  const westAfrica = { name: 'West Africa', nameFr: "Afrique de l'Ouest", nameEs: 'África occidental' };

  it('give the stored translation for the locale', () => {
    expect(regionName(westAfrica, 'fr')).toBe("Afrique de l'Ouest");
    expect(regionName(westAfrica, 'es')).toBe('África occidental');
    expect(regionName(westAfrica, 'en')).toBe('West Africa');
    expect(categoryName({ name: 'Report', nameFr: 'Rapport', nameEs: 'Informe' }, 'es')).toBe('Informe');
  });

  it('fall back to English when the translation is missing or blank', () => {
    expect(regionName({ name: 'Sahel', nameFr: null, nameEs: undefined }, 'fr')).toBe('Sahel');
    expect(regionName({ name: 'Sahel' }, 'es')).toBe('Sahel');
    expect(categoryName({ name: 'Toolkit', nameFr: '  ', nameEs: '' }, 'fr')).toBe('Toolkit');
  });

  it('every seeded region and category has its own French and Spanish name', () => {
    for (const entry of [...REGIONS, ...CATEGORIES]) {
      expect(entry.nameFr.trim(), entry.slug).not.toBe('');
      expect(entry.nameEs.trim(), entry.slug).not.toBe('');
    }
    // Two entries with one name would be one facet value to a French or Spanish reader.
    for (const list of [REGIONS, CATEGORIES]) {
      for (const key of ['nameFr', 'nameEs'] as const) {
        expect(new Set(list.map((e) => e[key].toLowerCase())).size).toBe(list.length);
      }
    }
  });
});

describe('languageName', () => {
  it('names languages in the locale, capitalised as a label', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('en', 'fr')).toBe('Anglais');
    expect(languageName('es', 'fr')).toBe('Espagnol');
    expect(languageName('fr', 'es')).toBe('Francés');
    expect(languageName('ar', 'es')).toBe('Árabe');
  });

  it('keeps the lower-case form for running text', () => {
    expect(languageName('en', 'fr', { inSentence: true })).toBe('anglais');
    expect(languageName('fr', 'es', { inSentence: true })).toBe('francés');
  });
});

describe('compareNames', () => {
  it('sorts accented names where the locale’s readers expect them', () => {
    const names = ['Zimbabwe', 'Érythrée', 'Égypte', 'Djibouti', 'Eswatini'];
    expect([...names].sort(compareNames('fr'))).toEqual(['Djibouti', 'Égypte', 'Érythrée', 'Eswatini', 'Zimbabwe']);
    // A plain code-point sort puts them after Z.
    expect([...names].sort().slice(-2)).toEqual(['Égypte', 'Érythrée']);
  });

  it('ignores case and accents when comparing, as Spanish readers sort', () => {
    expect(compareNames('es')('árabe', 'Árabe')).toBe(0);
    expect(['Perú', 'Panamá', 'Paraguay'].sort(compareNames('es'))).toEqual(['Panamá', 'Paraguay', 'Perú']);
  });

  it('sorts the French country names of the catalogue with Égypte before Érythrée and both before F', () => {
    const sorted = COUNTRIES.map((c) => countryName(c.code, 'fr')).sort(compareNames('fr'));
    const at = (name: string) => sorted.indexOf(name);
    expect(at('Djibouti')).toBeLessThan(at('Égypte'));
    expect(at('Égypte')).toBeLessThan(at('Érythrée'));
    expect(at('Érythrée')).toBeLessThan(at('France'));
  });
});

describe('isLocale', () => {
  it('accepts the three locales only', () => {
    expect(['en', 'fr', 'es', 'de', '', undefined].map(isLocale)).toEqual([true, true, true, false, false, false]);
  });
});
