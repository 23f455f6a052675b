import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { cache } from 'react';
import { catalogueMetadata } from '@/lib/catalogue/metadata';
import { hasFilters, parseCatalogueParams, parseMoreFacet, parseView, type Facet } from '@/lib/catalogue/params';
import { catalogueHref, catalogueQuery, withView } from '@/lib/catalogue/url';
import { searchPublications } from '@/lib/data/catalogue';
import { localeOf, localePath, type Locale } from '@/lib/i18n/routing';
import { siteOrigin } from '@/lib/site-url';
import { ActiveFilters } from '@/components/catalogue/active-filters';
import { ExportLinks } from '@/components/catalogue/export-links';
import { FacetFind } from '@/components/catalogue/facet-find';
import { FacetGroup } from '@/components/catalogue/facet-group';
import { FollowLinks } from '@/components/catalogue/follow-links';
import { Pagination } from '@/components/catalogue/pagination';
import { PublicationCard } from '@/components/catalogue/publication-card';
import { SearchBox } from '@/components/catalogue/search-box';
import { SortLinks } from '@/components/catalogue/sort-links';
import { TranslationToggle } from '@/components/catalogue/translation-toggle';
import { WorldMap } from '@/components/catalogue/world-map';
import { YearHistogram } from '@/components/catalogue/year-histogram';
import { YearRange } from '@/components/catalogue/year-range';

const FACET_ORDER: Facet[] = ['region', 'country', 'year', 'category', 'language', 'author'];

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const routeLocale = async (params: Props['params']): Promise<Locale> => localeOf((await params).locale);

// generateMetadata and the page search once per request (keyed by the normalised query, the locale and
// whether the map needs every country).
const loadCatalogue = cache((query: string, locale: Locale, allCountries: boolean) =>
  searchPublications(parseCatalogueParams(new URLSearchParams(query)), locale, { allCountries }),
);
const search = async (searchParams: Props['searchParams'], locale: Locale) => {
  const raw = await searchParams;
  return loadCatalogue(catalogueQuery(parseCatalogueParams(raw)), locale, parseView(raw) === 'map');
};

export async function generateMetadata({ params: route, searchParams }: Props): Promise<Metadata> {
  const locale = await routeLocale(route);
  const { params, facets } = await search(searchParams, locale);
  return catalogueMetadata(params, facets, await siteOrigin(), locale);
}

export default async function CataloguePage({ params: route, searchParams }: Props) {
  const locale = await routeLocale(route);
  setRequestLocale(locale);
  const t = await getTranslations('Catalogue');
  const facetTitle = await getTranslations('Facets');
  const visual = await getTranslations('Visual');
  const format = await getFormatter();
  const { params, total, results, page, pageCount, pageSize, items, facets, facetSizes, yearHistogram } = await search(searchParams, locale);
  const more = parseMoreFacet(await searchParams);
  const view = parseView(await searchParams);
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(results, page * pageSize);

  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('heading')}</h1>
      <p className="mt-1 max-w-3xl text-slate-600">{t('intro')}</p>
      <div className="mt-4">
        <SearchBox params={params} />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside aria-label={t('filters')}>
          <details className="filter-panel rounded-lg border border-slate-200 bg-white px-3 lg:block">
            <summary className="cursor-pointer py-3 font-semibold">{t('filters')}</summary>
            <h2 className="sr-only">{t('filters')}</h2>
            {FACET_ORDER.map((facet) => (
              <FacetGroup
                key={facet}
                title={facetTitle(facet)}
                facet={facet}
                values={facets[facet]}
                size={facetSizes[facet]}
                params={params}
                expanded={more === facet}
              >
                {facet === 'year' && (
                  <>
                    <YearHistogram params={params} counts={yearHistogram} />
                    <YearRange params={params} />
                  </>
                )}
                {(facet === 'country' || facet === 'author') && (
                  <FacetFind params={params} facet={facet} />
                )}
              </FacetGroup>
            ))}
          </details>
        </aside>

        <section aria-labelledby="results-heading" className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
              {results < total ? t('resultsGrouped', { total, results }) : t('results', { total })}
              {pageCount > 1 && ` · ${t('showing', { first: format.number(first), last: format.number(last) })}`}
            </h2>
            <FollowLinks params={params} />
            <SortLinks params={params} />
            <TranslationToggle params={params} grouping={results < total} />
          </div>
          <ActiveFilters params={params} facets={facets} />
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            <a className="text-brand-700 underline" href={catalogueHref(params, { page }, '/api/publications')}>
              {t('asJson')}
            </a>
            <ExportLinks params={params} />
            {view !== 'map' && (
              <a className="text-brand-700 underline" href={localePath(locale, withView(catalogueHref(params, { page }), 'map'))} rel="nofollow">
                {visual('showMap')}
              </a>
            )}
          </p>

          {items.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="font-medium">{hasFilters(params) ? t('noMatchFiltered') : t('noMatchEmpty')}</p>
              {hasFilters(params) && (
                <p className="mt-2 text-sm text-slate-600">
                  {t.rich('noMatchHelp', {
                    link: (text) => (
                      <a href={localePath(locale, '/')} className="text-brand-700 underline">
                        {text}
                      </a>
                    ),
                  })}
                </p>
              )}
            </div>
          ) : (
            <ol className="space-y-3">
              {items.map((item) => (
                <li key={item.slug}>
                  <PublicationCard publication={item} snippets={item.snippets} translations={item.translations} />
                </li>
              ))}
            </ol>
          )}
          <Pagination params={params} page={page} pageCount={pageCount} />
          {/* After the results, in the tab order too: the first result stays near the search box; the URL's fragment scrolls here. */}
          {view === 'map' && <WorldMap params={params} countries={facets.country} />}
        </section>
      </div>
    </main>
  );
}
