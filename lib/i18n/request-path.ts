/**
 * The request header in which proxy.ts hands pages the path and query the reader asked for (before any
 * rewrite into app/[locale]), so that the language switcher can link to the same page in other languages.
 * The proxy always sets it, replacing whatever a client sent.
 */
export const REQUEST_PATH_HEADER = 'X-Catalogue-Request-Path';
