import { localeOf } from '@/lib/i18n/routing';
import { feedResponse } from '@/lib/feeds/response';

/** GET [/fr|/es]/feed.json?<catalogue parameters>: the query's newest additions as JSON Feed 1.1. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return feedResponse(request, 'json', localeOf(locale));
}
