import 'server-only';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { getPublication, isWithdrawn, listAllPublications } from '@/lib/data/catalogue';
import { toCsl } from './csl';
import { citationSetResponse, parseStyle, recordCitationResponse, referencePage, HTML_CONTENT_TYPE, type CitationFormat } from './http';
import { originFrom } from '@/lib/site-url';

/**
 * The citation Route Handlers' bodies. Public, so no session is checked; only published records are
 * served (getPublication and listAllPublications read nothing else).
 */

type SlugContext = { params: Promise<{ slug: string }> };

/** 410 for a slug that was public and is no longer, 404 for any other. */
async function missing(slug: string): Promise<Response> {
  const gone = await isWithdrawn(slug);
  return new Response(gone ? 'Publication withdrawn\n' : 'Publication not found\n', {
    status: gone ? 410 : 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** GET /publications/<slug>/cite.<format>. */
export async function recordCitation(request: Request, { params }: SlugContext, format: CitationFormat): Promise<Response> {
  const { slug } = await params;
  const publication = await getPublication(slug);
  if (!publication) return missing(slug);
  return recordCitationResponse(publication, format, originFrom(request.headers));
}

/** GET /publications/<slug>/cite?style=apa|chicago|harvard: the formatted reference as an HTML page. */
export async function recordReference(request: Request, { params }: SlugContext): Promise<Response> {
  const parsed = parseStyle(new URL(request.url).searchParams);
  if ('response' in parsed) return parsed.response;
  const { slug } = await params;
  const publication = await getPublication(slug);
  if (!publication) return missing(slug);
  const item = toCsl(publication, { origin: originFrom(request.headers) });
  return new Response(referencePage(item, parsed.style, { heading: publication.title }), {
    headers: { 'Content-Type': HTML_CONTENT_TYPE },
  });
}

/** GET /api/publications.<format>?<catalogue parameters>: the whole result set, streamed. */
export function resultSetCitations(request: Request, format: CitationFormat): Response {
  const search = new URL(request.url).searchParams;
  return citationSetResponse(format, listAllPublications(parseCatalogueParams(search)), originFrom(request.headers));
}

/** GET /api/publications.html?style=…&<catalogue parameters>: the result set's formatted references. */
export function resultSetReferences(request: Request): Response {
  const search = new URL(request.url).searchParams;
  const parsed = parseStyle(search);
  if ('response' in parsed) return parsed.response;
  return citationSetResponse({ style: parsed.style }, listAllPublications(parseCatalogueParams(search)), originFrom(request.headers));
}
