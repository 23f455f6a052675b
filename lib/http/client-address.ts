import type { IncomingHttpHeaders } from 'node:http';

/**
 * The address a request came from: the TCP peer, or, behind a proxy the deployment says it trusts
 * (TRUST_PROXY=1), the address that proxy saw: the last one it appended to X-Forwarded-For (earlier ones are
 * whatever the client wrote). No other header is ever believed (X-Real-IP, Forwarded, True-Client-IP,
 * CF-Connecting-IP…): a client can send any of them, and one that is believed lets it pick its own address
 * and with it its own rate limits.
 */
export function clientAddressOf(headers: IncomingHttpHeaders, peer: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const header = headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return forwarded.slice(0, 64);
  }
  return peer ?? 'unknown';
}
