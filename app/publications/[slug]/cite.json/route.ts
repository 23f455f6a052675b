import { recordCitation } from '@/lib/citation/routes';

/** GET /publications/<slug>/cite.json: the publication as CSL-JSON, a download. */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return recordCitation(request, context, 'csl.json');
}
