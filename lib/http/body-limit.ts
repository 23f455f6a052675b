import type { IncomingHttpHeaders } from 'node:http';

/**
 * The largest Server Action body: next.config.mjs sets `serverActions.bodySizeLimit` to the same '41mb' (import
 * files of up to 40 MB, lib/import; body-limit.test.ts keeps the two in step). Next reads a larger body before
 * refusing it and answers 500; the server refuses it first, from its Content-Length, with a 413.
 */
export const SERVER_ACTION_MAX_BYTES = 41 * 1024 * 1024;

/** Whether a request is a Server Action call that says it carries more than Next would take. */
export function oversizedServerAction(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== 'POST' || headers['next-action'] === undefined) return false;
  const length = Number(headers['content-length']);
  return Number.isFinite(length) && length > SERVER_ACTION_MAX_BYTES;
}
