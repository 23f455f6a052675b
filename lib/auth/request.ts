import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/** The client's address: the proxy's X-Forwarded-For when TRUST_PROXY=1, else what the server saw. */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  if (env.TRUST_PROXY === '1') {
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return h.get('x-real-ip')?.slice(0, 64) ?? 'direct';
}

export async function isHttps(): Promise<boolean> {
  if (env.SITE_URL?.startsWith('https:')) return true;
  return env.TRUST_PROXY === '1' && (await headers()).get('x-forwarded-proto') === 'https';
}
