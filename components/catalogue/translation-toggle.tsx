import Link from 'next/link';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';

/** Whether a work's translations show as one result: a link either way, so it works without JavaScript. */
export function TranslationToggle({ params, grouping }: { params: CatalogueParams; /** Whether grouping merges any of these results. */ grouping: boolean }) {
  const grouped = params.translations === 'grouped';
  // Nothing to offer when no work of this result set has several matching translations.
  if (grouped && !grouping) return null;
  return (
    <Link href={catalogueHref(params, { translations: grouped ? 'separate' : 'grouped' })} rel="nofollow"
      className="text-sm text-brand-700 underline hover:text-brand-800">
      {grouped ? 'List each translation separately' : 'Group translations of the same work'}
    </Link>
  );
}
