import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueQuery } from '@/lib/catalogue/url';

/** Carries the current catalogue state through a GET form, except the parameters the form itself sets. */
export function HiddenParams({ params, omit }: { params: CatalogueParams; omit: string[] }) {
  const fields = [...new URLSearchParams(catalogueQuery({ ...params, page: 1 }))].filter(([name]) => !omit.includes(name));
  return (
    <>
      {fields.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
