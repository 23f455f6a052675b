import { env } from '@/lib/env';

/**
 * The origin that citations link the catalogue's pages from: SITE_URL when set, else the request's own
 * (its Host header; HTTPS when a trusted proxy says so). A Host header that makes no URL gives localhost.
 */
export function citationOrigin(headers: Headers): string {
  if (env.SITE_URL) return new URL(env.SITE_URL).origin;
  const forwarded = env.TRUST_PROXY === '1' ? headers.get('x-forwarded-proto') : null;
  const protocol = forwarded === 'https' ? 'https' : 'http';
  try {
    return new URL(`${protocol}://${headers.get('host') ?? 'localhost'}`).origin;
  } catch {
    return 'http://localhost';
  }
}
