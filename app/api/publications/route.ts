import { parseCatalogueParams } from '@/lib/catalogue/params';
import { searchPublications } from '@/lib/data/catalogue';

export async function GET(request: Request) {
  const params = parseCatalogueParams(new URL(request.url).searchParams);
  const { total, page, pageSize, items, facets } = await searchPublications(params);
  return Response.json({ total, page, pageSize, items, facets });
}
