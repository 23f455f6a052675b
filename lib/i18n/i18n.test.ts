import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import createIntlMiddleware from 'next-intl/middleware';
import { describe, expect, it } from 'vitest';
import { findHardCodedStrings } from './hard-coded-strings';
import { MESSAGES, translator } from './messages';
import { LOCALES, localePath, routing, splitLocale, switchLocalePath } from './routing';

/** Every message key as a dotted path, with its ICU arguments. */
function keys(messages: object, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, [...new Set([...value.matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort());
    else for (const [k, v] of keys(value as object, path)) out.set(k, v);
  }
  return out;
}

describe('message files', () => {
  const english = keys(MESSAGES.en);

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key, no other, with the same arguments', (locale) => {
    const other = keys(MESSAGES[locale]);
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, args] of english) expect(other.get(key), key).toEqual(args);
  });

  it('the completeness check fails on a missing key or argument', () => {
    const broken = structuredClone(MESSAGES.fr) as unknown as Record<string, Record<string, string>>;
    delete broken.Search!.label;
    expect([...keys(broken).keys()].sort()).not.toEqual([...english.keys()].sort());
    broken.Search!.label = 'Rechercher';
    broken.Catalogue!.showing = 'affichage';
    expect(keys(broken).get('Catalogue.showing')).not.toEqual(english.get('Catalogue.showing'));
  });

  it('every message formats in every locale (valid ICU)', () => {
    for (const locale of LOCALES) {
      for (const [key, args] of keys(MESSAGES[locale])) {
        const [namespace, ...rest] = key.split('.') as [keyof typeof MESSAGES.en, ...string[]];
        const name = rest.join('.');
        const values = Object.fromEntries(args.map((a) => [a, a === 'count' || a === 'total' || a === 'page' ? 2 : 'x']));
        const t = translator(locale, namespace) as unknown as { has: (k: string) => boolean; rich: (k: string, v: object) => unknown; (k: string, v: object): string };
        expect(() => (name === 'noMatchHelp' ? t.rich(name, { link: (c: unknown) => c }) : t(name, values)), `${locale} ${key}`).not.toThrow();
      }
    }
  });
});

describe('plural rules', () => {
  it('counts publications in English: 0, 1, 2 and thousands', () => {
    const t = translator('en', 'Catalogue');
    expect(t('results', { total: 0 })).toBe('No publications found');
    expect(t('results', { total: 1 })).toBe('1 publication');
    expect(t('results', { total: 2 })).toBe('2 publications');
    expect(t('results', { total: 12345 })).toBe('12,345 publications');
  });

  it('follows French rules (1 and 1.5 are singular) and French number formatting', () => {
    const t = translator('fr', 'Facets');
    expect(t('showMore', { count: 1 })).toBe('Afficher 1 autre');
    expect(t('showMore', { count: 2 })).toBe('Afficher 2 autres');
    expect(translator('fr', 'Catalogue')('results', { total: 12345 })).toBe('12\u202f345 publications');
    expect(translator('fr', 'Publication')('regions', { count: 1 })).toBe('Région');
    expect(translator('fr', 'Publication')('regions', { count: 3 })).toBe('Régions');
  });

  it('follows Spanish rules', () => {
    const t = translator('es', 'Catalogue');
    expect(t('results', { total: 0 })).toBe('No se encontraron publicaciones');
    expect(t('results', { total: 1 })).toBe('1 publicación');
    expect(t('results', { total: 2 })).toBe('2 publicaciones');
    expect(translator('es', 'Publication')('countries', { count: 2 })).toBe('Países');
  });
});

describe('locale paths', () => {
  it('prefixes French and Spanish, leaves English unprefixed, and switches to English through /en', () => {
    expect(localePath('en', '/?q=x')).toBe('/?q=x');
    expect(localePath('fr', '/')).toBe('/fr');
    expect(localePath('fr', '/?q=x')).toBe('/fr?q=x');
    expect(localePath('es', '/publications/a-b')).toBe('/es/publications/a-b');
    expect(switchLocalePath('en', '/?country=RS')).toBe('/en?country=RS');
    expect(switchLocalePath('en', '/publications/a')).toBe('/en/publications/a');
    expect(switchLocalePath('fr', '/publications/a')).toBe('/fr/publications/a');
  });

  it('splits a path into its locale and the rest', () => {
    expect(splitLocale('/fr/publications/a')).toEqual({ locale: 'fr', path: '/publications/a' });
    expect(splitLocale('/es')).toEqual({ locale: 'es', path: '/' });
    expect(splitLocale('/french-report')).toEqual({ locale: null, path: '/french-report' });
    expect(splitLocale('/publications/fr')).toEqual({ locale: null, path: '/publications/fr' });
  });
});

describe('locale negotiation (next-intl with this routing)', () => {
  const handle = createIntlMiddleware(routing);
  const visit = (path: string, headers: Record<string, string> = {}) => handle(new NextRequest(`http://catalogue.test${path}`, { headers }));

  it('sends a first visit to a neutral URL to the language its browser prefers, keeping the query', () => {
    expect(visit('/?country=RS', { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' }).headers.get('location')).toBe('http://catalogue.test/fr?country=RS');
    expect(visit('/publications/x', { 'accept-language': 'es-419,es;q=0.9' }).headers.get('location')).toBe('http://catalogue.test/es/publications/x');
  });

  it('serves English at the neutral URL to English, unsupported or absent preferences', () => {
    for (const language of ['en-GB,en;q=0.9', 'de-DE,de;q=0.9', '', '*', 'garbage;;q=x']) {
      const response = visit('/', { 'accept-language': language });
      expect(response.headers.get('location'), language).toBeNull();
      expect(response.headers.get('x-middleware-rewrite'), language).toBe('http://catalogue.test/en');
    }
  });

  it('keeps a choice made: the cookie wins over Accept-Language, and /en redirects to the neutral URL and sets it', () => {
    const chosen = visit('/', { 'accept-language': 'fr', cookie: 'NEXT_LOCALE=en' });
    expect(chosen.headers.get('location')).toBeNull();
    const english = visit('/en/publications/x?y=1', { 'accept-language': 'fr' });
    expect(english.headers.get('location')).toBe('http://catalogue.test/publications/x?y=1');
    expect(english.headers.get('set-cookie')).toMatch(/NEXT_LOCALE=en;.*Max-Age=31536000/);
  });

  it('serves a prefixed URL in its own language whatever the browser says', () => {
    const response = visit('/es?q=trata', { 'accept-language': 'fr' });
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('x-middleware-request-x-next-intl-locale')).toBe('es');
  });
});

describe('hard-coded strings in public components', () => {
  const PUBLIC = ['app/[locale]', 'app/not-found.tsx', 'components/catalogue', 'components/publication', 'components/site', 'components/ui'];
  const files = (path: string): string[] =>
    statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => files(join(path, name))) : path.endsWith('.tsx') ? [path] : [];

  it('finds none: every word a reader sees comes from the message files', () => {
    const found = PUBLIC.flatMap(files).flatMap((file) =>
      findHardCodedStrings(readFileSync(file, 'utf8'), file).map((s) => `${file}:${s.line} ${JSON.stringify(s.text)}`),
    );
    expect(found).toEqual([]);
  });

  it('would find text, text attributes and literals rendered in JSX, and lets keys, classes and symbols pass', () => {
    const found = findHardCodedStrings(`
      export function A({ n, t }) {
        return (
          <nav aria-label="Pages" className="flex gap-1">
            <p>Hello</p>
            <input placeholder={\`Find \${n}…\`} />
            {n > 1 ? 'pages' : t('page')}
            {n && ' · '}
            <span title={t('x')}>×</span>
          </nav>
        );
      }`);
    expect(found.map((f) => f.text)).toEqual(['Pages', 'Hello', 'Find  …', 'pages']);
  });
});
