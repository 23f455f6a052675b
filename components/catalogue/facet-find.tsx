import { getLocale, getTranslations } from 'next-intl/server';
import { FIND_PARAM, type CatalogueParams, type FindableFacet } from '@/lib/catalogue/params';
import { localePath } from '@/lib/i18n/routing';
import { HiddenParams } from './hidden-params';

/** A GET form that narrows a long facet's list to the values whose name contains the text. */
export async function FacetFind({ params, facet }: { params: CatalogueParams; facet: FindableFacet }) {
  const t = await getTranslations('Facets');
  const home = localePath(await getLocale(), '/');
  const text =
    facet === 'country'
      ? { form: t('findCountry'), label: t('findCountryLabel'), placeholder: t('findCountryPlaceholder') }
      : { form: t('findAuthor'), label: t('findAuthorLabel'), placeholder: t('findAuthorPlaceholder') };
  const name = FIND_PARAM[facet];
  const id = `find-${facet}`;
  return (
    <form action={home} method="get" role="search" aria-label={text.form} className="mb-2 flex gap-1 px-2">
      <HiddenParams params={params} omit={[name]} />
      <label htmlFor={id} className="sr-only">
        {text.label}
      </label>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={params[name]}
        maxLength={100}
        placeholder={text.placeholder}
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-700"
      />
      {/* Named like its box ("Find country"): the catalogue has three search buttons. */}
      <button type="submit" aria-label={text.label} className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700 hover:bg-brand-50">
        {t('find')}
      </button>
    </form>
  );
}
