import 'server-only';
import { headers } from 'next/headers';
import { hasSessionCookie } from '@/lib/auth/session';
import { reader } from '@/lib/db';
import { CACHE_FILL_HEADER } from '@/lib/http/internal-headers';
import type { Db } from '@/lib/prisma-client';

/**
 * Where a public read goes: a replica when there are any, but the primary for signed-in staff (who must see
 * what they just saved) and for answers the response cache will keep (server.ts): those are stored under the
 * catalogue version read from the primary, and a lagging replica would fill them with an older catalogue.
 */
export async function publicDb(): Promise<Db> {
  return reader({ ownWrites: (await hasSessionCookie()) || (await isCacheFill()) });
}

async function isCacheFill(): Promise<boolean> {
  try {
    return (await headers()).has(CACHE_FILL_HEADER);
  } catch {
    return false; // headers() throws outside a request (scripts)
  }
}
