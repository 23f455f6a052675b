import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getAtom } from '@/app/[locale]/atom.xml/route';
import { GET as getJsonFeed } from '@/app/[locale]/feed.json/route';
import { GET as getRss } from '@/app/[locale]/feed.xml/route';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { listAllPublications, listNewestPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { createPublication, updatePublication, type WriteResult } from '@/lib/publications/admin';
import { PublicationFormSchema, readPublicationForm, type PublicationFormData } from '@/lib/validation/publication-form';
import { publicationFormData } from './helpers/publication-form';

const ORIGIN = 'http://catalogue.example';
const editor = { id: 9101, name: 'Feed Editor' };

function form(fields: Parameters<typeof publicationFormData>[0]): PublicationFormData {
  return PublicationFormSchema.parse(readPublicationForm(publicationFormData(fields)));
}
function ok(result: WriteResult) {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result;
}

const request = (path: string) => new Request(`${ORIGIN}${path}`, { headers: { host: 'catalogue.example' } });
const english = { params: Promise.resolve({ locale: 'en' }) };
const detailUrl = (slug: string) => `${ORIGIN}/publications/${encodeURIComponent(slug)}`;

const parser = (lists: string[]) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => lists.includes(name) });
const rssParser = parser(['item', 'category', 'dc:creator', 'atom:link']);
const atomParser = parser(['entry', 'link', 'category', 'author']);

type Parsed = { links: string[]; dates: number[]; title: string; raw: unknown };

async function rss(query: string): Promise<Parsed & { channel: Record<string, unknown>; items: Record<string, unknown>[] }> {
  const response = await getRss(request(`/feed.xml${query ? `?${query}` : ''}`), english);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
  const text = await response.text();
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = rssParser.parse(text) as { rss: { '@_version': string; channel: Record<string, unknown> & { item?: Record<string, unknown>[] } } };
  expect(doc.rss['@_version']).toBe('2.0');
  const items = doc.rss.channel.item ?? [];
  for (const item of items) expect(item.guid).toMatchObject({ '#text': item.link });
  return {
    channel: doc.rss.channel,
    items,
    title: doc.rss.channel.title as string,
    links: items.map((i) => i.link as string),
    dates: items.map((i) => Date.parse(i.pubDate as string)),
    raw: doc,
  };
}

async function atom(query: string): Promise<Parsed & { feed: Record<string, unknown>; entries: Record<string, unknown>[] }> {
  const response = await getAtom(request(`/atom.xml${query ? `?${query}` : ''}`), english);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const text = await response.text();
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = atomParser.parse(text) as { feed: Record<string, unknown> & { '@_xmlns': string; entry?: Record<string, unknown>[] } };
  expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const field of ['id', 'title', 'updated']) expect(doc.feed[field]).toBeTruthy();
  const entries = doc.feed.entry ?? [];
  const alternate = (e: Record<string, unknown>) => (e.link as Record<string, string>[]).find((l) => !l['@_rel'])!['@_href']!;
  for (const entry of entries) {
    for (const field of ['id', 'title', 'updated']) expect(entry[field]).toBeTruthy();
    expect(entry.id).toBe(alternate(entry));
  }
  return {
    feed: doc.feed,
    entries,
    title: doc.feed.title as string,
    links: entries.map(alternate),
    dates: entries.map((e) => Date.parse(e.published as string)),
    raw: doc,
  };
}

type JsonFeed = {
  version: string;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  items: {
    id: string;
    url?: string;
    title?: string;
    content_html?: string;
    content_text?: string;
    summary?: string;
    date_published?: string;
    authors?: { name: string }[];
    author?: unknown;
    tags?: string[];
    attachments?: { url: string; mime_type: string }[];
  }[];
};

async function jsonFeed(query: string): Promise<Parsed & { feed: JsonFeed }> {
  const response = await getJsonFeed(request(`/feed.json${query ? `?${query}` : ''}`), english);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
  const feed = JSON.parse(await response.text()) as JsonFeed;
  // JSON Feed 1.1's required fields, and what 1.1 changed from 1.0.
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  expect(Array.isArray(feed.items)).toBe(true);
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof (item.content_html ?? item.content_text)).toBe('string');
    expect(item.author).toBeUndefined();
    if (item.authors) for (const a of item.authors) expect(typeof a.name).toBe('string');
    for (const attachment of item.attachments ?? []) {
      expect(typeof attachment.url).toBe('string');
      expect(typeof attachment.mime_type).toBe('string');
    }
  }
  return {
    feed,
    title: feed.title,
    links: feed.items.map((i) => i.url!),
    dates: feed.items.map((i) => Date.parse(i.date_published!)),
    raw: feed,
  };
}

const readers = { rss, atom, json: jsonFeed };

/** The query's records, as the catalogue finds them, newest additions first: what a feed must hold. */
async function expectedFeed(query: string, limit = 50) {
  const records = [];
  for await (const batch of listAllPublications(parseCatalogueParams(new URLSearchParams(query)))) records.push(...batch);
  const ids = new Map(
    (await prisma.publication.findMany({ where: { slug: { in: records.map((r) => r.slug) } }, select: { slug: true, id: true } })).map((r) => [r.slug, r.id]),
  );
  records.sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || ids.get(b.slug)! - ids.get(a.slug)!);
  return { total: records.length, newest: records.slice(0, limit) };
}

beforeAll(async () => {
  // The sample was published in one go, milliseconds apart: spread the dates, in an order unrelated to
  // id, year or title, so that an order by anything else fails; two records share each date (ties).
  const rows = await prisma.publication.findMany({ where: { status: 'published' }, select: { id: true }, orderBy: { id: 'asc' } });
  const base = Date.UTC(2025, 0, 1);
  for (const [i, row] of rows.entries()) {
    await prisma.publication.update({ where: { id: row.id }, data: { publishedAt: new Date(base + Math.floor(((i * 37) % rows.length) / 2) * 3_600_000) } });
  }
});

const QUERIES = [
  '',
  'country=NG',
  'region=south-eastern-europe',
  'q=trafficking',
  'q=trafficking&sort=title&page=2',
  'category=handbook&yearFrom=2010',
  'year=2019&year=2014',
  'yearFrom=1900',
  'region=south-eastern-europe&country=NG&yearFrom=2000&yearTo=2020',
];

describe('feeds of a catalogue query', () => {
  it.each(QUERIES)('hold the query’s records newest addition first, at most 50, in all three formats (%s)', async (query) => {
    const { total, newest } = await expectedFeed(query);
    expect(total).toBeGreaterThan(0);
    for (const read of Object.values(readers)) {
      const feed = await read(query);
      expect(feed.links).toEqual(newest.map((p) => detailUrl(p.slug)));
      expect(feed.links.length).toBe(Math.min(50, total));
      expect(feed.dates).toEqual(newest.map((p) => p.publishedAt!.getTime() - (p.publishedAt!.getTime() % (read === rss ? 1000 : 1))));
    }
  });

  it('picks the same newest records whichever way it reads them: few matches, many, small pages, ties', async () => {
    // Small pages make the walk page by keyset and the fallback read in several chunks on the sample.
    const pagings = [undefined, { walkPage: 2, idChunk: 3 }, { walkPage: 7, idChunk: 1 }, { walkPage: 1000, idChunk: 4 }];
    for (const query of [...QUERIES, 'q=handbook', 'year=2009', 'country=NG&country=GH&country=RS']) {
      for (const limit of [1, 3, 50]) {
        const { newest } = await expectedFeed(query, limit);
        for (const paging of pagings) {
          const result = await listNewestPublications(parseCatalogueParams(new URLSearchParams(query)), limit, paging);
          expect(result.items.map((p) => p.slug), `${query} (${limit}, ${JSON.stringify(paging)})`).toEqual(newest.map((p) => p.slug));
        }
      }
    }
  });

  it('describes the query in its title and links to the catalogue page, itself and the other formats', async () => {
    const query = 'year=2019&country=ng&sort=title&page=3&findCountry=ni';
    const nigeria = (await prisma.country.findUniqueOrThrow({ where: { code: 'NG' } })).name;
    const title = `Counter-trafficking publications — ${nigeria}, 2019`;
    const canonical = 'country=NG&year=2019';

    const r = await rss(query);
    expect(r.title).toBe(title);
    expect(r.channel.link).toBe(`${ORIGIN}/?${canonical}`);
    expect((r.channel['atom:link'] as Record<string, string>[])[0]).toMatchObject({ '@_rel': 'self', '@_href': `${ORIGIN}/feed.xml?${canonical}` });

    const a = await atom(query);
    expect(a.title).toBe(title);
    const links = a.feed.link as Record<string, string>[];
    expect(links).toContainEqual({ '@_rel': 'alternate', '@_href': `${ORIGIN}/?${canonical}` });
    expect(links).toContainEqual({ '@_rel': 'self', '@_href': `${ORIGIN}/atom.xml?${canonical}` });
    expect(Date.parse(a.feed.updated as string)).toBe(a.dates[0]);

    const j = await jsonFeed(query);
    expect(j.title).toBe(title);
    expect(j.feed.home_page_url).toBe(`${ORIGIN}/?${canonical}`);
    expect(j.feed.feed_url).toBe(`${ORIGIN}/feed.json?${canonical}`);

    expect((await rss('')).title).toBe('Counter-trafficking publications');
    const spanish = await rss('language=es');
    expect(spanish.title).toBe('Counter-trafficking publications — Spanish');
    expect(spanish.items.length).toBe(await prisma.publication.count({ where: { status: 'published', languages: { some: { code: 'es' } } } }));
    expect((await rss('q=child+labour&yearFrom=2010&yearTo=2015')).title).toBe('Counter-trafficking publications — “child labour”, 2010–2015');
  });

  it('speaks the locale of its path: /fr/feed.xml has French titles, links to the French pages and keeps each record’s identity', async () => {
    const response = await getRss(request('/fr/feed.xml?year=2019&year=2017&yearFrom=2000'), { params: Promise.resolve({ locale: 'fr' }) });
    expect(response.headers.get('content-language')).toBe('fr');
    const text = await response.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const channel = (rssParser.parse(text) as { rss: { channel: Record<string, unknown> & { item: Record<string, unknown>[] } } }).rss.channel;
    // Alternatives joined by the locale's "or"; the years in order.
    expect(channel.title).toBe('Publications sur la lutte contre la traite — 2017 ou 2019, à partir de 2000');
    expect(channel.language).toBe('fr');
    expect(channel.link).toBe(`${ORIGIN}/fr?year=2019&year=2017&yearFrom=2000`);
    expect(channel.description).toMatch(/^Les \d+ publications ajoutées le plus récemment au catalogue/);
    const item = channel.item[0]!;
    expect(item.link).toMatch(new RegExp(`^${ORIGIN}/fr/publications/[a-z0-9-]+$`));
    expect(item.guid).toMatchObject({ '#text': (item.link as string).replace('/fr/', '/') });
    expect(item['content:encoded']).toMatch(/Année\s:\s(2017|2019)/);

    const spanish = await getJsonFeed(request('/es/feed.json?q=zzzznothing'), { params: Promise.resolve({ locale: 'es' }) });
    const feed = (await spanish.json()) as { title: string; description: string; language: string };
    expect(feed).toMatchObject({
      title: 'Publicaciones contra la trata de personas — «zzzznothing»',
      language: 'es',
      description: 'Ninguna publicación del catálogo coincide todavía con esta búsqueda; las nuevas aparecerán aquí.',
    });
    // Without a search, the feed is the catalogue's own.
    const whole = await getRss(request('/fr/feed.xml'), { params: Promise.resolve({ locale: 'fr' }) });
    const wholeChannel = (rssParser.parse(await whole.text()) as { rss: { channel: Record<string, unknown> } }).rss.channel;
    expect(wholeChannel.description).toMatch(/^Les \d+ dernières publications ajoutées au catalogue/);
  });

  it('puts the newest publication first, never a draft, and keeps an unpublished record out', async () => {
    const first = ok(await createPublication(prisma, editor, form({ title: 'Wombatvale shelter study', countries: ['NG'] })));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = ok(await createPublication(prisma, editor, form({ title: 'Wombatvale referral review', countries: ['NG'] })));
    const draft = ok(await createPublication(prisma, editor, form({ title: 'Wombatvale draft notes', countries: ['NG'], status: 'draft' })));
    // Published, then withdrawn: it keeps its publication date, the newest of all, but is a draft again.
    const withdrawn = ok(await createPublication(prisma, editor, form({ title: 'Wombatvale withdrawn memo', countries: ['NG'] })));
    ok(await updatePublication(prisma, editor, withdrawn.id, withdrawn.version, form({ title: 'Wombatvale withdrawn memo', countries: ['NG'], status: 'draft' })));
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: withdrawn.id } })).publishedAt).not.toBeNull();

    const hidden = [draft.slug, withdrawn.slug].map(detailUrl);
    for (const query of ['q=wombatvale', '', 'country=NG']) {
      for (const read of Object.values(readers)) {
        const feed = await read(query);
        expect(feed.links.slice(0, 2)).toEqual([detailUrl(second.slug), detailUrl(first.slug)]);
        for (const url of hidden) expect(feed.links).not.toContain(url);
      }
    }
  });

  it('carries each record’s details: summary, authors, category and countries, and the document as enclosure', async () => {
    const title = 'Fish & chips <b>not bold</b> ]]> Dingoreach';
    const summary = 'Costs < benefits & "quotes" ]]> here.';
    const created = ok(
      await createPublication(
        prisma,
        editor,
        form({
          title,
          summary,
          countries: ['RS', 'AL'],
          category: 'handbook',
          authors: [{ name: 'Ana Feedwriter' }, { name: 'Organisation & Partners' }],
          url: 'https://example.org/docs/dingoreach.pdf?download=1&lang=en',
          languages: ['sr', 'en'],
        }),
      ),
    );
    const plain = ok(await createPublication(prisma, editor, form({ title: 'Dingoreach landing page', url: 'https://example.org/record/42' })));
    const url = 'https://example.org/docs/dingoreach.pdf?download=1&lang=en';
    const countries = (await prisma.country.findMany({ where: { code: { in: ['RS', 'AL'] } }, orderBy: { name: 'asc' } })).map((c) => c.name);
    const category = (await prisma.category.findUniqueOrThrow({ where: { slug: 'handbook' } })).name;

    const r = await rss('q=dingoreach');
    const item = r.items.find((i) => i.link === detailUrl(created.slug))!;
    expect(item.title).toBe(title);
    expect(item.description).toBe('Costs &lt; benefits &amp; &quot;quotes&quot; ]]&gt; here.'); // HTML, as RSS readers read it
    expect(item['dc:creator']).toEqual(['Ana Feedwriter; Organisation & Partners']);
    expect((item.category as { '#text': string }[]).map((c) => c['#text'])).toEqual([category, ...countries]);
    expect(item.enclosure).toMatchObject({ '@_url': url, '@_type': 'application/pdf' });
    expect(r.items.find((i) => i.link === detailUrl(plain.slug))!.enclosure).toMatchObject({ '@_url': 'https://example.org/record/42', '@_type': 'text/html' });

    const a = await atom('q=dingoreach');
    const entry = a.entries.find((e) => e.id === detailUrl(created.slug))!;
    expect(entry.title).toMatchObject({ '@_type': 'html', '#text': 'Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt; ]]&gt; Dingoreach' });
    expect((entry.author as { name: string }[]).map((x) => x.name)).toEqual(['Ana Feedwriter', 'Organisation & Partners']);
    expect((entry.category as Record<string, string>[]).map((c) => c['@_label'])).toEqual([category, ...countries]);
    expect(entry.link).toContainEqual({ '@_rel': 'enclosure', '@_href': url, '@_type': 'application/pdf' });

    const j = await jsonFeed('q=dingoreach');
    const jsonItem = j.feed.items.find((i) => i.id === detailUrl(created.slug))!;
    expect(jsonItem).toMatchObject({
      url: detailUrl(created.slug),
      title,
      summary,
      authors: [{ name: 'Ana Feedwriter' }, { name: 'Organisation & Partners' }],
      tags: [category, ...countries],
      attachments: [{ url, mime_type: 'application/pdf' }],
    });
    expect(jsonItem.content_html).toContain('<p>Costs &lt; benefits &amp; &quot;quotes&quot; ]]&gt; here.</p>');
  });

  it('answers malformed parameters with a valid feed of the cleaned query, never an error', async () => {
    const queries = [
      'country=%%%&year=abc&page=-5&sort=zzz',
      `q=${'x'.repeat(5000)}`,
      'country=ZZ&region=atlantis&category=nope&author=nobody',
      'yearFrom=3000&yearTo=10&page=99999999999999999999',
      'q=%22unclosed&q=second&country=NG,,RS,',
    ];
    for (const query of queries) {
      for (const read of Object.values(readers)) {
        const feed = await read(query);
        expect(feed.links.length).toBeLessThanOrEqual(50);
      }
    }
    // Values that name nothing are ignored: the whole catalogue's feed.
    expect((await rss(queries[2]!)).links).toEqual((await rss('')).links);
  });
});
