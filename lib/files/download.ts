import 'server-only';
import { Readable } from 'node:stream';
import { getCurrentUser } from '@/lib/auth/session';
import { getFileForDownload } from '@/lib/data/files';
import { prisma } from '@/lib/db';
import { CONTENT_LENGTH_HEADER } from '@/lib/http/internal-headers';
import { contentDisposition, parseRange } from '@/lib/http/range';
import { fileStore } from './files';

/**
 * The bodies of the download routes (/publications/<slug>/files/<id>/<name> and …/cover.png; proxy.ts gives
 * them a sandboxing Content-Security-Policy of their own). Files of a
 * published record are public; a draft's are for signed-in staff only, and anyone else gets the same 404 as
 * for a file that does not exist.
 */

const notFound = () => new Response('File not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}` || tag.trim() === '*');
}

export async function serveFile(request: Request, params: Promise<{ slug: string; fileId: string }>, what: 'file' | 'cover'): Promise<Response> {
  const { slug, fileId } = await params;
  const id = /^\d{1,9}$/.test(fileId) ? Number(fileId) : null;
  if (id === null) return notFound();
  const found = await getFileForDownload(decodeURIComponent(slug), id);
  if (!found) return notFound();
  if (!found.published && !(await getCurrentUser())) return notFound();

  const { file } = found;
  const sha256 = what === 'cover' ? file.coverSha256 : file.sha256;
  if (!sha256) return notFound();
  const store = fileStore(prisma);
  const size = what === 'cover' ? await store.size(sha256) : file.size;
  if (size === null) return notFound();

  const etag = `"${sha256}"`;
  const headers = new Headers({
    ETag: etag,
    'Accept-Ranges': 'bytes',
    'Content-Type': what === 'cover' ? 'image/png' : file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
    // Public files may be kept by browsers and CDNs a while, and checked again by their ETag; a draft's never.
    // no-transform: a compressed body would no longer match its byte ranges and length.
    'Cache-Control': found.published ? 'public, max-age=300, no-transform' : 'private, no-store, no-transform',
    'X-Content-Type-Options': 'nosniff',
  });
  if (what === 'file') {
    const inline = file.mediaType === 'application/pdf' || file.mediaType === 'text/plain';
    headers.set('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.fileName));
  }
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });

  // If-Range: a range only of the representation the client already has part of.
  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const head = request.method === 'HEAD';
  if (range) {
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    headers.set(CONTENT_LENGTH_HEADER, String(range.end - range.start + 1));
    const body = head ? null : (Readable.toWeb(store.read(sha256, range)) as ReadableStream);
    return new Response(body, { status: 206, headers });
  }
  headers.set(CONTENT_LENGTH_HEADER, String(size));
  const body = head ? null : (Readable.toWeb(store.read(sha256)) as ReadableStream);
  return new Response(body, { status: 200, headers });
}
