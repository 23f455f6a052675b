import { getLocale, getTranslations } from 'next-intl/server';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueQuery } from '@/lib/catalogue/url';
import { localeOf, localePath } from '@/lib/i18n/routing';
import { HiddenParams } from './hidden-params';
import { SearchInput } from './search-input';

export async function SearchBox({ params }: { params: CatalogueParams }) {
  const t = await getTranslations('Search');
  const locale = localeOf(await getLocale());
  const home = localePath(locale, '/');
  return (
    <form action={home} method="get" role="search" className="flex gap-2">
      <label htmlFor="q" className="sr-only">
        {t('label')}
      </label>
      <SearchInput
        name="q"
        defaultValue={params.q}
        maxLength={500}
        placeholder={t('placeholder')}
        locale={locale}
        recordPath={localePath(locale, '/publications/')}
        cataloguePath={home}
        filters={catalogueQuery({ ...params, q: '', page: 1, literal: false, sort: params.sort === 'relevance' ? 'newest' : params.sort })}
        text={{
          title: t('kindTitle'),
          author: t('kindAuthor'),
          country: t('kindCountry'),
          none: t('suggestionsNone'),
          one: t('suggestionsOne'),
          // The field fills in the count itself.
          many: t('suggestionsMany', { count: '#' }),
        }}
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
