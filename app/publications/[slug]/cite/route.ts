import { recordReference } from '@/lib/citation/routes';

/** GET /publications/<slug>/cite?style=apa|chicago|harvard: the formatted reference, an HTML page. */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return recordReference(request, context);
}
