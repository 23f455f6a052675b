import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { CatalogueParams, Facet } from '@/lib/catalogue/params';
import { catalogueHref, facetListHref, toggleFacetHref } from '@/lib/catalogue/url';
import type { FacetValue } from '@/lib/data/catalogue';
import { localePath, type Locale } from '@/lib/i18n/routing';

/** Values listed before "Show n more"; that link opens this page with the whole list of the facet. */
export const VISIBLE_VALUES = 10;

type LinkText = { locale: Locale; selected: string; count: (n: number) => string };

// The catalogue lists up to 60 of these: their look is in globals.css (.facet-values), not in each link.
function FacetLink({ params, facet, value, text }: { params: CatalogueParams; facet: Facet; value: FacetValue; text: LinkText }) {
  const href = localePath(text.locale, toggleFacetHref(params, facet, (facet === 'year' ? Number(value.value) : value.value) as never));
  return (
    <li>
      <a href={href} rel="nofollow" aria-current={value.selected ? 'true' : undefined}>
        {value.label}
        {value.selected && <span className="sr-only"> {text.selected}</span>}
        <span>{text.count(value.count)}</span>
      </a>
    </li>
  );
}

export async function FacetGroup({
  title,
  facet,
  values,
  size,
  params,
  expanded,
  children,
}: {
  title: string;
  facet: Facet;
  values: FacetValue[];
  /** How many values the facet has in these results; `values` may list fewer. */
  size: number;
  params: CatalogueParams;
  /** Whether the page lists all of `values` (the reader asked for more); otherwise the first VISIBLE_VALUES. */
  expanded: boolean;
  children?: React.ReactNode;
}) {
  const locale = await getLocale();
  const t = await getTranslations('Facets');
  const format = await getFormatter();
  const text: LinkText = { locale, selected: t('selected'), count: (n) => format.number(n) };
  const find = facet === 'country' ? params.findCountry : facet === 'author' ? params.findAuthor : '';
  const unlisted = size - values.filter((v) => v.count > 0).length;
  const headingId = `facet-${facet}`;
  // Selected values stay in view even when their count is low.
  const hidden = values.filter((v, i) => i >= VISIBLE_VALUES && !v.selected).length;
  const listed = expanded ? values : values.filter((v, i) => i < VISIBLE_VALUES || v.selected);
  return (
    <section aria-labelledby={headingId} className="border-b border-slate-200 py-4 last:border-b-0">
      <h3 id={headingId} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        {title}
      </h3>
      {children}
      {values.length === 0 ? (
        <p className="px-2 text-sm text-slate-500">{t('noValues')}</p>
      ) : (
        <ul className="facet-values space-y-0.5">
          {listed.map((value) => (
            <FacetLink key={value.value} params={params} facet={facet} value={value} text={text} />
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p className="mt-1 px-2 py-1 text-sm">
          <a href={localePath(locale, facetListHref(params, facet, expanded ? null : facet))} rel="nofollow" className="text-brand-700 hover:underline">
            {expanded ? t('showFewer') : t('showMore', { count: hidden })}
          </a>
        </p>
      )}
      {find ? (
        <p className="mt-1 px-2 text-xs text-slate-500">
          {t('onlyContaining', { find })}{' '}
          <a
            href={localePath(locale, catalogueHref(params, facet === 'country' ? { findCountry: '' } : { findAuthor: '' }))}
            className="text-brand-700 underline"
          >
            {t('listAll')}
          </a>
        </p>
      ) : (
        unlisted > 0 && (
          <p className="mt-1 px-2 text-xs text-slate-500">
            {facet === 'country' || facet === 'author' ? t('unlistedFind', { count: unlisted }) : t('unlisted', { count: unlisted })}.
          </p>
        )
      )}
    </section>
  );
}
