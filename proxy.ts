import { NextRequest, NextResponse } from 'next/server';
import { ErrorSchema } from '@/lib/api/schemas';
import { env } from '@/lib/env';
import { publicationState } from '@/lib/data/catalogue';
import { SESSION_COOKIE_NAMES } from '@/lib/auth/cookie-names';
import { CACHE_FILL_HEADER } from '@/lib/http/internal-headers';
import createIntlMiddleware from 'next-intl/middleware';
import { routing, splitLocale, type Locale } from '@/lib/i18n/routing';
import { REQUEST_PATH_HEADER } from '@/lib/i18n/request-path';
import { translator } from '@/lib/i18n/messages';

const NOT_FOUND_PAGE = '/publication-not-found';
const GONE_PAGE = '/publication-gone';

const handleLocale = createIntlMiddleware(routing);

const FILE_PATH = /^\/publications\/[^/]+\/files\//;
const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

const LOCALIZED_DOWNLOAD = /^\/(fr|es)\/publications\/[^/]+\/(cite[^/]*|files\/.+)$/;

/**
 * Paths outside the locales: the staff area and the API documentation (English), and the route handlers
 * whose answers are data, not pages (API, OAI-PMH, sitemaps, citation downloads, attached files), and the icon (next.config's
 * /favicon.ico rewrite runs after this proxy). Everything else is a public page in the reader's locale.
 */
function isUnlocalized(pathname: string): boolean {
  return (
    /^\/(admin|sign-in|reset-password|api|oai|sitemaps)(\/|$)/.test(pathname) ||
    pathname === '/robots.txt' ||
    pathname === '/favicon.ico' ||
    pathname === '/sitemap.xml' ||
    /^\/publications\/[^/]+\/(cite[^/]*|files\/.+)$/.test(pathname)
  );
}

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

/**
 * The page a publication URL is answered with instead of its own: a readable 404 for unknown slugs, 410
 * Gone for one that was public and was deleted or withdrawn (see below); null for every other path.
 */
async function missingPublicationPage(request: NextRequest, pathname: string): Promise<{ page: string; status: 404 | 410 } | null> {
  if (pathname === NOT_FOUND_PAGE) return { page: NOT_FOUND_PAGE, status: 404 };
  if (pathname === GONE_PAGE) return { page: GONE_PAGE, status: 410 };
  if (!/^\/publications\/[^/]+$/.test(pathname)) return null;
  const slug = slugOf(pathname);
  if (slug === null) return { page: NOT_FOUND_PAGE, status: 404 };
  // Staff, and answers the response cache keeps (server.ts), read the primary (lib/data/public-db.ts).
  const ownWrites = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name)) || request.headers.has(CACHE_FILL_HEADER);
  const state = await publicationState(slug, { ownWrites });
  if (state === 'published') return null;
  return state === 'gone' ? { page: GONE_PAGE, status: 410 } : { page: NOT_FOUND_PAGE, status: 404 };
}

/** `/api/publications/<slug>` whose slug is not valid percent-encoding (`%ZZ`). */
function isMalformedApiSlug(pathname: string): boolean {
  return /^\/api\/publications\/[^/]+$/.test(pathname) && hasMalformedEncoding(pathname);
}

/** Next answers a path whose percent-encoding is malformed with a 500 when it fills a dynamic segment. */
function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function isRedirect(response: NextResponse): boolean {
  return response.status >= 300 && response.status < 400;
}

function missingPage(
  request: NextRequest,
  requestHeaders: Headers,
  locale: Locale,
  missing: { page: string; status: 404 | 410 },
): NextResponse {
  // Next 16 renders notFound() from a dynamic page as an empty shell that only JavaScript fills in
  // (vercel/next.js#62228): a reader without JavaScript would get a blank 404. This page renders whole.
  // nextUrl (not request.url) keeps the rewrite on this server, whatever host name the client used.
  const page = request.nextUrl.clone();
  page.pathname = `/${locale}${missing.page}`;
  page.search = '';
  const headers = new Headers(requestHeaders);
  headers.set('X-NEXT-INTL-LOCALE', locale);
  return NextResponse.rewrite(page, { status: missing.status, request: { headers } });
}

export async function proxy(request: NextRequest) {
  const https =
    env.SITE_URL?.startsWith('https:') === true ||
    (env.TRUST_PROXY === '1' && request.headers.get('x-forwarded-proto') === 'https');
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);

  const { pathname } = request.nextUrl;
  let response: NextResponse;
  if (isMalformedApiSlug(pathname)) {
    // Next cannot decode such a slug into the route's params and answers 500: it names no publication.
    response = NextResponse.json(ErrorSchema.encode({ error: 'Publication not found' }), { status: 404 });
  } else if (hasMalformedEncoding(pathname)) {
    const { locale } = splitLocale(pathname);
    response = new NextResponse(`${translator(locale ?? routing.defaultLocale, 'Errors')('malformedPath')}\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  } else if (isUnlocalized(pathname)) {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else if (LOCALIZED_DOWNLOAD.test(pathname)) {
    // A citation or an attached file is the same in every language: /fr/publications/x/cite.bib is /publications/x/cite.bib.
    const url = request.nextUrl.clone();
    url.pathname = splitLocale(pathname).path;
    response = NextResponse.redirect(url, 308);
  } else {
    // next-intl redirects (`/en/…` to `/…`, a first visit to the reader's language) or rewrites the path into
    // app/[locale], passing on the request headers it is given (the CSP with this response's nonce).
    response = handleLocale(new NextRequest(request, { headers: requestHeaders }));
    // Whether an unprefixed URL redirects depends on the reader's languages and cookie.
    if (splitLocale(pathname).locale === null) response.headers.set('Vary', 'Accept-Language, Cookie');
    if (!isRedirect(response)) {
      const { locale, path } = splitLocale(pathname);
      const missing = await missingPublicationPage(request, path);
      if (missing) response = missingPage(request, requestHeaders, locale ?? routing.defaultLocale, missing);
    }
  }

  // A hosted file is never a page of this site: no script in it runs, and no page of it is anyone's frame.
  response.headers.set('Content-Security-Policy', FILE_PATH.test(pathname) ? FILE_CSP : csp);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  if (pathname.startsWith('/admin') || pathname.startsWith('/sign-in') || pathname.startsWith('/reset-password')) {
    response.headers.set('Cache-Control', 'private, no-store');
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  }
  return response;
}

export const config = {
  // Everything but build assets, which carry no markup.
  // Not the file upload route: the proxy would pass it only the first 10 MB of a body (proxyClientMaxBodySize),
  // and the route checks its caller, origin and size itself (app/admin/publications/[id]/files/route.ts).
  matcher: [{ source: '/((?!_next/static|_next/image|icon.svg|admin/publications/[^/]+/files$).*)' }],
};
