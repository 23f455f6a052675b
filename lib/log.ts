/** One JSON line per security-relevant event (sign-ins, refused authorizations), for the server log. */
export function logSecurity(event: string, fields: Record<string, unknown>): void {
  console.info(JSON.stringify({ at: new Date().toISOString(), event, ...fields }));
}

/** One JSON line per operational event (the search index loaded, rebuilt, saved), for the server log. */
export function logEvent(event: string, fields: Record<string, unknown>): void {
  console.info(JSON.stringify({ at: new Date().toISOString(), event, ...fields }));
}
