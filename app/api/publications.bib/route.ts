import { resultSetCitations } from '@/lib/citation/routes';

/** GET /api/publications.bib?<catalogue parameters>: citations of the whole result set (no page limit), streamed. */
export function GET(request: Request) {
  return resultSetCitations(request, 'bib');
}
