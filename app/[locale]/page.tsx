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
import { SearchHelp, SearchHelpLink } from '@/components/catalogue/search-help';
import { DidYouMean, SpellingNotice } from '@/components/catalogue/spelling-notice';
import { SortLinks } from '@/components/catalogue/sort-links';
import { TranslationToggle } from '@/components/catalogue/translation-toggle';
import { WorldMap } from '@/components/catalogue/world-map';
import { YearHistogram } from '@/components/catalogue/year-histogram';
import { YearRange } from '@/components/catalogue/year-range';
import { FocusResults } from '@/components/catalogue/focus-results';

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
  const { params, total, results, page, pageCount, pageSize, items, facets, facetSizes, correction, suggestions, yearHistogram } = await search(searchParams, locale);
  const more = parseMoreFacet(await searchParams);
  const view = parseView(await searchParams);
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(results, page * pageSize);

  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <a href="#results-heading" className="skip-link">
        {t('skipToResults')}
      </a>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('heading')}</h1>
      <p className="mt-1 max-w-3xl text-slate-600">{t('intro')}</p>
      <p className="print-only mt-1 text-sm">{t('printedFrom', { url: `${await siteOrigin()}${localePath(locale, catalogueHref(params, { page }))}` })}</p>
      <div className="mt-4">
        <SearchBox params={params} />
        <SearchHelp />
      </div>

      {/*
        The results come before the filters in the document, so the first result is a few Tab presses from the
        search box; on wide screens the filters still stand to their left. Narrow screens list them after the
        results, behind a link at the top.
      */}
      <div className="catalogue-layout mt-6 grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <section aria-labelledby="results-heading" className="min-w-0 space-y-4 lg:col-start-2 lg:row-start-1">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="results-heading" tabIndex={-1} className="text-lg font-semibold" aria-live="polite">
              {results < total ? t('resultsGrouped', { total, results }) : t('results', { total })}
              {pageCount > 1 && ` · ${t('showing', { first: format.number(first), last: format.number(last) })}`}
            </h2>
            <a href="#filters" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-brand-700 lg:sr-only lg:focus:not-sr-only">
              {t('skipToFilters')}
            </a>
          </div>
          <div data-refines="" className="results-tools flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <SortLinks params={params} />
            <TranslationToggle params={params} grouping={results < total} />
            <details className="take-away relative text-sm">
              <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-brand-700 hover:bg-brand-50">
                {t('takeAway')}
              </summary>
              <div className="mt-2 space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-sm sm:absolute sm:right-0 sm:z-10 sm:w-96">
                <FollowLinks params={params} />
                <p className="flex flex-wrap gap-x-3 gap-y-1">
                  <a className="text-brand-700 underline" href={catalogueHref(params, { page }, '/api/publications')}>
                    {t('asJson')}
                  </a>
                  <ExportLinks params={params} />
                </p>
              </div>
            </details>
          </div>
          <div data-refines="">
            <ActiveFilters params={params} facets={facets} />
          </div>
          <SpellingNotice params={params} correction={correction} />
          {items.length > 0 && <DidYouMean params={params} suggestions={suggestions} />}

          {items.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
              <p className="font-medium">{params.q ? t('noMatchQuery') : hasFilters(params) ? t('noMatchFiltered') : t('noMatchEmpty')}</p>
              <DidYouMean params={params} suggestions={suggestions} />
              {params.q && <p className="mt-2 text-sm text-slate-600">{t.rich('noMatchSearchHelp', { link: (text) => <SearchHelpLink>{text}</SearchHelpLink> })}</p>}
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
                  <PublicationCard publication={item} snippets={item.snippets} translations={item.translations} from={params} />
                </li>
              ))}
            </ol>
          )}
          <div data-refines="">
            <Pagination params={params} page={page} pageCount={pageCount} />
          </div>
          {/* After the results, in the tab order too: the first result stays near the search box; the URL's fragment scrolls here. */}
          {view === 'map' && <WorldMap params={params} countries={facets.country} />}
        </section>

        <aside id="filters" aria-labelledby="filters-heading" className="scroll-mt-4 lg:col-start-1 lg:row-start-1" data-refines="">
          <div className="rounded-lg border border-slate-200 bg-white px-3">
            <h2 id="filters-heading" className="pt-3 font-semibold">
              {t('filters')}
            </h2>
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
                {facet === 'country' && view !== 'map' && (
                  <p className="mb-2 px-2 text-sm">
                    <a className="text-brand-700 underline" href={localePath(locale, withView(catalogueHref(params, { page }), 'map'))} rel="nofollow">
                      {visual('showMap')}
                    </a>
                  </p>
                )}
                {(facet === 'country' || facet === 'author') && (
                  <FacetFind params={params} facet={facet} />
                )}
              </FacetGroup>
            ))}
          </div>
        </aside>
      </div>
      <FocusResults />
    </main>
  );
}
