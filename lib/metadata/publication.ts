import type { PublicationDetail } from '@/lib/data/catalogue';
import { isPdfUrl } from '@/lib/documents';
import { mainPdf } from '@/lib/files/hosted';
import { entryType, type CslType } from '@/lib/citation/csl';
import { isOrganisation } from '@/lib/citation/names';

/**
 * What a detail page tells machines about its record: Highwire Press tags (Google Scholar, Zotero),
 * Dublin Core, and schema.org JSON-LD. Pure functions of the record and its page's absolute URL.
 */

export const SITE_NAME = 'Counter-Trafficking Publications Catalogue';

type Tags = Record<string, string | string[]>;

/** The schema.org type of each citation entry type (the one classification of categories, lib/citation/csl.ts). */
const SCHEMA_TYPES: Record<CslType, string> = { report: 'Report', book: 'Book', 'article-journal': 'ScholarlyArticle' };

export function schemaTypeOf(categorySlug: string | null): string {
  return SCHEMA_TYPES[entryType(categorySlug)];
}

/**
 * The Dublin Core type words Zotero's embedded-metadata translator maps to its item types: without one it
 * takes any page with `citation_title` for a journal article.
 */
const DC_TYPES: Record<CslType, string> = { report: 'report', book: 'book', 'article-journal': 'journalArticle' };

/** OpenGraph's object type: `book` for books, `article` for the rest. */
export function openGraphTypeOf(categorySlug: string | null): 'book' | 'article' {
  return entryType(categorySlug) === 'book' ? 'book' : 'article';
}

/** The publisher, where the record names one: its first organisation author (citations name them all). */
export function publisherOf(p: Pick<PublicationDetail, 'authors'>): string | null {
  return p.authors.find((a) => isOrganisation(a.name))?.name ?? null;
}

const nonEmpty = (tags: Record<string, string | string[] | null | undefined>): Tags =>
  Object.fromEntries(Object.entries(tags).filter(([, v]) => v !== null && v !== undefined && v.length > 0)) as Tags;

/** The PDF to point citation tools at: the first one the catalogue hosts, else the record's own address when it names a PDF. */
export function pdfUrlOf(p: PublicationDetail, pageUrl: string): string | null {
  const hosted = mainPdf(p.files);
  if (hosted) return new URL(hosted.path, pageUrl).toString();
  return p.url && isPdfUrl(p.url) ? p.url : null;
}

/** Highwire Press `citation_*` tags, one `citation_author` per author in credited order. */
export function highwireTags(p: PublicationDetail, pageUrl: string): Tags {
  const publisher = publisherOf(p);
  return nonEmpty({
    citation_title: p.title,
    citation_author: p.authors.map((a) => a.name),
    citation_publication_date: p.year === null ? null : String(p.year),
    citation_language: p.languages,
    citation_abstract_html_url: pageUrl,
    citation_pdf_url: pdfUrlOf(p, pageUrl),
    citation_publisher: publisher,
    citation_technical_report_institution: publisher && schemaTypeOf(p.category?.slug ?? null) === 'Report' ? publisher : null,
    citation_keywords: [p.category?.name, ...p.countries.map((c) => c.name), ...p.regions.map((r) => r.name)].filter((k): k is string => !!k).join('; '),
  });
}

/** Dublin Core (`DC.*`, with the page's `<link rel="schema.DC">`). */
export function dublinCoreTags(p: PublicationDetail, pageUrl: string): Tags {
  return nonEmpty({
    'DC.title': p.title,
    'DC.creator': p.authors.map((a) => a.name),
    'DC.date': p.year === null ? null : String(p.year),
    'DC.language': p.languages,
    'DC.description': p.summary,
    'DC.type': [DC_TYPES[entryType(p.category?.slug ?? null)], ...(p.category ? [p.category.name] : [])],
    'DC.coverage': [...p.countries.map((c) => c.name), ...p.regions.map((r) => r.name)],
    'DC.publisher': publisherOf(p),
    'DC.identifier': [pageUrl, ...(p.url ? [p.url] : []), ...p.files.map((f) => new URL(f.path, pageUrl).toString())],
  });
}

export const DUBLIN_CORE_SCHEMA = 'http://purl.org/dc/elements/1.1/';

/** schema.org JSON-LD for the record, part of the catalogue. */
export function publicationJsonLd(p: PublicationDetail, pageUrl: string, origin: string): Record<string, unknown> {
  const publisher = publisherOf(p);
  return {
    '@context': 'https://schema.org',
    '@type': schemaTypeOf(p.category?.slug ?? null),
    '@id': pageUrl,
    url: pageUrl,
    name: p.title,
    headline: p.title.slice(0, 110),
    abstract: p.summary,
    author: p.authors.map((a) => ({ '@type': isOrganisation(a.name) ? 'Organization' : 'Person', name: a.name })),
    ...(publisher && { publisher: { '@type': 'Organization', name: publisher } }),
    ...(p.year !== null && { datePublished: String(p.year) }),
    ...(p.languages.length > 0 && { inLanguage: p.languages.length === 1 ? p.languages[0] : p.languages }),
    ...(p.countries.length + p.regions.length > 0 && {
      spatialCoverage: [
        ...p.countries.map((c) => ({ '@type': 'Country', name: c.name, identifier: c.code })),
        ...p.regions.map((r) => ({ '@type': 'Place', name: r.name })),
      ],
    }),
    ...(p.category && { genre: p.category.name }),
    ...(p.url && { associatedMedia: { '@type': 'MediaObject', contentUrl: p.url, ...(isPdfUrl(p.url) && { encodingFormat: 'application/pdf' }) } }),
    // The files the catalogue hosts: the work's own encodings (schema.org CreativeWork.encoding).
    ...(p.files.length > 0 && {
      encoding: p.files.map((f) => ({
        '@type': 'MediaObject',
        name: f.label,
        contentUrl: new URL(f.path, origin).toString(),
        encodingFormat: f.mediaType,
        contentSize: `${f.size} B`,
        ...(f.language && { inLanguage: f.language }),
        ...(f.hasCover && { thumbnailUrl: new URL(f.path.replace(/\/[^/]+$/, '/cover.png'), origin).toString() }),
      })),
    }),
    dateModified: p.updatedAt.toISOString(),
    isPartOf: { '@type': 'DataCatalog', name: SITE_NAME, url: `${origin}/` },
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped as \u sequences (so no text
 * can close the script or open a comment), and the line separators JavaScript once rejected.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
