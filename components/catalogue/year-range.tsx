import { getLocale, getTranslations } from 'next-intl/server';
import { localePath } from '@/lib/i18n/routing';
import { MAX_YEAR, MIN_YEAR, type CatalogueParams } from '@/lib/catalogue/params';
import { HiddenParams } from './hidden-params';

const inputClass =
  'w-20 rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-700';

export async function YearRange({ params }: { params: CatalogueParams }) {
  const t = await getTranslations('Facets');
  const home = localePath(await getLocale(), '/');
  return (
    <form action={home} method="get" className="mb-3 flex flex-wrap items-end gap-2 px-2" aria-label={t('yearRange')}>
      <HiddenParams params={params} omit={['yearFrom', 'yearTo']} />
      <div className="flex flex-col">
        <label htmlFor="yearFrom" className="text-xs text-slate-600">
          {t('from')}
        </label>
        <input id="yearFrom" name="yearFrom" type="number" inputMode="numeric" min={MIN_YEAR} max={MAX_YEAR}
          defaultValue={params.yearFrom ?? ''} className={inputClass} />
      </div>
      <div className="flex flex-col">
        <label htmlFor="yearTo" className="text-xs text-slate-600">
          {t('to')}
        </label>
        <input id="yearTo" name="yearTo" type="number" inputMode="numeric" min={MIN_YEAR} max={MAX_YEAR}
          defaultValue={params.yearTo ?? ''} className={inputClass} />
      </div>
      <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50">
        {t('apply')}
      </button>
    </form>
  );
}
