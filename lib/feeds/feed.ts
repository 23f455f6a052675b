import { Feed, type Item } from 'feed';
import { hasFilters } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { recordUrl } from '@/lib/citation/csl';
import type { NewestPublications, PublicationDetail } from '@/lib/data/catalogue';
import { isPdfUrl } from '@/lib/documents';
import { mainPdf } from '@/lib/files/hosted';
import { translator } from '@/lib/i18n/messages';
import { DEFAULT_LOCALE, localePath, type Locale } from '@/lib/i18n/routing';
import { escapeHtml } from '@/lib/search/highlight';
import { feedHref, feedParams, feedTitle, type FeedFormat } from './links';

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of a catalogue query's newest additions, written by the `feed`
 * library. Three gaps of feed@6.0.0 are filled here, each checked by tests/integration/feeds.test.ts:
 * its JSON is JSON Feed 1.0 (one `author`, no attachments), so it is brought to 1.1; its Atom enclosure
 * links are typed `image/<extension>` whatever the type given, so they get the document's type; and RSS's
 * `<author>` must be an e-mail address, so authors go in `dc:creator` (its namespace is declared when an
 * item has `content`, which every item has).
 */

/** The document's media type: PDF when its path says so, else the repository's page about it. */
export function documentType(url: string): string {
  return isPdfUrl(url) ? 'application/pdf' : 'text/html';
}

/**
 * The document the feed's item carries: the first file the catalogue hosts (PDF first), else the record's own
 * address when it is an absolute http(s) URL (the library parses every link).
 */
function enclosureOf(p: PublicationDetail, origin: string): { url: string; type: string; length?: number } | null {
  const hosted = mainPdf(p.files) ?? p.files[0];
  if (hosted) return { url: new URL(hosted.path, origin).toString(), type: hosted.mediaType, length: hosted.size };
  const url = documentUrl(p);
  return url ? { url, type: documentType(url) } : null;
}

function documentUrl(p: PublicationDetail): string | null {
  if (!p.url) return null;
  try {
    const url = new URL(p.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The item's HTML body: summary, then who, where and the document. */
function contentHtml(p: PublicationDetail, document: string | null, t: FeedText): string {
  const facts = [
    p.authors.length > 0 && t('by', { names: p.authors.map((a) => escapeHtml(a.name)).join(', ') }),
    p.year !== null && t('year', { year: String(p.year) }),
    p.category && t('category', { name: escapeHtml(p.category.name) }),
    p.countries.length > 0 && t('countries', { names: p.countries.map((c) => escapeHtml(c.name)).join(', ') }),
    document && `<a href="${escapeHtml(document)}">${t('document')}</a>`,
  ].filter(Boolean);
  return `<p>${escapeHtml(p.summary)}</p>${facts.length > 0 ? `<p>${facts.join('<br>')}</p>` : ''}`;
}

type FeedText = ReturnType<typeof translator<'Feed'>>;

function itemOf(p: PublicationDetail, origin: string, format: FeedFormat, locale: Locale, t: FeedText): Item {
  // The record's identity is its page's canonical (unprefixed) URL in every language; the link is the page in the feed's.
  const id = recordUrl(origin, p.slug);
  const link = new URL(localePath(locale, new URL(id).pathname), origin).toString();
  const enclosure = enclosureOf(p, origin);
  const document = enclosure?.url ?? null;
  const scheme = (facet: string) => new URL(`/?${facet}=`, origin).toString();
  const html = format === 'atom'; // Atom titles and summaries are typed "html"
  // Atom puts the name in an attribute, where feed@6.0.0 escapes & and " but not <.
  const label = (name: string) => (html ? name.replace(/</g, '‹') : name);
  return {
    title: html ? escapeHtml(p.title) : p.title,
    id,
    link,
    date: p.publishedAt!,
    published: p.publishedAt!,
    description: format === 'json' ? p.summary : escapeHtml(p.summary),
    content: contentHtml(p, document, t),
    ...(format === 'rss'
      ? p.authors.length > 0 && { extensions: [{ name: 'dc:creator', objects: { _text: p.authors.map((a) => a.name).join('; ') } }] }
      : p.authors.length > 0 && { author: p.authors.map((a) => ({ name: a.name })) }), // json1() fails on []
    category: [
      ...(p.category ? [{ name: label(p.category.name), term: p.category.slug, domain: scheme('category'), scheme: scheme('category') }] : []),
      ...p.countries.map((c) => ({ name: label(c.name), term: c.code, domain: scheme('country'), scheme: scheme('country') })),
    ],
    ...(enclosure && { enclosure }),
  };
}

/** The feed document of a query's newest additions, with absolute URLs on `origin`. */
export function renderFeed(format: FeedFormat, result: NewestPublications, origin: string, locale: Locale = DEFAULT_LOCALE): string {
  const absolute = (href: string) => new URL(localePath(locale, href), origin).toString();
  const t = translator(locale, 'Feed');
  const feed = new Feed({
    id: absolute(feedHref('atom', result.params)),
    title: feedTitle(result, locale),
    description: t(hasFilters(result.params) ? 'description' : 'descriptionAll', { count: result.items.length }),
    language: locale,
    link: absolute(catalogueHref(feedParams(result.params))),
    feedLinks: {
      rss: absolute(feedHref('rss', result.params)),
      atom: absolute(feedHref('atom', result.params)),
      json: absolute(feedHref('json', result.params)),
    },
    updated: result.items[0]?.publishedAt ?? new Date(),
    generator: false,
  });
  for (const p of result.items) feed.addItem(itemOf(p, origin, format, locale, t));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') {
    const types = new Map(result.items.flatMap((p) => { const e = enclosureOf(p, origin); return e ? [[e.url, e.type] as const] : []; }));
    return withEnclosureTypes(feed.atom1(), types);
  }
  return toJsonFeed11(feed.json1(), result.items, origin, locale);
}

const decodeXmlAttribute = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** feed@6.0.0 types every Atom enclosure link `image/<extension>`; each gets its document's type. */
function withEnclosureTypes(atom: string, types: Map<string, string>): string {
  return atom.replace(/<link rel="enclosure" href="([^"]*)"([^>]*?) type="[^"]*"/g, (_, href: string, rest: string) => {
    const url = decodeXmlAttribute(href);
    return `<link rel="enclosure" href="${href}"${rest} type="${types.get(url) ?? documentType(url)}"`;
  });
}

type JsonFeedItem = Record<string, unknown> & { id: string };

/** feed@6.0.0 writes JSON Feed 1.0: 1.1 has `authors` (every author, not the first), attachments and language. */
function toJsonFeed11(json: string, items: PublicationDetail[], origin: string, locale: Locale): string {
  const feed = JSON.parse(json) as Record<string, unknown> & { items: JsonFeedItem[] };
  const byUrl = new Map(items.map((p) => [recordUrl(origin, p.slug), p]));
  const upgraded = {
    ...feed,
    version: 'https://jsonfeed.org/version/1.1',
    language: locale,
    items: feed.items.map((written) => {
      const item: JsonFeedItem = { ...written };
      delete item.author; // 1.0's single author, replaced by `authors`
      const p = byUrl.get(item.id)!;
      const enclosure = enclosureOf(p, origin);
      return {
        ...item,
        ...(p.authors.length > 0 && { authors: p.authors.map((a) => ({ name: a.name })) }),
        ...(p.languages[0] && { language: p.languages[0] }),
        ...(enclosure && { attachments: [{ url: enclosure.url, mime_type: enclosure.type, ...(enclosure.length && { size_in_bytes: enclosure.length }) }] }),
      };
    }),
  };
  return JSON.stringify(upgraded, null, 2);
}
