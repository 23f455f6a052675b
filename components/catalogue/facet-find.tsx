import { FIND_PARAM, type CatalogueParams, type FindableFacet } from '@/lib/catalogue/params';
import { HiddenParams } from './hidden-params';

const NOUNS: Record<FindableFacet, string> = { country: 'countries', author: 'authors' };

/** A GET form that narrows a long facet's list to the values whose name contains the text. */
export function FacetFind({ params, facet, title }: { params: CatalogueParams; facet: FindableFacet; title: string }) {
  const name = FIND_PARAM[facet];
  const id = `find-${facet}`;
  return (
    <form action="/" method="get" role="search" aria-label={`Find ${NOUNS[facet]}`} className="mb-2 flex gap-1 px-2">
      <HiddenParams params={params} omit={[name]} />
      <label htmlFor={id} className="sr-only">
        Find {title.toLowerCase()}
      </label>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={params[name]}
        maxLength={100}
        placeholder={`Find ${NOUNS[facet]}…`}
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <button type="submit" className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700 hover:bg-brand-50">
        Find
      </button>
    </form>
  );
}
