import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getRobots } from '@/app/robots.txt/route';
import { GET as getSitemapIndex } from '@/app/sitemap.xml/route';
import { GET as getChildSitemap } from '@/app/sitemaps/[file]/route';
import { recordUrl } from '@/lib/citation/csl';
import { prisma } from '@/lib/db';
import { publicationsSitemap, sitemapIndex } from '@/lib/discovery/sitemap';
import { createPublication, updatePublication, type WriteResult } from '@/lib/publications/admin';
import { PublicationFormSchema, readPublicationForm, type PublicationFormData } from '@/lib/validation/publication-form';
import { publicationFormData } from './helpers/publication-form';

const ORIGIN = 'http://catalogue.example';
const editor = { id: 9201, name: 'Sitemap Editor' };
const request = (path: string) => new Request(`${ORIGIN}${path}`, { headers: { host: 'catalogue.example' } });

function form(fields: Parameters<typeof publicationFormData>[0]): PublicationFormData {
  return PublicationFormSchema.parse(readPublicationForm(publicationFormData(fields)));
}
function ok(result: WriteResult) {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result;
}

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });

type Loc = { loc: string; lastmod?: string };

function parseIndex(text: string): Loc[] {
  expect(XMLValidator.validate(text)).toBe(true);
  return (parser.parse(text) as { sitemapindex: { sitemap: Loc[] } }).sitemapindex.sitemap;
}
function parseUrlset(text: string): Loc[] {
  expect(XMLValidator.validate(text)).toBe(true);
  return (parser.parse(text) as { urlset: { url: Loc[] } }).urlset.url.map(({ loc, lastmod }) => ({ loc, ...(lastmod && { lastmod }) }));
}

const alternatesParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'url' || name === 'xhtml:link' });
/** Each URL's language alternates, hreflang → href. */
function parseAlternates(text: string): Record<string, string>[] {
  type Url = { 'xhtml:link': { hreflang: string; href: string }[] };
  return (alternatesParser.parse(text) as { urlset: { url: Url[] } }).urlset.url.map((url) =>
    Object.fromEntries(url['xhtml:link'].map((link) => [link.hreflang, link.href])),
  );
}

/** A page's URL in each locale, in the order the sitemaps list them. */
const inLocales = (loc: string) => {
  const path = new URL(loc).pathname;
  return [loc, `${ORIGIN}/fr${path === '/' ? '' : path}`, `${ORIGIN}/es${path === '/' ? '' : path}`];
};

let hidden: string[] = [];

beforeAll(async () => {
  const draft = ok(await createPublication(prisma, editor, form({ title: 'Platypuscreek draft', status: 'draft' })));
  const withdrawn = ok(await createPublication(prisma, editor, form({ title: 'Platypuscreek withdrawn' })));
  ok(await updatePublication(prisma, editor, withdrawn.id, withdrawn.version, form({ title: 'Platypuscreek withdrawn', status: 'draft' })));
  // The last ids are drafts: a range holding only drafts has no child sitemap.
  const lastDraft = ok(await createPublication(prisma, editor, form({ title: 'Platypuscreek last draft', status: 'draft' })));
  hidden = [draft.slug, withdrawn.slug, lastDraft.slug].map((slug) => recordUrl(ORIGIN, slug));
});

async function published() {
  const rows = await prisma.publication.findMany({ where: { status: 'published' }, select: { id: true, slug: true, updatedAt: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ ...r, loc: recordUrl(ORIGIN, r.slug) }));
}

describe('sitemaps', () => {
  it('/sitemap.xml is an index of the pages sitemap and the publication sitemaps, which hold every published record once and no draft', async () => {
    const response = await getSitemapIndex(request('/sitemap.xml'));
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const children = parseIndex(await response.text());
    expect(children.map((c) => c.loc)).toEqual([`${ORIGIN}/sitemaps/pages.xml`, `${ORIGIN}/sitemaps/publications-0.xml`]);

    const records = await published();
    const newest = Math.max(...records.map((r) => r.updatedAt.getTime()));
    for (const child of children) expect(Date.parse(child.lastmod!)).toBe(newest);

    const pages = parseUrlset(await (await getChildSitemap(request('/sitemaps/pages.xml'), { params: Promise.resolve({ file: 'pages.xml' }) })).text());
    expect(pages).toEqual(inLocales(`${ORIGIN}/`).map((loc) => ({ loc, lastmod: new Date(newest).toISOString() })));

    const child = await getChildSitemap(request('/sitemaps/publications-0.xml'), { params: Promise.resolve({ file: 'publications-0.xml' }) });
    expect(child.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const text = await child.text();
    const urls = parseUrlset(text);
    expect(urls).toEqual(records.flatMap((r) => inLocales(r.loc).map((loc) => ({ loc, lastmod: r.updatedAt.toISOString() }))));
    for (const url of hidden) expect(urls.map((u) => u.loc)).not.toContain(url);
    // Every entry names all the page's language versions, English the default.
    const [en, fr, es] = inLocales(records[0]!.loc);
    for (const alternates of parseAlternates(text).slice(0, 3)) expect(alternates).toEqual({ en, fr, es, 'x-default': en });
  });

  it.each(['publications-1.xml', 'publications-01.xml', 'publications--1.xml', 'publications-x.xml', 'other.xml', 'pages.xml.gz'])(
    'answers 404 for %s',
    async (file) => {
      const response = await getChildSitemap(request(`/sitemaps/${file}`), { params: Promise.resolve({ file }) });
      expect(response.status).toBe(404);
    },
  );

  it('splits the records into children of at most `size` URLs by id range, streamed in batches, leaving out ranges without a published record', async () => {
    const records = await published();
    const maxId = (await prisma.publication.aggregate({ _max: { id: true } }))._max.id!;
    for (const [size, batch] of [[3, 2], [7, 7], [1, 1], [50, 4]] as const) {
      const children = parseIndex(await sitemapIndex(ORIGIN, size)).slice(1);
      const expected = [...new Set(records.map((r) => Math.floor((r.id - 1) / size)))];
      expect(children.map((c) => c.loc)).toEqual(expected.map((n) => `${ORIGIN}/sitemaps/publications-${n}.xml`));
      const seen: string[] = [];
      for (const n of expected) {
        const stream = await publicationsSitemap(ORIGIN, n, size, batch);
        const urls = parseUrlset(await new Response(stream).text());
        expect(urls.length).toBeGreaterThan(0);
        expect(urls.length).toBeLessThanOrEqual(size * 3);
        const inRange = records.filter((r) => Math.floor((r.id - 1) / size) === n);
        expect(urls.map((u) => u.loc)).toEqual(inRange.flatMap((r) => inLocales(r.loc)));
        expect(children.find((c) => c.loc.endsWith(`-${n}.xml`))!.lastmod).toBe(
          new Date(Math.max(...inRange.map((r) => r.updatedAt.getTime()))).toISOString(),
        );
        seen.push(...urls.map((u) => u.loc));
      }
      expect(seen).toEqual(records.flatMap((r) => inLocales(r.loc)));
    }
    // The last id is a draft: alone in its range (size 1), that range has no sitemap; nor has one past the end.
    expect(await publicationsSitemap(ORIGIN, maxId - 1, 1)).toBeNull();
    expect(await publicationsSitemap(ORIGIN, 1)).toBeNull();
  });
});

describe('robots.txt', () => {
  it('is plain text naming the sitemap on the request’s origin', async () => {
    const response = getRobots(request('/robots.txt'));
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('\nSitemap: http://catalogue.example/sitemap.xml\n');
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/admin$/m);
    expect(text).toMatch(/^Disallow: \/sign-in$/m);
  });
});
