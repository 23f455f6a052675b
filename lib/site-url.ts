import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** A host (with an optional port) that makes a URL: the pattern keeps out paths and credentials, URL the rest. */
function isHost(host: string): boolean {
  return HOST.test(host) && URL.canParse(`http://${host}/`);
}

/**
 * The catalogue's public origin, for the absolute URLs of feeds, sitemaps, OAI-PMH, citations and
 * metadata: SITE_URL when set (set it in production), else the host the request was addressed to, with
 * X-Forwarded-Host and -Proto only behind a trusted proxy; a malformed Host falls back to localhost.
 */
export function originFrom(requestHeaders: Headers): string {
  if (env.SITE_URL) return new URL(env.SITE_URL).origin;
  const trusted = env.TRUST_PROXY === '1';
  const forwardedHost = trusted ? requestHeaders.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const host = [forwardedHost, requestHeaders.get('host')].find((h): h is string => !!h && isHost(h)) ?? 'localhost';
  const https = trusted && requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  return `${https ? 'https' : 'http'}://${host}`;
}

/** The public origin of the request being rendered (Server Components, metadata). */
export async function siteOrigin(): Promise<string> {
  return originFrom(await headers());
}

/** The CSP nonce proxy.ts made for this request, for the page's own inline scripts (JSON-LD). */
export async function requestNonce(): Promise<string | undefined> {
  const csp = (await headers()).get('content-security-policy') ?? '';
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
}
