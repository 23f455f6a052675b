import { serveFile } from '@/lib/files/download';

type Context = { params: Promise<{ slug: string; fileId: string; name: string }> };

/** GET /publications/<slug>/files/<id>/<file name>: the file, whole or by byte range. */
export function GET(request: Request, { params }: Context) {
  return serveFile(request, params, 'file');
}

export function HEAD(request: Request, { params }: Context) {
  return serveFile(request, params, 'file');
}
