// What every stage of the benchmark shares: the query matrix, the words and values the generator
// guarantees exist, and percentile arithmetic. Imports nothing from lib/ so that any process
// (the orchestrator, the react-server child, the SQL floor) can load it cheaply.

/** Bump whenever the generator's output changes: it names the cached database file. */
export const GENERATOR_VERSION = 4;

/** Values the generator makes common or rare on purpose (see bench/generate.ts). */
export const COMMON_COUNTRY = 'NG'; // rank 1 of the skewed country list
export const SECOND_COUNTRY = 'TH';
export const COMMON_CATEGORY = 'report';
export const SECOND_CATEGORY = 'research-study';
export const FAR_REGION = 'western-europe'; // destination region of many publications about NG
export const COMMON_WORD = 'trafficking'; // rank 1 of the vocabulary and in the top collocation
export const RARE_WORD = 'kafala'; // one of the specialist words, in ~0.3% of summaries
export const PHRASE = ['forced', 'labour'] as const; // rank 2 collocation
export const PREFIX = 'exploit';
export const TEXT_WORD = 'victims';
/** Every DOCUMENT_EVERYth publication has a document of DOCUMENT_PAGES pages (issue 15: a tenth, 20 pages). */
export const DOCUMENT_EVERY = 10;
export const DOCUMENT_PAGES = 20;
/**
 * A word of the documents' own vocabulary (rank 40 of its Zipf law: in about a third of the documents),
 * never in a title or summary: every card it finds says "found in the document" with an excerpt.
 */
export const DOCUMENT_WORD = 'kelomiren';
/** Two words of the documents' vocabulary that often stand together (a collocation of the documents). */
export const DOCUMENT_PHRASE = ['ranquidor', 'velsatu'] as const;

export type BenchQuery = {
  name: string;
  /** Facet-only queries (no text) have the tighter target. */
  facetOnly: boolean;
  /** The catalogue URL's query string, fed to parseCatalogueParams. */
  search: string;
  /** The same text as an FTS5 MATCH expression, for the SQL floor; null without text. */
  fts: string | null;
};

/** The fixed matrix; only the deep page depends on N (a page near the end of the default sort). */
export function queryMatrix(n: number): BenchQuery[] {
  const deepPage = Math.max(1, Math.ceil(n / 20) - 1);
  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  return [
    { name: 'no filter', facetOnly: true, search: '', fts: null },
    { name: '1 facet', facetOnly: true, search: `country=${COMMON_COUNTRY}`, fts: null },
    { name: '2 facets', facetOnly: true, search: `country=${COMMON_COUNTRY}&category=${COMMON_CATEGORY}`, fts: null },
    {
      name: '4 facets',
      facetOnly: true,
      search: `country=${COMMON_COUNTRY}&region=${FAR_REGION}&category=${SECOND_CATEGORY}&yearFrom=2010&yearTo=2020`,
      fts: null,
    },
    { name: 'common word', facetOnly: false, search: q(COMMON_WORD), fts: COMMON_WORD },
    { name: 'rare word', facetOnly: false, search: q(RARE_WORD), fts: RARE_WORD },
    { name: 'phrase', facetOnly: false, search: q(`"${PHRASE.join(' ')}"`), fts: `"${PHRASE.join(' ')}"` },
    { name: 'prefix', facetOnly: false, search: q(`${PREFIX}*`), fts: `${PREFIX}*` },
    {
      name: 'text + 3 facets',
      facetOnly: false,
      search: `${q(TEXT_WORD)}&country=${SECOND_COUNTRY}&category=${COMMON_CATEGORY}&yearFrom=2015`,
      fts: TEXT_WORD,
    },
    { name: 'deep page', facetOnly: true, search: `page=${deepPage}`, fts: null },
    { name: 'document word', facetOnly: false, search: q(DOCUMENT_WORD), fts: DOCUMENT_WORD },
    { name: 'document phrase', facetOnly: false, search: q(`"${DOCUMENT_PHRASE.join(' ')}"`), fts: `"${DOCUMENT_PHRASE.join(' ')}"` },
    // A word that finds nothing, corrected to the common word (issue 13): the page searches the correction,
    // so the floor runs that.
    { name: 'misspelt word', facetOnly: false, search: q(MISSPELT_WORD), fts: COMMON_WORD },
    // A British spelling: searched with its American one (labour OR labor).
    { name: 'spelling variant', facetOnly: false, search: q(VARIANT_WORD), fts: `${VARIANT_WORD} OR ${VARIANT_OTHER}` },
  ];
}

/** COMMON_WORD with a letter missing: in no text, one edit from the commonest word. */
export const MISSPELT_WORD = 'trafficing';
export const VARIANT_WORD = 'labour';
export const VARIANT_OTHER = 'labor';

/** Type-ahead (GET /api/suggest): what a reader has typed so far, from two letters to two words. */
export const SUGGEST_QUERIES = ['tr', 'traff', 'forced lab', 'nig', 'kafa', 'zzqx'] as const;
/** Issue 13: type-ahead ≤ 10 ms p95 at 100,000. */
export const SUGGEST_TARGET_P95_MS = 10;

/**
 * Targets from the issues, in milliseconds of p95: text queries ≤ 30 ms since documents are searched too
 * (issue 15; 20 ms before), facet-only ones ≤ 10 ms.
 */
export const TARGET_P95_MS = { facetOnly: 10, text: 30 } as const;
/** Issue 13: a record's related publications in ≤ 10 ms at 100,000. */
export const RELATED_TARGET_P95_MS = 10;
export const targetFor = (query: BenchQuery) => (query.facetOnly ? TARGET_P95_MS.facetOnly : TARGET_P95_MS.text);

export type Percentiles = { p50: number; p95: number; p99: number; mean: number; runs: number };

/** Nearest-rank percentiles (no interpolation: every figure is a time that was actually measured). */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1);
  return { p50: at(50), p95: at(95), p99: at(99), mean, runs: sorted.length };
}

export const WARMUP_RUNS = 10;

/** Times `fn` WARMUP_RUNS times untimed, then `runs` times; milliseconds per run. */
export async function timeRuns(runs: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < WARMUP_RUNS; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}
