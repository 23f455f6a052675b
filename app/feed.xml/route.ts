import { feedResponse } from '@/lib/feeds/response';

/** GET /feed.xml?<catalogue parameters>: the query's newest additions as RSS 2.0. */
export function GET(request: Request) {
  return feedResponse(request, 'rss');
}
