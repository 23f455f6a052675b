import { getLocale, getTranslations } from 'next-intl/server';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { localePath } from '@/lib/i18n/routing';

/** Whether a work's translations show as one result: a link either way, so it works without JavaScript. */
export async function TranslationToggle({ params, grouping }: { params: CatalogueParams; /** Whether grouping merges any of these results. */ grouping: boolean }) {
  const grouped = params.translations === 'grouped';
  // Nothing to offer when no work of this result set has several matching translations.
  if (grouped && !grouping) return null;
  const t = await getTranslations('Catalogue');
  const locale = await getLocale();
  return (
    <a href={localePath(locale, catalogueHref(params, { translations: grouped ? 'separate' : 'grouped' }))} rel="nofollow"
      className="text-sm text-brand-700 underline hover:text-brand-800">
      {grouped ? t('separateTranslations') : t('groupTranslations')}
    </a>
  );
}
