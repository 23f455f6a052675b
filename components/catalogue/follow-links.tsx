import type { CatalogueParams } from '@/lib/catalogue/params';
import { FEED_FORMAT_NAMES } from '@/lib/catalogue/metadata';
import { FEED_LINK_TYPES, feedHref, type FeedFormat } from '@/lib/feeds/links';

/** Feeds of this search's newest additions (the page's filters; not its sort or page). */
export function FollowLinks({ params }: { params: CatalogueParams }) {
  const formats: FeedFormat[] = ['rss', 'atom'];
  return (
    <p className="flex items-center gap-2 text-sm">
      <span className="text-slate-600">Follow this search:</span>
      {formats.map((format) => (
        <a key={format} className="text-brand-700 underline" href={feedHref(format, params)} type={FEED_LINK_TYPES[format]}>
          {FEED_FORMAT_NAMES[format]}
        </a>
      ))}
    </p>
  );
}
