import { NextResponse } from 'next/server';
import { z } from 'zod';
import { authorize } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { attachFile, maxFileBytes } from '@/lib/files/files';
import { logSecurity } from '@/lib/log';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';
import { parsePublicationId } from '@/lib/publications/admin-id';
import { originFrom } from '@/lib/site-url';

/**
 * POST /admin/publications/<id>/files: the upload form of the edit page (multipart: file, label, language).
 * A route handler rather than a Server Action: a Server Action's body limit is fixed when the app is built,
 * and Next reads a whole body before any check; here the caller and the size are checked first, so an
 * over-limit or anonymous upload is refused before its bytes are read. It answers with a redirect back to the
 * edit page, whose `upload` parameter says what happened (so it works without JavaScript).
 */

const FieldsSchema = z.object({
  label: z.string().trim().max(200, { error: 'The label is longer than 200 characters.' }),
  language: z.union([z.literal(''), z.enum(LANGUAGE_CODES as [string, ...string[]], { error: 'Choose a language from the list.' })]),
});

/** Bytes beyond the file that a multipart body carries (boundaries, the other fields). */
const FORM_OVERHEAD = 64 * 1024;

function back(request: Request, id: number, outcome: Record<string, string>): Response {
  const url = new URL(`/admin/publications/${id}/edit`, originFrom(request.headers));
  for (const [name, value] of Object.entries(outcome)) url.searchParams.set(name, value);
  url.hash = 'files';
  return NextResponse.redirect(url, 303);
}

/** Reads the body up to `limit` bytes; null when it is longer. */
async function readCapped(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id: segment } = await params;
  const id = parsePublicationId(segment);
  if (id === null) return new Response('Not found\n', { status: 404 });

  // A form of this site, not of another (what Server Actions check by themselves): the origin must be ours.
  const origin = request.headers.get('origin');
  if (origin !== originFrom(request.headers) || request.headers.get('sec-fetch-site') === 'cross-site') {
    logSecurity('upload.cross-origin', { origin, publicationId: id });
    return new Response('Forbidden: this upload did not come from the catalogue’s own form.\n', { status: 403 });
  }
  const user = await authorize('editor', 'publications.attach-file');
  if (!user) return new Response('Forbidden: sign in as staff to attach files.\n', { status: 403 });

  const limit = maxFileBytes() + FORM_OVERHEAD;
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooBig = () => back(request, id, { upload: 'too-big' });
  if (Number.isFinite(declared) && declared > limit) return tooBig();
  const body = await readCapped(request, limit);
  if (!body) return tooBig();

  let form: FormData;
  try {
    form = await new Response(new Blob([new Uint8Array(body)]), { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return back(request, id, { upload: 'unreadable' });
  }
  const file = form.get('file');
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return back(request, id, { upload: 'no-file' });
  const fields = FieldsSchema.safeParse({ label: form.get('label') ?? '', language: form.get('language') ?? '' });
  if (!fields.success) return back(request, id, { upload: fields.error.issues[0]!.path[0] === 'label' ? 'label' : 'language' });

  const result = await attachFile(
    (write) => prisma.$transaction((tx) => write(tx), { timeout: 60_000 }),
    prisma,
    id,
    { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name, label: fields.data.label, language: fields.data.language || null },
    user,
  );
  // Codes, not messages, in the address: a link cannot make the page say what someone else wrote.
  if (!result.ok) return back(request, id, { upload: result.code });
  return back(request, id, { upload: 'attached', status: result.textStatus });
}
