import { getLocale } from 'next-intl/server';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { localePath } from '@/lib/i18n/routing';
import { catalogueHref } from '@/lib/catalogue/url';
import { PageLinks } from '@/components/ui/page-links';

export async function Pagination({ params, page, pageCount }: { params: CatalogueParams; page: number; pageCount: number }) {
  const locale = await getLocale();
  return <PageLinks page={page} pageCount={pageCount} href={(p) => localePath(locale, catalogueHref(params, { page: p }))} />;
}
