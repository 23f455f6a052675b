import { NextResponse, type NextRequest } from 'next/server';
import { ErrorSchema } from '@/lib/api/schemas';
import { env } from '@/lib/env';
import { publicationExists } from '@/lib/data/catalogue';
import { SESSION_COOKIES } from '@/lib/auth/session';

const NOT_FOUND_PAGE = '/publication-not-found';

function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    // Next.js marks its own scripts with the nonce; 'strict-dynamic' lets them load their chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

function slugOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/publications/'.length));
  } catch {
    return null; // malformed percent-encoding names no publication
  }
}

/** Unknown publication slugs, answered with a readable 404 (see below). */
async function isMissingPublication(request: NextRequest): Promise<boolean> {
  const { pathname } = request.nextUrl;
  if (pathname === NOT_FOUND_PAGE) return true;
  if (!/^\/publications\/[^/]+$/.test(pathname)) return false;
  const slug = slugOf(pathname);
  const ownWrites = SESSION_COOKIES.some((name) => request.cookies.has(name));
  return slug === null || !(await publicationExists(slug, { ownWrites }));
}

/** `/api/publications/<slug>` whose slug is not valid percent-encoding (`%ZZ`). */
function isMalformedApiSlug(pathname: string): boolean {
  const match = /^\/api\/publications\/([^/]+)$/.exec(pathname);
  return match !== null && slugOf(`/publications/${match[1]}`) === null;
}

export async function proxy(request: NextRequest) {
  const https =
    env.SITE_URL?.startsWith('https:') === true ||
    (env.TRUST_PROXY === '1' && request.headers.get('x-forwarded-proto') === 'https');
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);

  const { pathname } = request.nextUrl;
  let response: NextResponse;
  if (isMalformedApiSlug(pathname)) {
    // Next cannot decode such a slug into the route's params and answers 500: it names no publication.
    response = NextResponse.json(ErrorSchema.encode({ error: 'Publication not found' }), { status: 404 });
  } else if (await isMissingPublication(request)) {
    // Next 16 renders notFound() from a dynamic page as an empty shell that only JavaScript fills in
    // (vercel/next.js#62228): a reader without JavaScript would get a blank 404. This page renders whole.
    // nextUrl (not request.url) keeps the rewrite on this server, whatever host name the client used.
    const notFound = request.nextUrl.clone();
    notFound.pathname = NOT_FOUND_PAGE;
    notFound.search = '';
    response = NextResponse.rewrite(notFound, { status: 404, request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }

  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  if (pathname.startsWith('/admin') || pathname.startsWith('/sign-in')) {
    response.headers.set('Cache-Control', 'private, no-store');
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  }
  return response;
}

export const config = {
  // Everything but build assets, which carry no markup.
  matcher: [{ source: '/((?!_next/static|_next/image|icon.svg).*)' }],
};
