import { PublicationListSchema } from '@/lib/api/schemas';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { searchPublications } from '@/lib/data/catalogue';
import { segmentsToHtml } from '@/lib/search/highlight';

/** GET /api/publications?<catalogue parameters>: one page of results; the body is PublicationList (lib/api/schemas.ts). */
export async function GET(request: Request) {
  const params = parseCatalogueParams(new URL(request.url).searchParams);
  const { total, results, page, pageSize, items, facets, correction, suggestions } = await searchPublications(params);
  return Response.json(
    PublicationListSchema.encode({
      total,
      results,
      page,
      pageSize,
      correction,
      suggestions,
      // Snippets are HTML: escaped text with the matched words in <mark>; null without a text query.
      items: items.map(({ snippets, ...item }) => ({
        ...item,
        snippets: snippets && {
          title: segmentsToHtml(snippets.title),
          summary: segmentsToHtml(snippets.summary),
          document: snippets.document && { page: snippets.document.page, snippet: segmentsToHtml(snippets.document.snippet) },
        },
      })),
      facets,
    }),
  );
}
