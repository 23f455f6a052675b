import { parseCatalogueParams } from '@/lib/catalogue/params';
import { listAllPublications } from '@/lib/data/catalogue';
import { exportResponse } from '@/lib/export/stream';

/** GET /api/publications.csv?<catalogue parameters>: the whole result set (no page limit), streamed. */
export async function GET(request: Request) {
  const params = parseCatalogueParams(new URL(request.url).searchParams);
  return exportResponse('csv', listAllPublications(params));
}
