import { serveFile } from '@/lib/files/download';

type Context = { params: Promise<{ slug: string; fileId: string }> };

/** GET /publications/<slug>/files/<id>/cover.png: the first page of a PDF, as a picture. */
export function GET(request: Request, { params }: Context) {
  return serveFile(request, params, 'cover');
}

export function HEAD(request: Request, { params }: Context) {
  return serveFile(request, params, 'cover');
}
