import { describe, expect, it } from 'vitest';
import { originFrom } from './site-url';

// Without SITE_URL and TRUST_PROXY (the test environment sets neither): the request's own Host decides.
const origin = (headers: Record<string, string>) => originFrom(new Headers(headers));

describe('originFrom', () => {
  it('takes the Host the request was addressed to', () => {
    expect(origin({ host: 'catalogue.example.org' })).toBe('http://catalogue.example.org');
    expect(origin({ host: 'localhost:3100' })).toBe('http://localhost:3100');
    expect(origin({ host: '[::1]:3100' })).toBe('http://[::1]:3100');
  });

  it('falls back to localhost for a Host that makes no URL, or smuggles a path or credentials', () => {
    for (const host of ['x:99999', '[1.2.3.4]', 'evil.example/path', 'user@evil.example', 'a b', '']) {
      expect(origin({ host }), host).toBe('http://localhost');
    }
    expect(origin({})).toBe('http://localhost');
  });

  it('ignores forwarding headers when no proxy is trusted', () => {
    expect(origin({ host: 'catalogue.example.org', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' })).toBe('http://catalogue.example.org');
  });
});
