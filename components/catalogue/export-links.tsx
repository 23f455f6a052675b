import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';

/** Downloads of the whole result set (every page, not just this one), with the page's filters and sort. */
export function ExportLinks({ params }: { params: CatalogueParams }) {
  const href = (path: string) => catalogueHref(params, { findCountry: '', findAuthor: '' }, path);
  return (
    <>
      <a className="text-brand-700 underline" href={href('/api/publications.csv')} download>
        All results as CSV
      </a>
      <a className="text-brand-700 underline" href={href('/api/publications.json')} download>
        All results as JSON
      </a>
    </>
  );
}
