import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { PageLinks } from '@/components/ui/page-links';

export function Pagination({ params, page, pageCount }: { params: CatalogueParams; page: number; pageCount: number }) {
  return <PageLinks page={page} pageCount={pageCount} href={(p) => catalogueHref(params, { page: p })} />;
}
