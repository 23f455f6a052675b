/**
 * Related publications: the parts of the scoring that need no index, so that they can be tested alone.
 * CatalogueIndex.related (lib/search/catalogue-index.ts) walks the postings and calls these.
 *
 * A candidate's score is the sum of
 * - text: BM25 of the record's most distinctive title and summary terms (at most MAX_TERMS, chosen by
 *   weighted frequency × idf) in the candidate's title, names and summary, as a search for them would score;
 * - facets: for each country, region, author and category the two share, that value's idf (over the
 *   publications holding it) times its facet's weight. idf makes a rare shared value count more than a
 *   common one: an author of three publications weighs far more than a region of thousands.
 * Ties: the later year first, then the lower id, so that every instance gives the same list.
 */

/** Publications listed on a detail page. */
export const RELATED_LIMIT = 6;
/** Terms of the record searched for at most: the title's and the summary's most distinctive ones. */
export const MAX_TERMS = 12;
/**
 * A term held by more than this share of the catalogue (and by more than MAX_TERM_DF_FLOOR publications)
 * is not searched for: its idf is low, and its postings (a word of a tenth of 100,000 publications) would be
 * most of the cost.
 */
export const MAX_TERM_SHARE = 0.05;
/** A small catalogue's words are all held by a few: below this many publications a term always qualifies. */
export const MAX_TERM_DF_FLOOR = 20;

/** The most publications a term may be held by and still be searched for. */
export function maxTermDf(docCount: number): number {
  return Math.max(MAX_TERM_DF_FLOOR, Math.floor(docCount * MAX_TERM_SHARE));
}

/**
 * A facet value held by more than this share of the catalogue (and more than RELATED_WALK_MIN) is "common":
 * its postings are walked only for the candidates the rest found, unless those could lose to what the
 * common values alone add up to (CatalogueIndex.related).
 */
export const RELATED_WALK_SHARE = 0.02;
export const RELATED_WALK_MIN = 256;

/** How much a shared value of each facet counts, times its idf. */
export const FACET_WEIGHTS = { author: 2, country: 1.5, region: 1, category: 0.5 } as const;
export type RelatedFacet = keyof typeof FACET_WEIGHTS;

const K1 = 1.2;
const B = 0.75;

/** BM25's inverse document frequency: high for a value few publications hold, near 0 for one most hold. */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** BM25's saturated term frequency for a weighted frequency `tf` in a field text of `length` (average `averageLength`). */
export function saturate(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / (averageLength || 1)));
}

/** What a facet value shared with a candidate adds to its score. */
export function facetScore(facet: RelatedFacet, df: number, docCount: number): number {
  return FACET_WEIGHTS[facet] * idf(df, docCount);
}

export type TermCandidate = { id: number; weight: number; df: number };

/**
 * The record's terms to search for: those some other publication holds too (df ≥ 2: the record holds
 * each) and at most maxTermDf publications, by weighted frequency in the record × idf, at most
 * `limit`. Ties by term id, for a deterministic choice.
 */
export function selectTerms(terms: readonly TermCandidate[], docCount: number, limit = MAX_TERMS): TermCandidate[] {
  const maxDf = maxTermDf(docCount);
  const value = (t: TermCandidate) => t.weight * idf(t.df, docCount);
  return terms
    .filter((t) => t.df >= 2 && t.df <= maxDf)
    .sort((a, b) => value(b) - value(a) || a.id - b.id)
    .slice(0, limit);
}

export type Scored = { id: number; score: number; year: number | null; group: number | null };

/** Better first: a higher score, then the later year (a year-less record last), then the lower id. */
export function compareRelated(a: Scored, b: Scored): number {
  return b.score - a.score || (b.year ?? -1) - (a.year ?? -1) || a.id - b.id;
}

/**
 * The best `limit` of the candidates, in compareRelated's order, one per translation group: a work
 * in three languages is one suggestion (its best-scored member), not three.
 */
export function pickRelated(candidates: readonly Scored[], limit = RELATED_LIMIT): Scored[] {
  const picked: Scored[] = [];
  const groups = new Set<number>();
  for (const candidate of [...candidates].sort(compareRelated)) {
    if (picked.length === limit) break;
    if (candidate.score <= 0) continue;
    if (candidate.group !== null) {
      if (groups.has(candidate.group)) continue;
      groups.add(candidate.group);
    }
    picked.push(candidate);
  }
  return picked;
}
