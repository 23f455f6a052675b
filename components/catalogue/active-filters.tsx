import Link from 'next/link';
import { FACETS, hasFilters, type CatalogueParams, type Facet } from '@/lib/catalogue/params';
import { catalogueHref, toggleFacetHref } from '@/lib/catalogue/url';
import type { FacetValue } from '@/lib/data/catalogue';

export const FACET_TITLES: Record<Facet, string> = {
  region: 'Region',
  country: 'Country',
  year: 'Year',
  category: 'Category',
  author: 'Author',
  language: 'Language',
};

function Chip({ href, label }: { href: string; label: string }) {
  return (
    <li>
      <Link
        href={href}
        rel="nofollow"
        className="inline-flex items-center gap-1 rounded-full border border-brand-600 bg-brand-50 px-3 py-1 text-sm text-brand-800 hover:bg-brand-100"
      >
        <span>{label}</span>
        <span aria-hidden="true">×</span>
        <span className="sr-only">(remove filter)</span>
      </Link>
    </li>
  );
}

export function ActiveFilters({ params, facets }: { params: CatalogueParams; facets: Record<Facet, FacetValue[]> }) {
  if (!hasFilters(params)) return null;
  const chips: { href: string; label: string }[] = [];
  if (params.q) chips.push({ href: catalogueHref(params, { q: '' }), label: `Search: “${params.q}”` });
  for (const facet of FACETS) {
    for (const value of params[facet]) {
      const label = facets[facet].find((f) => f.value === String(value))?.label ?? String(value);
      chips.push({ href: toggleFacetHref(params, facet, value as never), label: `${FACET_TITLES[facet]}: ${label}` });
    }
  }
  if (params.yearFrom !== null || params.yearTo !== null) {
    const range =
      params.yearFrom !== null && params.yearTo !== null
        ? `${params.yearFrom}–${params.yearTo}`
        : params.yearFrom !== null
          ? `from ${params.yearFrom}`
          : `until ${params.yearTo}`;
    chips.push({ href: catalogueHref(params, { yearFrom: null, yearTo: null }), label: `Years: ${range}` });
  }
  return (
    <nav aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <Chip key={chip.href + chip.label} {...chip} />
        ))}
      </ul>
      <Link href="/" className="text-sm font-medium text-brand-700 underline hover:text-brand-800">
        Clear all
      </Link>
    </nav>
  );
}
