import { defaultSort, FACETS, FIND_PARAM, FINDABLE_FACETS, FROM_PARAM, MORE_PARAM, VIEW_PARAM, type CatalogueParams, type CatalogueView, type Facet } from './params';

type FacetValue<F extends Facet> = CatalogueParams[F][number];

/** Query string for `params`, in a stable order, leaving out defaults. */
export function catalogueQuery(params: CatalogueParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  for (const facet of FACETS) {
    for (const value of params[facet]) search.append(facet, String(value));
  }
  if (params.yearFrom !== null) search.set('yearFrom', String(params.yearFrom));
  if (params.yearTo !== null) search.set('yearTo', String(params.yearTo));
  if (params.sort !== defaultSort(params.q)) search.set('sort', params.sort);
  if (params.translations !== 'grouped') search.set('translations', params.translations);
  if (params.literal && params.q) search.set('literal', '1');
  if (params.page > 1) search.set('page', String(params.page));
  for (const facet of FINDABLE_FACETS) {
    const find = params[FIND_PARAM[facet]];
    if (find) search.set(FIND_PARAM[facet], find);
  }
  return search.toString();
}

/** The catalogue URL for `params` with `changes` applied; any change other than the page resets to page 1. */
export function catalogueHref(params: CatalogueParams, changes: Partial<CatalogueParams> = {}, pathname = '/'): string {
  const next = { ...params, page: 1, ...changes };
  // A sort left at its default follows the default of the new text query (relevance needs one).
  if (changes.sort === undefined && params.sort === defaultSort(params.q)) next.sort = defaultSort(next.q);
  const query = catalogueQuery(next);
  return query ? `${pathname}?${query}` : pathname;
}

/** Adds `value` to a facet's selection, or removes it when already selected. */
export function toggleFacetHref<F extends Facet>(params: CatalogueParams, facet: F, value: FacetValue<F>): string {
  const current = params[facet] as FacetValue<F>[];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return catalogueHref(params, { [facet]: values } as Partial<CatalogueParams>);
}

/**
 * This page (same results, same page number) listing every value of `facet`, or, with null, only the first
 * few of each; the fragment brings the reader back to the facet's heading.
 */
export function facetListHref(params: CatalogueParams, facet: Facet, more: Facet | null): string {
  const href = catalogueHref(params, { page: params.page });
  const query = more ? `${href.includes('?') ? '&' : '?'}${MORE_PARAM}=${more}` : '';
  return `${href}${query}#facet-${facet}`;
}

/**
 * A publication's page, linked from the results of `from` (the page's catalogue parameters): it carries the
 * search, normalised, so that its "Back to results" returns there. The first page of the whole catalogue
 * needs no `from`: its link is the record's own URL.
 */
export function publicationHref(slug: string, from: CatalogueParams | null = null): string {
  const path = `/publications/${slug}`;
  const query = from ? catalogueQuery(from) : '';
  return query ? `${path}?${new URLSearchParams({ [FROM_PARAM]: query })}` : path;
}

/** The results page `from` (lib/catalogue/params.ts `parseFromParam`) names, its page number kept. */
export function backToResultsHref(from: CatalogueParams): string {
  return catalogueHref(from, { page: from.page });
}

/** `href` (a catalogue URL) showing the map, scrolled to it; with null, the same URL without. */
export function withView(href: string, view: CatalogueView | null): string {
  return view ? `${href}${href.includes('?') ? '&' : '?'}${VIEW_PARAM}=${view}#world-map` : href;
}
