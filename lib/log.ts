/** One JSON line per security-relevant event (sign-ins, refused authorizations), for the server log. */
export function logSecurity(event: string, fields: Record<string, unknown>): void {
  console.info(JSON.stringify({ at: new Date().toISOString(), event, ...fields }));
}
