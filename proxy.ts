import { NextResponse, type NextRequest } from 'next/server';
import { publicationExists } from '@/lib/data/catalogue';

const NOT_FOUND_PAGE = '/publication-not-found';

function slugOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/publications/'.length));
  } catch {
    return null; // malformed percent-encoding names no publication
  }
}

// Next 16 renders notFound() from a dynamic page as an empty shell that only JavaScript fills in
// (vercel/next.js#62228), so a reader without JavaScript would get a blank 404. Answering unknown
// slugs here, with the statically rendered not-found page, keeps the 404 readable everywhere.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/publications/')) {
    const slug = slugOf(pathname);
    if (slug !== null && (await publicationExists(slug))) return NextResponse.next();
  }
  // nextUrl (not request.url) keeps the rewrite on this server, whatever host name the client used.
  const notFound = request.nextUrl.clone();
  notFound.pathname = NOT_FOUND_PAGE;
  notFound.search = '';
  return NextResponse.rewrite(notFound, { status: 404 });
}

export const config = { matcher: ['/publications/:slug', '/publication-not-found'] };
