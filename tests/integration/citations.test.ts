import { Cite } from '@citation-js/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as bibSet } from '@/app/api/publications.bib/route';
import { GET as cslSet } from '@/app/api/publications.csl.json/route';
import { GET as htmlSet } from '@/app/api/publications.html/route';
import { GET as risSet } from '@/app/api/publications.ris/route';
import { GET as recordReference } from '@/app/publications/[slug]/cite/route';
import { GET as recordBib } from '@/app/publications/[slug]/cite.bib/route';
import { GET as recordJson } from '@/app/publications/[slug]/cite.json/route';
import { GET as recordRis } from '@/app/publications/[slug]/cite.ris/route';
import { cslName, displayName } from '@/lib/citation';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { listAllPublications, searchPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { createPublication, deletePublicationAsStaff, type WriteResult } from '@/lib/publications/admin';
import { PublicationFormSchema, readPublicationForm } from '@/lib/validation/publication-form';
import { publicationFormData } from './helpers/publication-form';

const editor = { id: 9101, name: 'Cita Tion' };

function ok(result: WriteResult) {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result;
}

type Parsed = { id?: string; title?: string; author?: Parameters<typeof displayName>[0][]; language?: string; URL?: string };
const parse = async (text: string) => (await Cite.async(text)).data as Parsed[];

const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });

// A published record with every awkward character, and a draft: created here, deleted afterwards.
let tricky: { id: number; slug: string; version: number };
let draft: { id: number; slug: string; version: number };
const TRICKY_TITLE = 'Ётюд “régional” & {braces} 100% — الاتجار بالبشر 人口贩运 Wombatgully';

beforeAll(async () => {
  const form = (fields: Parameters<typeof publicationFormData>[0]) =>
    PublicationFormSchema.parse(readPublicationForm(publicationFormData(fields)));
  tricky = ok(
    await createPublication(
      prisma,
      editor,
      form({
        title: TRICKY_TITLE,
        category: 'handbook',
        countries: ['RS'],
        authors: [{ name: 'International Organization for Migration' }, { name: 'Núñez, José' }, { name: 'Иван Иванов' }],
        languages: ['ru', 'en'],
        url: 'https://example.org/wombat?x=1&y=%20',
        year: '2021',
      }),
    ),
  );
  draft = ok(await createPublication(prisma, editor, form({ title: 'Wombatgully unpublished draft', status: 'draft', countries: ['RS'] })));
});

afterAll(async () => {
  for (const p of [tricky, draft]) {
    const row = await prisma.publication.findUnique({ where: { id: p.id }, select: { version: true } });
    if (row) ok(await deletePublicationAsStaff(prisma, editor, p.id, row.version));
  }
});

/** The titles and slugs of a catalogue query's whole result set, in its order, read the way the exports read them. */
async function resultSet(query: string) {
  const publications = [];
  for await (const batch of listAllPublications(parseCatalogueParams(new URLSearchParams(query)))) publications.push(...batch);
  return publications;
}

describe('result-set citations', () => {
  const queries = ['country=RS&sort=title', 'category=report&yearFrom=2010', 'q=trafficking&category=research-study', 'author=g-liu', 'q=Wombatgully'];

  it('each query has the result set the catalogue shows', async () => {
    for (const query of queries) {
      const set = await resultSet(query);
      const shown = await searchPublications(parseCatalogueParams(new URLSearchParams(query)));
      expect(set.length, query).toBe(shown.total);
      expect(set.length, query).toBeGreaterThan(0);
      expect(set.slice(0, shown.items.length).map((p) => p.slug), query).toEqual(shown.items.map((i) => i.slug));
    }
  });

  it('BibTeX, RIS and CSL-JSON contain exactly the query’s records, in order, and parse back', async () => {
    const routes = [
      { path: 'publications.bib', get: bibSet, type: 'application/x-bibtex; charset=utf-8' },
      { path: 'publications.ris', get: risSet, type: 'application/x-research-info-systems; charset=utf-8' },
      { path: 'publications.csl.json', get: cslSet, type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
    ];
    for (const query of queries) {
      const expected = await resultSet(query);
      for (const route of routes) {
        const response = route.get(new Request(`http://localhost:3000/api/${route.path}?${query}`));
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(route.type);
        expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="publications-\\d{4}-\\d{2}-\\d{2}\\.${route.path.slice('publications.'.length).replace('.', '\\.')}"$`));
        const parsed = await parse(await response.text());
        expect(parsed.map((p) => p.title), `${route.path}?${query}`).toEqual(expected.map((p) => p.title));
        expect(parsed.map((p) => p.author?.map(displayName) ?? []), `${route.path}?${query}`).toEqual(expected.map((p) => p.authors.map((a) => displayName(cslName(a.name)))));
      }
    }
  });

  it('keeps the tricky record whole in every format', async () => {
    for (const get of [bibSet, risSet, cslSet]) {
      const [parsed] = await parse(await get(new Request('http://localhost:3000/x?q=Wombatgully')).text());
      expect(parsed!.title).toBe(TRICKY_TITLE);
      expect(parsed!.author!.map(displayName)).toEqual(['International Organization for Migration', 'José Núñez', 'Иван Иванов']);
      expect(parsed!.language).toBe('ru');
      expect(parsed!.URL).toBe('https://example.org/wombat?x=1&y=%20');
    }
  });

  it('formats the result set as one HTML page, in the catalogue’s order', async () => {
    const query = 'country=RS&sort=title';
    const expected = await resultSet(query);
    for (const style of ['apa', 'chicago', 'harvard']) {
      const response = htmlSet(new Request(`http://localhost:3000/api/publications.html?style=${style}&${query}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect([...html.matchAll(/data-csl-entry-id="([^"]+)"/g)].map((m) => m[1])).toEqual(expected.map((p) => p.slug));
    }
    const bad = htmlSet(new Request(`http://localhost:3000/api/publications.html?style=mla&${query}`));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Unknown citation style');
  });

  it('never lists drafts', async () => {
    const parsed = await parse(await cslSet(new Request('http://localhost:3000/x?country=RS')).text());
    expect(parsed.map((p) => p.id)).toContain(tricky.slug);
    expect(parsed.map((p) => p.id)).not.toContain(draft.slug);
  });
});

describe('one publication’s citations', () => {
  it('answers each format as a download named after the slug', async () => {
    const cases = [
      { get: recordBib, type: 'application/x-bibtex; charset=utf-8', ext: 'bib' },
      { get: recordRis, type: 'application/x-research-info-systems; charset=utf-8', ext: 'ris' },
      { get: recordJson, type: 'application/vnd.citationstyles.csl+json; charset=utf-8', ext: 'json' },
    ];
    for (const c of cases) {
      const response = await c.get(new Request(`http://localhost:3000/publications/${tricky.slug}/cite.${c.ext}`), slugContext(tricky.slug));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(c.type);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${tricky.slug}.${c.ext}"`);
      const parsed = await parse(await response.text());
      expect(parsed.map((p) => p.title)).toEqual([TRICKY_TITLE]);
    }
  });

  it('links the catalogue page from the request’s origin', async () => {
    const response = await recordJson(new Request(`http://catalogue.test:8080/publications/${tricky.slug}/cite.json`, { headers: { host: 'catalogue.test:8080' } }), slugContext(tricky.slug));
    const [item] = JSON.parse(await response.text());
    expect(item.note).toBe(`Catalogue record: http://catalogue.test:8080/publications/${tricky.slug}`);
  });

  it('formats the reference as an HTML page, or says which styles exist', async () => {
    const response = await recordReference(new Request(`http://localhost:3000/publications/${tricky.slug}/cite?style=apa`), slugContext(tricky.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('International Organization for Migration, Núñez, J., &#38; Иванов, И. (2021).');
    const bad = await recordReference(new Request(`http://localhost:3000/publications/${tricky.slug}/cite?style=nope`), slugContext(tricky.slug));
    expect(bad.status).toBe(400);
  });

  it('answers 404 for an unknown slug and for a draft', async () => {
    for (const slug of ['no-such-publication', draft.slug, '%E0%A4%A', '../../etc/passwd']) {
      for (const get of [recordBib, recordRis, recordJson, recordReference]) {
        const response = await get(new Request('http://localhost:3000/publications/x/cite'), slugContext(slug));
        expect(response.status, slug).toBe(404);
      }
    }
  });
});
