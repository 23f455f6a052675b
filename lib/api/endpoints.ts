import { z } from 'zod';
import {
  FIND_PARAM,
  FINDABLE_FACETS,
  MAX_FIND_LENGTH,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  MAX_VALUES_PER_FACET,
  MAX_YEAR,
  MIN_YEAR,
  PAGE_SIZE,
  SORTS,
  TRANSLATION_VIEWS,
} from '@/lib/catalogue/params';
import { CITATION_STYLES, formatReference, STYLE_LABELS, toBibtex, toCsl, toRis } from '@/lib/citation';
import { EMPTY_PARAMS } from '@/lib/catalogue/params';
import { CSV_HEADER, csvRow, toExportRecord } from '@/lib/export/records';
import { renderFeed } from '@/lib/feeds/feed';
import { FEED_LINK_TYPES, FEED_PATHS, type FeedFormat } from '@/lib/feeds/links';
import {
  CslItemsSchema,
  ErrorSchema,
  JsonFeedSchema,
  OpenApiDocumentSchema,
  PublicationDetailSchema,
  PublicationExportSchema,
  PublicationListSchema,
  SuggestionsSchema,
} from './schemas';
import { LOCALES } from '@/lib/i18n/locales';

/**
 * Every public endpoint, described once. The OpenAPI document (lib/api/openapi.ts, served at
 * /api/openapi.json) and the /api page are both generated from this list, and the end-to-end spec
 * (tests/e2e/openapi.spec.ts) requests every example below and checks each answer against the document.
 *
 * To document a new endpoint, add one `ApiEndpoint` to `API_ENDPOINTS` (feeds, citations and OAI-PMH are
 * plain text: use `textContent` with their media type, e.g. 'application/rss+xml', 'application/x-bibtex').
 * JSON bodies need a schema registered in lib/api/schemas.ts, which the route handler encodes with.
 */

export type ParameterExample = string | number | boolean | readonly (string | number)[];

/** How an example value goes in a URL: lists as comma-separated values. */
export function exampleInUrl(example: ParameterExample): string {
  return Array.isArray(example) ? example.join(',') : String(example);
}

export type ApiParameter = {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description: string;
  /** The values the endpoint understands; the description says what happens to others. */
  schema: z.ZodType;
  /** Several values: repeat the parameter (`country=RS&country=BA`) or separate them with commas. */
  repeatable?: boolean;
  example: ParameterExample;
};

export type ApiContent =
  | { kind: 'json'; mediaType: string; schema: z.ZodType; example: unknown }
  | { kind: 'text'; mediaType: string; example: string };

export type ApiResponse = {
  status: number;
  description: string;
  content: ApiContent[];
  headers?: Record<string, { description: string; example: string }>;
};

/** A request that works on the sample data: shown on /api, requested by the end-to-end spec. */
export type ApiExample = { title: string; href: string };

export type ApiEndpoint = {
  operationId: string;
  method: 'get';
  /** OpenAPI path template, e.g. `/api/publications/{slug}`. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  parameters: ApiParameter[];
  responses: ApiResponse[];
  examples: ApiExample[];
};

/** A JSON body; the example is typed (and unit-tested) against the schema's wire form. */
export function jsonContent<S extends z.ZodType>(schema: S, example: z.input<S>, mediaType = 'application/json'): ApiContent {
  return { kind: 'json', mediaType, schema, example };
}

export function textContent(mediaType: string, example: string): ApiContent {
  return { kind: 'text', mediaType, example };
}

const slugValue = () => z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const year = () => z.int().min(MIN_YEAR).max(MAX_YEAR);
const list = <S extends z.ZodType>(item: S) => z.array(item).max(MAX_VALUES_PER_FACET);

/** The catalogue's parameters (lib/catalogue/params.ts), shared by `/` and every result-set endpoint. */
export const CATALOGUE_PARAMETERS: ApiParameter[] = [
  {
    name: 'q',
    in: 'query',
    required: false,
    description:
      'Words in the title, summary and names, case- and accent-insensitive, with English word endings ignored (French and Spanish ones too in titles in those languages). ' +
      'Words are AND\'d; `"exact phrase"`, `-word` excludes, `word*` matches a prefix, `OR` between alternatives. ' +
      `Longer than ${MAX_QUERY_LENGTH} characters is cut.`,
    schema: z.string().max(MAX_QUERY_LENGTH),
    example: '"referral mechanism" -child',
  },
  {
    name: 'country',
    in: 'query',
    required: false,
    description: 'ISO 3166-1 alpha-2 codes, any case (Kosovo is `XK`). Values within a filter are OR\'d, filters AND\'d.',
    schema: list(z.string().regex(/^[A-Za-z]{2}$/)),
    repeatable: true,
    example: ['RS', 'BA'],
  },
  {
    name: 'region',
    in: 'query',
    required: false,
    description: 'Region slugs; a region matches publications tagged with it or with one of its countries.',
    schema: list(slugValue()),
    repeatable: true,
    example: ['south-eastern-europe'],
  },
  {
    name: 'category',
    in: 'query',
    required: false,
    description: 'Category slugs.',
    schema: list(slugValue()),
    repeatable: true,
    example: ['handbook', 'needs-assessment'],
  },
  {
    name: 'author',
    in: 'query',
    required: false,
    description: 'Author slugs (people and organisations).',
    schema: list(slugValue()),
    repeatable: true,
    example: ['international-organization-for-migration'],
  },
  {
    name: 'language',
    in: 'query',
    required: false,
    description: 'ISO 639-1 language codes, any case; a publication matches when it is in any of them (codes no language has are ignored).',
    schema: list(z.string().regex(/^[A-Za-z]{2}$/)),
    repeatable: true,
    example: ['fr', 'es'],
  },
  {
    name: 'year',
    in: 'query',
    required: false,
    description: `Years of publication; out of ${MIN_YEAR}–${MAX_YEAR} is clamped.`,
    schema: list(year()),
    repeatable: true,
    example: [2014, 2017],
  },
  {
    name: 'yearFrom',
    in: 'query',
    required: false,
    description: 'First year of a range (inclusive); a reversed range is swapped.',
    schema: year(),
    example: 2010,
  },
  {
    name: 'yearTo',
    in: 'query',
    required: false,
    description: 'Last year of a range (inclusive).',
    schema: year(),
    example: 2020,
  },
  {
    name: 'sort',
    in: 'query',
    required: false,
    description: '`relevance` (only with `q`, and then the default), `newest` (the default without `q`), `oldest` or `title`.',
    schema: z.enum(SORTS),
    example: 'title',
  },
  {
    name: 'translations',
    in: 'query',
    required: false,
    description:
      '`grouped` (the default): the translations of one work make one result, its best-ranked matching member, whose `translations` ' +
      'name the others that match; `separate`: one result per publication. Counts (`total`, facets) always count publications; ' +
      '`results` and the pages count results. Exports and feeds list every publication either way.',
    schema: z.enum(TRANSLATION_VIEWS),
    example: 'separate',
  },
  {
    name: 'literal',
    in: 'query',
    required: false,
    description:
      '`true` (or `1`): search the words of `q` as typed. Otherwise a word that finds nothing is replaced by the closest word of the ' +
      'catalogue that finds many (one or two letters off), and the list\'s `correction` says so.',
    schema: z.boolean(),
    example: true,
  },
  {
    name: 'page',
    in: 'query',
    required: false,
    description: `Page of ${PAGE_SIZE} results; clamped to 1–${MAX_PAGE}, and a page past the end gives the last page.`,
    schema: z.int().min(1).max(MAX_PAGE),
    example: 2,
  },
  ...FINDABLE_FACETS.map(
    (facet): ApiParameter => ({
      name: FIND_PARAM[facet],
      in: 'query',
      required: false,
      description: `Narrows the ${facet} facet's values to those whose name contains this text; results are unaffected.`,
      schema: z.string().max(MAX_FIND_LENGTH),
      example: facet === 'country' ? 'bos' : 'berman',
    }),
  ),
];

/** The values of the query parameters that matter to an export (finding facet values does not). */
const EXPORT_PARAMETERS = CATALOGUE_PARAMETERS.filter((p) => !['page', 'translations', 'findCountry', 'findAuthor'].includes(p.name));

const SLUG_PARAMETER: ApiParameter = {
  name: 'slug',
  in: 'path',
  required: true,
  description: 'The publication\'s slug, as in its page\'s address and in `items[].slug` of a list.',
  schema: z.string().min(1),
  example: 'needs-assessment-human-trafficking-in-the-western-balkans',
};

// Example bodies: a record of the sample data, trimmed to one or two values per list; the counts are illustrative.
const exampleItem = {
  slug: 'needs-assessment-human-trafficking-in-the-western-balkans',
  title: 'Needs Assessment: Human trafficking in the Western Balkans',
  summary:
    'A regional assessment, commissioned through the IOM Development Fund in 2013, of how six Western Balkan jurisdictions identify, refer and support trafficked persons. …',
  year: 2014,
  category: { slug: 'needs-assessment', name: 'Needs Assessment' },
  countries: [
    { code: 'AL', name: 'Albania' },
    { code: 'RS', name: 'Serbia' },
  ],
  regions: [{ slug: 'south-eastern-europe', name: 'South Eastern Europe' }],
  authors: [
    { slug: 'jacqueline-berman', name: 'Jacqueline Berman' },
    { slug: 'donatella-bradic', name: 'Donatella Bradic' },
  ],
  languages: ['en'],
};

const facetExample = (value: string, label: string, count: number, selected = false) => ({ value, label, count, selected });

const LIST_EXAMPLE: z.input<typeof PublicationListSchema> = {
  total: 12,
  results: 11,
  page: 1,
  pageSize: PAGE_SIZE,
  correction: null,
  suggestions: [],
  items: [{ ...exampleItem, snippets: null, translations: [] }],
  facets: {
    country: [facetExample('RS', 'Serbia', 12, true), facetExample('BA', 'Bosnia and Herzegovina', 3)],
    region: [facetExample('south-eastern-europe', 'South Eastern Europe', 12)],
    category: [facetExample('needs-assessment', 'Needs Assessment', 2)],
    author: [facetExample('jacqueline-berman', 'Jacqueline Berman', 1)],
    language: [facetExample('en', 'English', 12)],
    year: [facetExample('2014', '2014', 3)],
  },
};

const DETAIL_EXAMPLE: z.input<typeof PublicationDetailSchema> = {
  ...exampleItem,
  url: 'http://publications.iom.int/books/needs-assessment-human-trafficking-western-balkans',
  translations: [],
  createdAt: '2026-11-28T02:30:00.000Z',
  updatedAt: '2026-11-28T02:30:00.000Z',
  publishedAt: '2026-11-28T02:30:00.000Z',
  files: [
    {
      id: 12,
      fileName: 'needs-assessment-western-balkans.pdf',
      label: 'Full report',
      language: 'en',
      mediaType: 'application/pdf',
      size: 1843200,
      pageCount: 88,
      hasCover: true,
      path: '/publications/needs-assessment-human-trafficking-western-balkans-2016/files/12/needs-assessment-western-balkans.pdf',
    },
  ],
};

// The exports' examples are written by the exports' own code, from the detail example.
const EXPORT_EXAMPLE: z.input<typeof PublicationExportSchema> = [toExportRecord(PublicationDetailSchema.decode(DETAIL_EXAMPLE))];
const CSV_EXAMPLE = CSV_HEADER + csvRow(EXPORT_EXAMPLE[0]!);

const DOWNLOAD_HEADERS = (extension: string) => ({
  'Content-Disposition': {
    description: 'Offered as a download named after the format and the date.',
    example: `attachment; filename="publications-2026-12-02.${extension}"`,
  },
});

// The citations' examples are written by the citation code, from the detail example.
const CSL_EXAMPLE = [toCsl(PublicationDetailSchema.decode(DETAIL_EXAMPLE), { origin: 'https://catalogue.example.org' })];
const STYLE_PARAMETER: ApiParameter = {
  name: 'style',
  in: 'query',
  required: false,
  description: `${CITATION_STYLES.map((s) => `\`${s}\` (${STYLE_LABELS[s]})`).join(', ')}; \`apa\` when absent. Any other value is a 400.`,
  schema: z.enum(CITATION_STYLES),
  example: 'chicago',
};
const REFERENCE_EXAMPLE = `<div class="csl-entry">${formatReference(CSL_EXAMPLE[0]!, 'apa', 'html')}</div>`;
const BAD_STYLE: ApiResponse = {
  status: 400,
  description: 'An unknown style.',
  content: [textContent('text/plain', `Unknown citation style: use one of ${CITATION_STYLES.join(', ')}\n`)],
};
const NOT_PUBLISHED: ApiResponse = { status: 404, description: 'No published publication has this slug.', content: [textContent('text/plain', 'Publication not found\n')] };
const WITHDRAWN: ApiResponse = {
  status: 410,
  description: 'The publication was in the catalogue and has been deleted or withdrawn.',
  content: [textContent('text/plain', 'Publication withdrawn\n')],
};

type CitationFile = { extension: 'bib' | 'ris' | 'csl.json'; name: string; mediaType: string; example: string; json?: boolean };
const CITATION_FILES: CitationFile[] = [
  { extension: 'bib', name: 'BibTeX (BibLaTeX dialect, UTF-8)', mediaType: 'application/x-bibtex', example: toBibtex(CSL_EXAMPLE) },
  { extension: 'ris', name: 'RIS', mediaType: 'application/x-research-info-systems', example: toRis(CSL_EXAMPLE) },
  { extension: 'csl.json', name: 'CSL-JSON', mediaType: 'application/vnd.citationstyles.csl+json', example: '', json: true },
];
const citationContent = (file: CitationFile): ApiContent =>
  file.json ? jsonContent(CslItemsSchema, CSL_EXAMPLE, file.mediaType) : textContent(file.mediaType, file.example);

const CITATION_ENDPOINTS: ApiEndpoint[] = [
  ...CITATION_FILES.map(
    (file): ApiEndpoint => ({
      operationId: `cite${file.extension === 'csl.json' ? 'CslJson' : file.extension === 'bib' ? 'Bibtex' : 'Ris'}`,
      method: 'get',
      // The record's file is cite.json; the result set's is publications.csl.json (.json is the export).
      path: `/publications/{slug}/cite.${file.extension === 'csl.json' ? 'json' : file.extension}`,
      tag: 'Citations',
      summary: `Cite one publication as ${file.name}`,
      description: 'A download named after the slug, for reference managers (Zotero, EndNote, Mendeley, JabRef).',
      parameters: [SLUG_PARAMETER],
      responses: [{ status: 200, description: `The ${file.name} record.`, content: [citationContent(file)] }, NOT_PUBLISHED, WITHDRAWN],
      examples: [{ title: 'The Western Balkans needs assessment', href: `/publications/${SLUG_PARAMETER.example}/cite.${file.extension === 'csl.json' ? 'json' : file.extension}` }],
    }),
  ),
  {
    operationId: 'citeFormatted',
    method: 'get',
    path: '/publications/{slug}/cite',
    tag: 'Citations',
    summary: 'One publication’s formatted reference',
    description: 'The reference in a citation style, as a small HTML page.',
    parameters: [SLUG_PARAMETER, STYLE_PARAMETER],
    responses: [{ status: 200, description: 'The formatted reference.', content: [textContent('text/html', REFERENCE_EXAMPLE)] }, BAD_STYLE, NOT_PUBLISHED, WITHDRAWN],
    examples: [{ title: 'In Chicago author-date', href: `/publications/${SLUG_PARAMETER.example}/cite?style=chicago` }],
  },
  ...CITATION_FILES.map(
    (file): ApiEndpoint => ({
      operationId: `citeResultSet${file.extension === 'csl.json' ? 'CslJson' : file.extension === 'bib' ? 'Bibtex' : 'Ris'}`,
      method: 'get',
      path: `/api/publications.${file.extension}`,
      tag: 'Citations',
      summary: `Cite a whole result set as ${file.name}`,
      description: 'Every publication a catalogue query matches (no page limit), in catalogue order, streamed.',
      parameters: EXPORT_PARAMETERS,
      responses: [{ status: 200, description: `The result set as ${file.name}.`, content: [citationContent(file)], headers: DOWNLOAD_HEADERS(file.extension) }],
      examples: [{ title: 'Publications on Serbia', href: `/api/publications.${file.extension}?country=RS` }],
    }),
  ),
  {
    operationId: 'citeResultSetFormatted',
    method: 'get',
    path: '/api/publications.html',
    tag: 'Citations',
    summary: 'A result set’s formatted references',
    description: 'Every publication a catalogue query matches, formatted in a citation style, in catalogue order, as one HTML page.',
    parameters: [...EXPORT_PARAMETERS, STYLE_PARAMETER],
    responses: [{ status: 200, description: 'The references.', content: [textContent('text/html', REFERENCE_EXAMPLE)] }, BAD_STYLE],
    examples: [{ title: 'Handbooks in Harvard style', href: '/api/publications.html?category=handbook&style=harvard' }],
  },
];

// The feeds' examples are written by the feed code, from the detail example.
const FEED_EXAMPLE_ORIGIN = 'https://catalogue.example.org';
const feedExample = (format: FeedFormat) =>
  renderFeed(
    format,
    { params: EMPTY_PARAMS, labels: { country: {}, region: {}, category: {}, author: {}, language: {} }, items: [PublicationDetailSchema.decode(DETAIL_EXAMPLE)] },
    FEED_EXAMPLE_ORIGIN,
  );
const FEED_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };

const FEED_ENDPOINTS: ApiEndpoint[] = (['rss', 'atom', 'json'] as const).map((format) => ({
  operationId: `feed${format === 'rss' ? 'Rss' : format === 'atom' ? 'Atom' : 'Json'}`,
  method: 'get',
  path: FEED_PATHS[format],
  tag: 'Feeds',
  summary: `Follow a search as ${FEED_NAMES[format]}`,
  description:
    'The 50 publications most recently added to the catalogue (by the date each was published here, not its year) ' +
    'that match a catalogue query, newest first. Same parameters as `/`; sort and page do not apply. ' +
    `The same feed in French and Spanish (titles, descriptions, links to the pages in that language) is at \`/fr${FEED_PATHS[format]}\` and \`/es${FEED_PATHS[format]}\`.`,
  parameters: EXPORT_PARAMETERS.filter((p) => p.name !== 'sort'),
  responses: [
    {
      status: 200,
      description: 'The feed.',
      content: [
        format === 'json'
          ? jsonContent(JsonFeedSchema, JSON.parse(feedExample('json')) as z.input<typeof JsonFeedSchema>, FEED_LINK_TYPES.json)
          : textContent(FEED_LINK_TYPES[format], feedExample(format)),
      ],
    },
  ],
  examples: [
    { title: 'Everything new', href: FEED_PATHS[format] },
    { title: 'New publications on Nigeria', href: `${FEED_PATHS[format]}?country=NG` },
  ],
}));

const OAI_ENDPOINT: ApiEndpoint = {
  operationId: 'oaiPmh',
  method: 'get',
  path: '/oai',
  tag: 'Harvesting',
  summary: 'OAI-PMH 2.0 repository',
  description:
    'All six verbs with `oai_dc`; sets `category:<slug>`, `region:<slug>` and `country:<CODE>`; `from`/`until` on the ' +
    'last-modified datestamp (UTC, seconds or days); deleted records reported (persistent); stateless resumption ' +
    'tokens of 100 records. Protocol errors are OAI error elements with status 200, as the protocol requires. POST ' +
    'with `application/x-www-form-urlencoded` takes the same arguments.',
  parameters: [
    {
      name: 'verb',
      in: 'query',
      required: true,
      description: 'Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords or GetRecord.',
      schema: z.enum(['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord']),
      example: 'ListRecords',
    },
    { name: 'metadataPrefix', in: 'query', required: false, description: '`oai_dc`.', schema: z.literal('oai_dc'), example: 'oai_dc' },
    { name: 'set', in: 'query', required: false, description: 'A set spec.', schema: z.string(), example: 'region:west-africa' },
    { name: 'from', in: 'query', required: false, description: 'Datestamp, `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`.', schema: z.string(), example: '2026-01-01' },
    { name: 'until', in: 'query', required: false, description: 'Datestamp, of the same granularity as `from`.', schema: z.string(), example: '2026-12-31' },
    { name: 'identifier', in: 'query', required: false, description: '`oai:<host>:<slug>` (GetRecord, ListMetadataFormats).', schema: z.string(), example: 'oai:catalogue.example.org:a-slug' },
    { name: 'resumptionToken', in: 'query', required: false, description: 'The token of the previous page; exclusive.', schema: z.string(), example: '…' },
  ],
  responses: [
    {
      status: 200,
      description: 'An OAI-PMH response, or an OAI-PMH error element.',
      content: [
        textContent(
          'text/xml',
          '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n  <responseDate>2026-12-02T10:00:00Z</responseDate>\n  <request verb="Identify">https://catalogue.example.org/oai</request>\n  <Identify>\n    <repositoryName>Counter-Trafficking Publications Catalogue</repositoryName>\n    <baseURL>https://catalogue.example.org/oai</baseURL>\n    <protocolVersion>2.0</protocolVersion>\n    …\n    <deletedRecord>persistent</deletedRecord>\n    <granularity>YYYY-MM-DDThh:mm:ssZ</granularity>\n  </Identify>\n</OAI-PMH>\n',
        ),
      ],
    },
  ],
  examples: [
    { title: 'Identify', href: '/oai?verb=Identify' },
    { title: 'The first page of a harvest of West Africa', href: '/oai?verb=ListRecords&metadataPrefix=oai_dc&set=region:west-africa' },
    { title: 'A bad verb (an OAI error, status 200)', href: '/oai?verb=Harvest' },
  ],
};

export const API_ENDPOINTS: ApiEndpoint[] = [
  {
    operationId: 'listPublications',
    method: 'get',
    path: '/api/publications',
    tag: 'Publications',
    summary: 'Search the catalogue',
    description:
      `One page (${PAGE_SIZE} results) of a catalogue query, with the counts of every filter. Takes the same parameters as the ` +
      'catalogue page `/`, so any catalogue address gives its JSON by putting `/api/publications` in front of its query. ' +
      'Unknown values are ignored and numbers clamped: a malformed query still answers 200.',
    parameters: CATALOGUE_PARAMETERS,
    responses: [{ status: 200, description: 'One page of results.', content: [jsonContent(PublicationListSchema, LIST_EXAMPLE)] }],
    examples: [
      { title: 'Everything, newest first', href: '/api/publications' },
      { title: 'Publications on Serbia, A to Z', href: '/api/publications?country=RS&sort=title' },
      { title: 'Handbooks and needs assessments from 2010 on', href: '/api/publications?category=handbook,needs-assessment&yearFrom=2010' },
      { title: 'A text query, with highlighted snippets', href: '/api/publications?q=referral+mechanism' },
    ],
  },
  {
    operationId: 'suggest',
    method: 'get',
    path: '/api/suggest',
    tag: 'Publications',
    summary: 'Type-ahead suggestions',
    description:
      'What the search box suggests as the reader types: titles of published publications, authors and countries whose names have ' +
      'every word typed at the start of one of their words (the last word may be unfinished). Bad parameters answer 400.',
    parameters: [
      { name: 'q', in: 'query', required: true, description: 'The words typed so far (2 to 100 characters).', schema: z.string().min(2).max(100), example: 'traff' },
      { name: 'locale', in: 'query', required: false, description: 'The language of the names: `en` (the default), `fr` or `es`.', schema: z.enum(LOCALES), example: 'fr' },
    ],
    responses: [
      {
        status: 200,
        description: 'The suggestions.',
        content: [
          jsonContent(SuggestionsSchema, {
            titles: [{ slug: SLUG_PARAMETER.example as string, title: exampleItem.title }],
            authors: [{ value: 'jacqueline-berman', label: 'Jacqueline Berman', count: 1 }],
            countries: [{ value: 'RS', label: 'Serbia', count: 12 }],
          }),
        ],
      },
      { status: 400, description: 'No `q`, or too short or long, or an unknown locale.', content: [jsonContent(ErrorSchema, { error: 'q needs at least 2 characters' })] },
    ],
    examples: [
      { title: 'Suggestions for “traff”', href: '/api/suggest?q=traff' },
      { title: 'Countries and authors in French', href: '/api/suggest?q=serb&locale=fr' },
    ],
  },
  {
    operationId: 'getPublication',
    method: 'get',
    path: '/api/publications/{slug}',
    tag: 'Publications',
    summary: 'One publication',
    description: 'A published publication with all its fields. Drafts and unknown slugs answer 404.',
    parameters: [SLUG_PARAMETER],
    responses: [
      { status: 200, description: 'The publication.', content: [jsonContent(PublicationDetailSchema, DETAIL_EXAMPLE)] },
      {
        status: 404,
        description: 'No published publication has this slug.',
        content: [jsonContent(ErrorSchema, { error: 'Publication not found' })],
      },
      {
        status: 410,
        description: 'The publication was in the catalogue and has been deleted or withdrawn.',
        content: [jsonContent(ErrorSchema, { error: 'Publication withdrawn' })],
      },
    ],
    examples: [
      { title: 'The Western Balkans needs assessment', href: `/api/publications/${SLUG_PARAMETER.example}` },
      { title: 'An unknown slug (404)', href: '/api/publications/no-such-publication' },
    ],
  },
  {
    operationId: 'exportPublicationsCsv',
    method: 'get',
    path: '/api/publications.csv',
    tag: 'Exports',
    summary: 'Export a result set as CSV',
    description:
      'Every publication a catalogue query matches (no page limit), in catalogue order, streamed. UTF-8 with a byte ' +
      'order mark, CRLF line ends (RFC 4180), lists separated by "; ": the import reads it back (`npm run import`).',
    parameters: EXPORT_PARAMETERS,
    responses: [
      {
        status: 200,
        description: 'The result set, one publication a row.',
        content: [textContent('text/csv', CSV_EXAMPLE)],
        headers: DOWNLOAD_HEADERS('csv'),
      },
    ],
    examples: [
      { title: 'The whole catalogue', href: '/api/publications.csv' },
      { title: 'Publications on Serbia', href: '/api/publications.csv?country=RS' },
    ],
  },
  {
    operationId: 'exportPublicationsJson',
    method: 'get',
    path: '/api/publications.json',
    tag: 'Exports',
    summary: 'Export a result set as JSON',
    description:
      'Every publication a catalogue query matches (no page limit), in catalogue order, streamed as one JSON array with a ' +
      "record a line, in the import's format: the import reads it back.",
    parameters: EXPORT_PARAMETERS,
    responses: [
      {
        status: 200,
        description: 'The result set.',
        content: [jsonContent(PublicationExportSchema, EXPORT_EXAMPLE)],
        headers: DOWNLOAD_HEADERS('json'),
      },
    ],
    examples: [
      { title: 'The whole catalogue', href: '/api/publications.json' },
      { title: 'Needs assessments, oldest first', href: '/api/publications.json?category=needs-assessment&sort=oldest' },
    ],
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Documentation',
    summary: 'This description, as OpenAPI 3.1',
    description: 'The OpenAPI 3.1 document of every endpoint on this page, with JSON Schema (draft 2020-12) for each body.',
    parameters: [],
    responses: [
      {
        status: 200,
        description: 'The OpenAPI document.',
        content: [
          jsonContent(OpenApiDocumentSchema, {
            openapi: '3.1.1',
            info: { title: 'Counter-Trafficking Publications Catalogue API', version: '1' },
            paths: { '/api/publications': { get: { operationId: 'listPublications' } } },
          }),
        ],
      },
    ],
    examples: [{ title: 'The document', href: '/api/openapi.json' }],
  },
  ...CITATION_ENDPOINTS,
  ...FEED_ENDPOINTS,
  OAI_ENDPOINT,
];
