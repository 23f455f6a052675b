import { feedResponse } from '@/lib/feeds/response';

/** GET /feed.json?<catalogue parameters>: the query's newest additions as JSON Feed 1.1. */
export function GET(request: Request) {
  return feedResponse(request, 'json');
}
