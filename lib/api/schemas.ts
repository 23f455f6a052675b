import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR, type Facet } from '@/lib/catalogue/params';
import type { ExportRecord } from '@/lib/export/records';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n/locales';

/**
 * The JSON API's responses, as zod schemas. Route handlers build their bodies with `Schema.encode(value)`:
 * the value is checked against the schema (unknown keys refused) and dates become ISO strings, so a body
 * can only have the shape that the OpenAPI document (lib/api/openapi.ts) derives from these same schemas.
 *
 * Every schema registered with an `id` becomes `#/components/schemas/<id>`; `description`s registered on
 * fields end up in the document too. The document describes the wire form (`io: 'input'` of each codec).
 */
export type ApiMeta = { id?: string; title?: string; description?: string };
export const apiRegistry = z.registry<ApiMeta>();

function component<S extends z.ZodType>(id: string, description: string, schema: S): S {
  apiRegistry.add(schema, { id, description });
  return schema;
}

function described<S extends z.ZodType>(description: string, schema: S): S {
  apiRegistry.add(schema, { description });
  return schema;
}

/** A Date in the code, an ISO 8601 date-time string (UTC) on the wire. */
const dateTime = () =>
  z.codec(z.iso.datetime({ offset: true }), z.date(), {
    decode: (text) => new Date(text),
    encode: (date) => date.toISOString(),
  });

export const NamedSchema = component(
  'Named',
  'A region, category or author: the slug used in catalogue URLs, and the display name.',
  z.strictObject({
    slug: z.string().min(1),
    name: z.string(),
  }),
);

export const CountrySchema = component(
  'Country',
  'A country: ISO 3166-1 alpha-2 code (XK for Kosovo) and English name.',
  z.strictObject({
    code: z.string().regex(/^[A-Z]{2}$/),
    name: z.string(),
  }),
);

const languageCode = () => z.string().regex(/^[a-z]{2}$/);

export const PublicationItemSchema = component(
  'PublicationItem',
  'A publication as listed in search results.',
  z.strictObject({
    slug: described('Identifies the publication: `/api/publications/{slug}`, `/publications/{slug}`.', z.string().min(1)),
    title: z.string(),
    summary: z.string(),
    year: described('Year of publication, if known.', z.int().min(MIN_YEAR).max(MAX_YEAR).nullable()),
    category: NamedSchema.nullable(),
    countries: described('Countries covered, by name.', z.array(CountrySchema)),
    regions: described('Regions covered, by name.', z.array(NamedSchema)),
    authors: described('Authors and organisations, in credit order.', z.array(NamedSchema)),
    languages: described(
      'ISO 639-1 codes of the languages it is written in, the main language first.',
      z.array(languageCode()),
    ),
  }),
);

export const DocumentMatchSchema = component(
  'DocumentMatch',
  'Where `q` matches in an attached document of the publication: given when some of the query matches nowhere else on the result (title, names, summary).',
  z.strictObject({
    page: described('The page of the match, from 1; null for a document without pages (DOCX, plain text).', z.int().min(1).nullable()),
    snippet: described('HTML: an escaped excerpt of the document around the match, the matching words in `<mark>` elements.', z.string()),
  }),
);

export const SnippetsSchema = component(
  'Snippets',
  'HTML: the escaped title and an excerpt of the summary, with the words that matched `q` in `<mark>` elements.',
  z.strictObject({
    title: z.string(),
    summary: z.string(),
    document: described('Null unless part of the query matches only in an attached document.', DocumentMatchSchema.nullable()),
  }),
);

export const PublicationListItemSchema = component(
  'PublicationListItem',
  'A search result: the publication, and its snippets when there is a text query.',
  PublicationItemSchema.extend({
    snippets: described('Null without a text query (`q`).', SnippetsSchema.nullable()),
    translations: described(
      'With `translations=grouped` (the default): the other published publications of the same work that match the query too, each in its main language. Empty otherwise.',
      z.array(z.strictObject({ slug: z.string().min(1), language: languageCode() })),
    ),
  }),
);

export const FacetValueSchema = component(
  'FacetValue',
  "One value of a filter: what it matches with every other filter applied, and whether it is selected.",
  z.strictObject({
    value: described('The value as it goes in the URL (country code, slug or year).', z.string()),
    label: z.string(),
    count: described('Publications the result set would have with this value added.', z.int().min(0)),
    selected: z.boolean(),
  }),
);

const facetValues = (description: string) => described(description, z.array(FacetValueSchema));

export const FacetsSchema = component(
  'Facets',
  'Counts for each filter (at most 50 values each; `findCountry` / `findAuthor` narrow the two long ones).',
  z.strictObject({
    country: facetValues('Countries, most publications first.'),
    region: facetValues('Regions, most publications first.'),
    category: facetValues('Categories, most publications first.'),
    author: facetValues('Authors, most publications first.'),
    language: facetValues('Languages (ISO 639-1 code, English name), most publications first; a publication in two languages counts in both.'),
    year: facetValues('Years, newest first.'),
  } satisfies Record<Facet, z.ZodType>),
);

export const PublicationListSchema = component(
  'PublicationList',
  'One page of a catalogue query.',
  z.strictObject({
    total: described('Publications matching the query, on all pages.', z.int().min(0)),
    results: described(
      'Results on all pages: `total`, less the translations grouped under another member of their work (see `translations`).',
      z.int().min(0),
    ),
    page: described('The page returned (a page past the end gives the last page).', z.int().min(1)),
    pageSize: z.int().min(1),
    correction: described(
      'The spelling correction searched in place of `q` (a word finding almost nothing replaced by a close word of the catalogue), ' +
        'null when `q` was searched as typed; `literal=1` turns it off. The counts are those of the corrected query.',
      z
        .strictObject({
          q: described('The query searched.', z.string()),
          words: z.array(z.strictObject({ from: described('A word of `q` (folded).', z.string()), to: described('The word searched instead.', z.string()) })),
        })
        .nullable(),
    ),
    suggestions: described(
      '"Did you mean": when nothing matches, other queries (one word replaced by a close word) that match something, the most matches first; ' +
        'otherwise the query with its rare words replaced by close words that find far more, if any.',
      z.array(z.string()),
    ),
    items: z.array(PublicationListItemSchema),
    facets: FacetsSchema,
  }),
);

/** The query of GET /api/suggest: what the search box holds so far. */
export const SuggestParamsSchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .transform((q) => q.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(2, { error: 'q needs at least 2 characters' }).max(100, { error: 'q is at most 100 characters' })),
  locale: z.enum(LOCALES, { error: `locale is one of ${LOCALES.join(', ')}` }).default(DEFAULT_LOCALE),
});

const SuggestedValueSchema = z.strictObject({
  value: described('The filter value (an author slug, an ISO 3166-1 country code), as `/?author=` or `/?country=` takes it.', z.string()),
  label: described('Its name, in the requested locale.', z.string()),
  count: described('Published publications with it.', z.int().min(1)),
});

export const SuggestionsSchema = component(
  'Suggestions',
  'Type-ahead suggestions for the search box: every word typed starts a word of the title or name (the last may be unfinished).',
  z.strictObject({
    titles: described(
      'Published publications, titles beginning with the words first, then the newest.',
      z.array(z.strictObject({ slug: z.string().min(1), title: z.string() })),
    ),
    authors: described('Authors, most publications first.', z.array(SuggestedValueSchema)),
    countries: described('Countries (by their name in the locale or in English), most publications first.', z.array(SuggestedValueSchema)),
  }),
);

export const TranslationSchema = component(
  'Translation',
  'Another published publication of the same work, in another language.',
  z.strictObject({
    slug: described('Identifies it: `/api/publications/{slug}`, `/publications/{slug}`.', z.string().min(1)),
    title: z.string(),
    language: described('ISO 639-1 code of its main language (no two translations of a work share one).', languageCode()),
  }),
);

export const HostedFileSchema = component(
  'HostedFile',
  'A file attached to a publication and hosted by the catalogue.',
  z.strictObject({
    id: z.number().int(),
    fileName: described('The name it downloads as.', z.string()),
    label: described('What the file is ("Full report", "Executive summary").', z.string()),
    language: described('ISO 639-1 code of its language, if said.', z.string().nullable()),
    mediaType: described('application/pdf, the Word (.docx) type or text/plain: checked from the content.', z.string()),
    size: described('Bytes.', z.number().int()),
    pageCount: described('Pages (PDF), if known.', z.number().int().nullable()),
    hasCover: described('Whether a picture of its first page is at `path` with `cover.png` in place of the file name.', z.boolean()),
    path: described('Where it is downloaded from on this site (byte ranges supported).', z.string()),
  }),
);

export const PublicationDetailSchema = component(
  'PublicationDetail',
  'One publication with all its fields.',
  PublicationItemSchema.extend({
    url: described("The publication's own web address (http or https), if known.", z.string().nullable()),
    translations: described(
      'The same work in other languages: the other published publications of its translation group, by language code. Empty when there are none.',
      z.array(TranslationSchema),
    ),
    createdAt: described('When the record was created in the catalogue.', dateTime()),
    updatedAt: described('When the record was last changed.', dateTime()),
    publishedAt: described('When the record was first published in the catalogue, if recorded.', dateTime().nullable()),
    files: described('The files attached to the record (the publication itself, other editions), the main document first. Empty when there are none.', z.array(HostedFileSchema)),
  }),
);

export const ErrorSchema = component(
  'Error',
  'What went wrong, in English.',
  z.strictObject({ error: z.string() }),
);

/** The export's record: the import's format (lib/import), so an export can be imported again. */
export const ExportRecordSchema = component(
  'ExportRecord',
  "A publication as the exports write it, in the import's format: codes, slugs and names instead of objects.",
  z.strictObject({
    title: z.string(),
    summary: z.string(),
    countries: described('ISO 3166-1 alpha-2 codes.', z.array(z.string().regex(/^[A-Z]{2}$/))),
    regions: described('Region slugs.', z.array(z.string())),
    authors: described('Author names, in credit order.', z.array(z.string())),
    year: z.int().nullable(),
    category: described('Category slug.', z.string().nullable()),
    languages: described('ISO 639-1 codes, the main language first.', z.array(languageCode())),
    url: z.string().nullable(),
    slug: z.string().min(1),
    translationGroup: described(
      'Publications with the same value are translations of one work (the value is the first of their slugs); null when it has none.',
      z.string().nullable(),
    ),
  }),
);

export const PublicationExportSchema = component(
  'PublicationExport',
  'Every publication a catalogue query matches, in catalogue order, one record a line.',
  z.array(ExportRecordSchema),
);

export const OpenApiDocumentSchema = component(
  'OpenApiDocument',
  'An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0).',
  z.looseObject({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
);

// The export's record type is declared in lib/export/records.ts; this fails to compile if the two part.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const exportRecordMatches: Same<z.output<typeof ExportRecordSchema>, ExportRecord> = true;
void exportRecordMatches;

/** CSL-JSON, the citation processors' interchange format (citeproc-js, Zotero, Pandoc). */
export const CslItemsSchema = component(
  'CslItems',
  'CSL-JSON items (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html): organisations as one `literal` name.',
  z.array(
    z.looseObject({
      id: z.string(),
      type: z.enum(['report', 'book', 'article-journal']),
      title: z.string(),
      author: z.array(z.union([z.strictObject({ literal: z.string() }), z.strictObject({ family: z.string(), given: z.string().optional() })])).optional(),
      issued: z.strictObject({ 'date-parts': z.array(z.array(z.int())) }).optional(),
      language: languageCode().optional(),
      URL: z.string().optional(),
    }),
  ),
);

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), as far as the catalogue's feeds fill it. */
export const JsonFeedSchema = component(
  'JsonFeed',
  "A catalogue query's newest additions as JSON Feed 1.1.",
  z.looseObject({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string(),
    home_page_url: z.string(),
    feed_url: z.string(),
    items: z.array(
      z.looseObject({
        id: z.string(),
        url: z.string(),
        title: z.string(),
        summary: z.string().optional(),
        date_published: z.string(),
        authors: z.array(z.looseObject({ name: z.string() })).optional(),
        language: languageCode().optional(),
      }),
    ),
  }),
);
