import { FACETS, DEFAULT_SORT, type CatalogueParams } from '@/lib/catalogue/params';

type Key = 'q' | 'facets' | 'yearRange' | 'sort';

/** Carries the current catalogue state through a GET form, except the parts the form itself sets. */
export function HiddenParams({ params, omit }: { params: CatalogueParams; omit: Key[] }) {
  const fields: [string, string][] = [];
  if (!omit.includes('q') && params.q) fields.push(['q', params.q]);
  if (!omit.includes('facets')) {
    for (const facet of FACETS) for (const value of params[facet]) fields.push([facet, String(value)]);
  }
  if (!omit.includes('yearRange')) {
    if (params.yearFrom !== null) fields.push(['yearFrom', String(params.yearFrom)]);
    if (params.yearTo !== null) fields.push(['yearTo', String(params.yearTo)]);
  }
  if (!omit.includes('sort') && params.sort !== DEFAULT_SORT) fields.push(['sort', params.sort]);
  return (
    <>
      {fields.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
