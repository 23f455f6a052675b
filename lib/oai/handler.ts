import 'server-only';
import { publicDb } from '@/lib/data/public-db';
import { env } from '@/lib/env';
import { originFrom } from '@/lib/site-url';
import { answerOai } from './protocol';
import { tokenKey } from './token';

const KEY = tokenKey(env.OAI_TOKEN_SECRET);
/** A POST body larger than this holds no OAI-PMH request (the longest is a few hundred bytes). */
const MAX_BODY = 64 * 1024;

const XML_HEADERS = { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' };

/**
 * The arguments of a GET (query string) or a POST (application/x-www-form-urlencoded body, spec §3.1.1);
 * anything else reads as no arguments at all, which the protocol answers with badVerb.
 */
async function requestArguments(request: Request): Promise<[string, string][]> {
  if (request.method !== 'POST') return [...new URL(request.url).searchParams];
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return [];
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY) return [];
  const body = await request.text().catch(() => '');
  return body.length > MAX_BODY ? [] : [...new URLSearchParams(body)];
}

/** GET and POST /oai. OAI errors are answered with 200 and the error in the document, as the spec has it. */
export async function handleOaiRequest(request: Request): Promise<Response> {
  const pairs = await requestArguments(request);
  // A public read (a replica when there are any), unless a signed-in staff member asks.
  const db = await publicDb();
  const xml = await answerOai(pairs, {
    db,
    origin: originFrom(request.headers),
    now: new Date(),
    tokenKey: KEY,
    adminEmail: env.OAI_ADMIN_EMAIL,
  });
  return new Response(xml, { status: 200, headers: XML_HEADERS });
}
