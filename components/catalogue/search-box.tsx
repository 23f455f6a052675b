import { getLocale, getTranslations } from 'next-intl/server';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { localePath } from '@/lib/i18n/routing';
import { HiddenParams } from './hidden-params';

export async function SearchBox({ params }: { params: CatalogueParams }) {
  const t = await getTranslations('Search');
  const home = localePath(await getLocale(), '/');
  return (
    <form action={home} method="get" role="search" className="flex gap-2">
      <label htmlFor="q" className="sr-only">
        {t('label')}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={params.q}
        maxLength={500}
        placeholder={t('placeholder')}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      {/* A new search is corrected again: `literal` is for the words it was given with. */}
      <HiddenParams params={params} omit={['q', 'literal']} />
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
      >
        {t('submit')}
      </button>
    </form>
  );
}
