/**
 * Request headers server.ts sets for Next and removes from what clients send: the app may trust them
 * only because of that (under `next dev`, which has no server.ts, nothing sets them).
 */

/** The request renders an answer for the public response cache: its reads go to the primary (lib/data/public-db.ts). */
export const CACHE_FILL_HEADER = 'x-catalogue-cache-fill';

/** The client's address as server.ts determined it (the peer, or behind a trusted proxy the address it saw). */
export const CLIENT_ADDRESS_HEADER = 'x-catalogue-client-address';

/**
 * A response header of the download routes (lib/files/download.ts): the body's length, which server.ts sends
 * as Content-Length and removes. Next drops a route handler's own Content-Length (it may have decoded the
 * body), so without this a download would have no length: no progress bar, no size before it ends.
 */
export const CONTENT_LENGTH_HEADER = 'x-catalogue-content-length';
