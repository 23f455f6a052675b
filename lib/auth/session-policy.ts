/** Sessions end after this long without a request… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and this long after sign-in, whatever happens. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;

export type SessionTimes = { lastSeenAt: Date; expiresAt: Date };

export function sessionIsLive(session: SessionTimes, now: Date = new Date()): boolean {
  return session.expiresAt > now && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS;
}
