import { resultSetCitations } from '@/lib/citation/routes';

/** GET /api/publications.ris?<catalogue parameters>: citations of the whole result set (no page limit), streamed. */
export function GET(request: Request) {
  return resultSetCitations(request, 'ris');
}
