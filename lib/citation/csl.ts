import { cslName, isOrganisation, type CslName } from './names';

/**
 * What a citation needs of a publication. PublicationDetail (lib/data/catalogue.ts) satisfies it; tests
 * build it by hand, without a database.
 */
export type CitablePublication = {
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  category: { slug: string } | null;
  authors: { name: string }[];
  /** ISO 639-1 codes, main language first. */
  languages: string[];
  url: string | null;
};

export type CslType = 'report' | 'book' | 'article-journal';

/** A CSL-JSON item, as far as the catalogue fills it. */
export type CslItem = {
  id: string;
  type: CslType;
  title: string;
  author?: CslName[];
  publisher?: string;
  issued?: { 'date-parts': [[number]] };
  language?: string;
  URL?: string;
  abstract?: string;
  note?: string;
};

// Handbooks, manuals, guides and toolkits are books; assessments, studies, briefs, analyses and reports are reports.
const BOOK_CATEGORIES = new Set(['handbook', 'manual', 'guidance', 'guide', 'guidelines', 'training-material', 'toolkit']);
const ARTICLE_CATEGORIES = new Set(['article', 'journal-article']);

/** The CSL entry type of a category slug; anything unknown (or no category) is a report. */
export function entryType(categorySlug: string | null | undefined): CslType {
  if (!categorySlug) return 'report';
  if (BOOK_CATEGORIES.has(categorySlug)) return 'book';
  if (ARTICLE_CATEGORIES.has(categorySlug)) return 'article-journal';
  return 'report';
}

/** The publication's page in the catalogue, absolute. */
export function recordUrl(origin: string, slug: string): string {
  return new URL(`/publications/${encodeURIComponent(slug)}`, origin).toString();
}

/**
 * The publication as CSL-JSON. Authors keep their credit order; organisations among them are the
 * publisher (a report's institution, a book's publisher). The source URL is the item's URL; the catalogue
 * page is in the note, and is the URL too when there is no source.
 */
export function toCsl(publication: CitablePublication, { origin }: { origin: string }): CslItem {
  const page = recordUrl(origin, publication.slug);
  const type = entryType(publication.category?.slug);
  const organisations = publication.authors.map((a) => a.name).filter((name) => isOrganisation(name));
  const item: CslItem = { id: publication.slug, type, title: publication.title };
  if (publication.authors.length > 0) item.author = publication.authors.map((a) => cslName(a.name));
  // A journal article's organisations are its authors' affiliations, not its publisher.
  if (organisations.length > 0 && type !== 'article-journal') item.publisher = organisations.join('; ');
  if (publication.year !== null) item.issued = { 'date-parts': [[publication.year]] };
  if (publication.languages[0]) item.language = publication.languages[0];
  item.URL = publication.url ?? page;
  if (publication.summary) item.abstract = publication.summary;
  item.note = `Catalogue record: ${page}`;
  return item;
}
