/** One JSON line per event, for the server log. */
export function logEvent(event: string, fields: Record<string, unknown> = {}): void {
  console.info(JSON.stringify({ at: new Date().toISOString(), event, ...fields }));
}

/** Security-relevant events (sign-ins, refused authorizations). */
export function logSecurity(event: string, fields: Record<string, unknown>): void {
  logEvent(event, fields);
}
