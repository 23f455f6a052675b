import { feedResponse } from '@/lib/feeds/response';

/** GET /atom.xml?<catalogue parameters>: the query's newest additions as Atom 1.0. */
export function GET(request: Request) {
  return feedResponse(request, 'atom');
}
