import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a log line belongs to: server.ts runs every request inside `requestContext.run({ requestId })`,
 * and every line logged while it is answered (by server.ts or by the app's code, another bundle in the same
 * process: hence globalThis) carries its id, which the response's X-Request-Id header also gives.
 */
const globalForLog = globalThis as unknown as { catalogueRequestContext?: AsyncLocalStorage<{ requestId: string }> };
export const requestContext = (globalForLog.catalogueRequestContext ??= new AsyncLocalStorage<{ requestId: string }>());

/** Field names whose values never reach a log, whatever a caller passes: passwords, tokens, cookies, keys. */
const SECRET = /pass(word)?|token|cookie|authorization|secret|session|key/i;

function redacted(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) out[name] = SECRET.test(name) ? '[redacted]' : value;
  return out;
}

/** One JSON line per event, for the server log. */
export function logEvent(event: string, fields: Record<string, unknown> = {}): void {
  const requestId = requestContext.getStore()?.requestId;
  console.info(JSON.stringify({ at: new Date().toISOString(), event, ...(requestId && { requestId }), ...redacted(fields) }));
}

/** Security-relevant events (sign-ins, refused authorizations). */
export function logSecurity(event: string, fields: Record<string, unknown>): void {
  logEvent(event, fields);
}
