import { recordCitation } from '@/lib/citation/routes';

/** GET /publications/<slug>/cite.bib: the publication's citation as a download. */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return recordCitation(request, context, 'bib');
}
