import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/internal-headers';

/**
 * The client's address as server.ts determined it (lib/http/client-address.ts: the peer, or behind a trusted
 * proxy the address the proxy saw), in a header it sets on every request and that no client can set. Under
 * `next dev`, which has no server.ts, nobody sets it: "unknown" (a development server is not exposed).
 */
export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || 'unknown';
}

export async function isHttps(): Promise<boolean> {
  if (env.SITE_URL?.startsWith('https:')) return true;
  return env.TRUST_PROXY === '1' && (await headers()).get('x-forwarded-proto') === 'https';
}
