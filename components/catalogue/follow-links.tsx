import { getLocale, getTranslations } from 'next-intl/server';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { localePath } from '@/lib/i18n/routing';
import { FEED_FORMAT_NAMES } from '@/lib/catalogue/metadata';
import { FEED_LINK_TYPES, feedHref, type FeedFormat } from '@/lib/feeds/links';

/** Feeds of this search's newest additions (the page's filters; not its sort or page). */
export async function FollowLinks({ params }: { params: CatalogueParams }) {
  const t = await getTranslations('Follow');
  const locale = await getLocale();
  const formats: FeedFormat[] = ['rss', 'atom'];
  return (
    <p className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">{t('label')}</span>
      {formats.map((format) => (
        <a key={format} className="text-brand-700 underline" href={localePath(locale, feedHref(format, params))} type={FEED_LINK_TYPES[format]}>
          {FEED_FORMAT_NAMES[format]}
        </a>
      ))}
    </p>
  );
}
