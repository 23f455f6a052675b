import { parseCatalogueParams } from '@/lib/catalogue/params';
import { listAllPublications } from '@/lib/data/catalogue';
import { exportResponse } from '@/lib/export/stream';

/** GET /api/publications.json?<catalogue parameters>: the whole result set (no page limit), streamed, in the import's format. */
export async function GET(request: Request) {
  const params = parseCatalogueParams(new URL(request.url).searchParams);
  return exportResponse('json', listAllPublications(params));
}
