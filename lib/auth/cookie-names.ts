// Over HTTPS the cookie is Secure and __Host- prefixed (bound to this host, path /, no Domain).
export const SECURE_COOKIE = '__Host-ct_session';
export const PLAIN_COOKIE = 'ct_session';

/** Either name: the HTTP server (server.ts) keeps any request carrying one out of the public response cache. */
export const SESSION_COOKIE_NAMES = [SECURE_COOKIE, PLAIN_COOKIE] as const;
