import { getLocale, getTranslations } from 'next-intl/server';
import { SORTS, type CatalogueParams, type Sort } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { localePath } from '@/lib/i18n/routing';

export async function SortLinks({ params }: { params: CatalogueParams }) {
  const t = await getTranslations('Sort');
  const locale = await getLocale();
  const label = (sort: Sort) => t(sort);
  // Relevance is offered only when there is a text query to be relevant to.
  const sorts = SORTS.filter((sort) => sort !== 'relevance' || params.q);
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-slate-600">{t('sortBy')}</span>
      {sorts.map((sort) =>
        sort === params.sort ? (
          <span key={sort} aria-current="true" className="rounded bg-brand-700 px-2 py-1 font-medium text-white">
            {label(sort)}
          </span>
        ) : (
          <a key={sort} href={localePath(locale, catalogueHref(params, { sort }))} rel="nofollow"
            className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50 hover:underline">
            {label(sort)}
          </a>
        ),
      )}
    </nav>
  );
}
