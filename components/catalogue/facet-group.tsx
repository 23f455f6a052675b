import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { CatalogueParams, Facet } from '@/lib/catalogue/params';
import { catalogueHref, toggleFacetHref } from '@/lib/catalogue/url';
import type { FacetValue } from '@/lib/data/catalogue';
import { localePath, type Locale } from '@/lib/i18n/routing';

const VISIBLE_VALUES = 10;

type LinkText = { locale: Locale; selected: string; count: (n: number) => string };

function FacetLink({ params, facet, value, text }: { params: CatalogueParams; facet: Facet; value: FacetValue; text: LinkText }) {
  const href = localePath(text.locale, toggleFacetHref(params, facet, (facet === 'year' ? Number(value.value) : value.value) as never));
  return (
    <li>
      <Link
        href={href}
        rel="nofollow"
        aria-current={value.selected ? 'true' : undefined}
        className={`group flex items-baseline justify-between gap-2 rounded px-2 py-1 text-sm hover:bg-brand-50 ${
          value.selected ? 'font-semibold text-brand-800' : 'text-slate-700'
        }`}
      >
        <span className="flex items-baseline gap-2">
          <span
            aria-hidden="true"
            className={`inline-block size-3 shrink-0 translate-y-0.5 rounded-sm border ${
              value.selected ? 'border-brand-700 bg-brand-700' : 'border-slate-400 bg-white'
            }`}
          />
          <span>
            {value.label}
            {value.selected && <span className="sr-only"> {text.selected}</span>}
          </span>
        </span>
        <span className="tabular-nums text-slate-500">{text.count(value.count)}</span>
      </Link>
    </li>
  );
}

export async function FacetGroup({
  title,
  facet,
  values,
  size,
  params,
  children,
}: {
  title: string;
  facet: Facet;
  values: FacetValue[];
  /** How many values the facet has in these results; `values` may list fewer. */
  size: number;
  params: CatalogueParams;
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
  const visible = values.filter((v, i) => i < VISIBLE_VALUES || v.selected);
  const more = values.filter((v, i) => i >= VISIBLE_VALUES && !v.selected);
  return (
    <section aria-labelledby={headingId} className="border-b border-slate-200 py-4 last:border-b-0">
      <h3 id={headingId} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        {title}
      </h3>
      {children}
      {values.length === 0 ? (
        <p className="px-2 text-sm text-slate-500">{t('noValues')}</p>
      ) : (
        <ul className="space-y-0.5">
          {visible.map((value) => (
            <FacetLink key={value.value} params={params} facet={facet} value={value} text={text} />
          ))}
        </ul>
      )}
      {more.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer px-2 py-1 text-sm text-brand-700 hover:underline">
            {t('showMore', { count: more.length })}
          </summary>
          <ul className="mt-1 max-h-72 space-y-0.5 overflow-y-auto">
            {more.map((value) => (
              <FacetLink key={value.value} params={params} facet={facet} value={value} text={text} />
            ))}
          </ul>
        </details>
      )}
      {find ? (
        <p className="mt-1 px-2 text-xs text-slate-500">
          {t('onlyContaining', { find })}{' '}
          <Link
            href={localePath(locale, catalogueHref(params, facet === 'country' ? { findCountry: '' } : { findAuthor: '' }))}
            className="text-brand-700 underline"
          >
            {t('listAll')}
          </Link>
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
