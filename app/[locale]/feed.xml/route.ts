import { localeOf } from '@/lib/i18n/routing';
import { feedResponse } from '@/lib/feeds/response';

/** GET [/fr|/es]/feed.xml?<catalogue parameters>: the query's newest additions as RSS 2.0. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return feedResponse(request, 'rss', localeOf(locale));
}
