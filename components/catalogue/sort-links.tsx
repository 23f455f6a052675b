import Link from 'next/link';
import { SORTS, type CatalogueParams, type Sort } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';

const SORT_LABELS: Record<Sort, string> = {
  relevance: 'Relevance',
  newest: 'Newest first',
  oldest: 'Oldest first',
  title: 'Title A–Z',
};

export function SortLinks({ params }: { params: CatalogueParams }) {
  // Relevance is offered only when there is a text query to be relevant to.
  const sorts = SORTS.filter((sort) => sort !== 'relevance' || params.q);
  return (
    <nav aria-label="Sort" className="flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-slate-600">Sort:</span>
      {sorts.map((sort) =>
        sort === params.sort ? (
          <span key={sort} aria-current="true" className="rounded bg-brand-700 px-2 py-1 font-medium text-white">
            {SORT_LABELS[sort]}
          </span>
        ) : (
          <Link key={sort} href={catalogueHref(params, { sort })} rel="nofollow"
            className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50 hover:underline">
            {SORT_LABELS[sort]}
          </Link>
        ),
      )}
    </nav>
  );
}
