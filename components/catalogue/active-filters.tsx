import { getLocale, getTranslations } from 'next-intl/server';
import { FACETS, hasFilters, type CatalogueParams, type Facet } from '@/lib/catalogue/params';
import { catalogueHref, toggleFacetHref } from '@/lib/catalogue/url';
import type { FacetValue } from '@/lib/data/catalogue';
import { localePath } from '@/lib/i18n/routing';

function Chip({ href, label, remove }: { href: string; label: string; remove: string }) {
  return (
    <li>
      <a
        href={href}
        rel="nofollow"
        className="inline-flex items-center gap-1 rounded-full border border-brand-600 bg-brand-50 px-3 py-1 text-sm text-brand-800 hover:bg-brand-100"
      >
        <span>{label}</span>
        <span aria-hidden="true">×</span>
        <span className="sr-only"> {remove}</span>
      </a>
    </li>
  );
}

export async function ActiveFilters({ params, facets }: { params: CatalogueParams; facets: Record<Facet, FacetValue[]> }) {
  if (!hasFilters(params)) return null;
  const locale = await getLocale();
  const t = await getTranslations('ActiveFilters');
  const facetTitle = await getTranslations('Facets');
  const chips: { href: string; label: string }[] = [];
  if (params.q) chips.push({ href: catalogueHref(params, { q: '' }), label: t('search', { q: params.q }) });
  for (const facet of FACETS) {
    for (const value of params[facet]) {
      const label = facets[facet].find((f) => f.value === String(value))?.label ?? String(value);
      chips.push({ href: toggleFacetHref(params, facet, value as never), label: t('value', { facet: facetTitle(facet), value: label }) });
    }
  }
  if (params.yearFrom !== null || params.yearTo !== null) {
    const range =
      params.yearFrom !== null && params.yearTo !== null
        ? `${params.yearFrom}–${params.yearTo}`
        : params.yearFrom !== null
          ? t('fromYear', { year: params.yearFrom })
          : t('untilYear', { year: params.yearTo! });
    chips.push({ href: catalogueHref(params, { yearFrom: null, yearTo: null }), label: t('years', { range }) });
  }
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-2">
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <Chip key={chip.href + chip.label} href={localePath(locale, chip.href)} label={chip.label} remove={t('remove')} />
        ))}
      </ul>
      <a href={localePath(locale, '/')} className="text-sm font-medium text-brand-700 underline hover:text-brand-800">
        {t('clearAll')}
      </a>
    </nav>
  );
}
