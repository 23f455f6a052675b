/**
 * Request headers server.ts sets for Next and removes from what clients send: the app may trust them
 * only because of that (under `next dev`, which has no server.ts, nothing sets them).
 */

/** The request renders an answer for the public response cache: its reads go to the primary (lib/data/public-db.ts). */
export const CACHE_FILL_HEADER = 'x-catalogue-cache-fill';

/** The client's address as server.ts determined it (the peer, or behind a trusted proxy the address it saw). */
export const CLIENT_ADDRESS_HEADER = 'x-catalogue-client-address';
