import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { catalogueMetadata } from '@/lib/catalogue/metadata';
import { hasFilters, parseCatalogueParams, type Facet } from '@/lib/catalogue/params';
import { catalogueHref, catalogueQuery } from '@/lib/catalogue/url';
import { searchPublications } from '@/lib/data/catalogue';
import { siteOrigin } from '@/lib/site-url';
import { ActiveFilters, FACET_TITLES } from '@/components/catalogue/active-filters';
import { ExportLinks } from '@/components/catalogue/export-links';
import { FacetFind } from '@/components/catalogue/facet-find';
import { FacetGroup } from '@/components/catalogue/facet-group';
import { FollowLinks } from '@/components/catalogue/follow-links';
import { Pagination } from '@/components/catalogue/pagination';
import { PublicationCard } from '@/components/catalogue/publication-card';
import { SearchBox } from '@/components/catalogue/search-box';
import { SortLinks } from '@/components/catalogue/sort-links';
import { YearRange } from '@/components/catalogue/year-range';

const FACET_ORDER: Facet[] = ['region', 'country', 'year', 'category', 'language', 'author'];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// generateMetadata and the page search once per request (keyed by the normalised query).
const loadCatalogue = cache((query: string) => searchPublications(parseCatalogueParams(new URLSearchParams(query))));
const search = async (searchParams: Props['searchParams']) => loadCatalogue(catalogueQuery(parseCatalogueParams(await searchParams)));

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { params, facets } = await search(searchParams);
  return catalogueMetadata(params, facets, await siteOrigin());
}

export default async function CataloguePage({ searchParams }: Props) {
  const { params, total, page, pageCount, pageSize, items, facets, facetSizes } = await search(searchParams);
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);

  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="text-2xl font-bold tracking-tight">Counter-trafficking publications</h1>
      <p className="mt-1 max-w-3xl text-slate-600">
        Handbooks, assessments, guidance and studies on human trafficking. Combine filters: values within a filter
        widen the results, different filters narrow them.
      </p>
      <div className="mt-4">
        <SearchBox params={params} />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside aria-label="Filters">
          <details className="filter-panel rounded-lg border border-slate-200 bg-white px-3 lg:block">
            <summary className="cursor-pointer py-3 font-semibold">Filters</summary>
            <h2 className="sr-only">Filters</h2>
            {FACET_ORDER.map((facet) => (
              <FacetGroup
                key={facet}
                title={FACET_TITLES[facet]}
                facet={facet}
                values={facets[facet]}
                size={facetSizes[facet]}
                params={params}
              >
                {facet === 'year' && <YearRange params={params} />}
                {(facet === 'country' || facet === 'author') && (
                  <FacetFind params={params} facet={facet} title={FACET_TITLES[facet]} />
                )}
              </FacetGroup>
            ))}
          </details>
        </aside>

        <section aria-labelledby="results-heading" className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {total === 0
                ? 'No publications found'
                : `${total} ${total === 1 ? 'publication' : 'publications'}${pageCount > 1 ? ` · showing ${first}–${last}` : ''}`}
            </h2>
            <FollowLinks params={params} />
            <SortLinks params={params} />
          </div>
          <ActiveFilters params={params} facets={facets} />
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            <a className="text-brand-700 underline" href={catalogueHref(params, { page }, '/api/publications')}>
              These results as JSON
            </a>
            <ExportLinks params={params} />
          </p>

          {items.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="font-medium">No publication matches {hasFilters(params) ? 'all of these filters' : 'yet'}.</p>
              {hasFilters(params) && (
                <p className="mt-2 text-sm text-slate-600">
                  Remove a filter above, widen the year range, try fewer search words, or{' '}
                  <Link href="/" className="text-brand-700 underline">
                    start again from the whole catalogue
                  </Link>
                  .
                </p>
              )}
            </div>
          ) : (
            <ol className="space-y-3">
              {items.map((item) => (
                <li key={item.slug}>
                  <PublicationCard publication={item} snippets={item.snippets} />
                </li>
              ))}
            </ol>
          )}
          <Pagination params={params} page={page} pageCount={pageCount} />
        </section>
      </div>
    </main>
  );
}
