import { describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS, sessionIsLive } from './session-policy';
import { hashToken, newSessionToken } from './tokens';

describe('session policy', () => {
  const start = new Date('2026-01-01T08:00:00Z');
  const session = { lastSeenAt: start, expiresAt: new Date(start.getTime() + SESSION_LIFETIME_MS) };
  const at = (ms: number) => new Date(start.getTime() + ms);

  it('ends after the idle timeout', () => {
    expect(sessionIsLive(session, at(SESSION_IDLE_MS - 1))).toBe(true);
    expect(sessionIsLive(session, at(SESSION_IDLE_MS))).toBe(false);
  });

  it('ends at the absolute lifetime even when active', () => {
    const active = { ...session, lastSeenAt: at(SESSION_LIFETIME_MS - 1000) };
    expect(sessionIsLive(active, at(SESSION_LIFETIME_MS - 1))).toBe(true);
    expect(sessionIsLive(active, at(SESSION_LIFETIME_MS))).toBe(false);
  });
});

describe('session tokens', () => {
  it('are 256 random bits and stored only as a digest', () => {
    const token = newSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newSessionToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
