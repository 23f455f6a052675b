import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address';

// Every header a proxy or CDN may use to pass the client's address on.
const SPOOFS = {
  'x-real-ip': '10.9.9.9',
  forwarded: 'for=10.9.9.9;proto=https',
  'true-client-ip': '10.9.9.9',
  'cf-connecting-ip': '10.9.9.9',
  'x-client-ip': '10.9.9.9',
  'x-cluster-client-ip': '10.9.9.9',
  'fastly-client-ip': '10.9.9.9',
  'x-forwarded': 'for=10.9.9.9',
  'forwarded-for': '10.9.9.9',
  'x-forwarded-for': '10.9.9.9',
};

describe('clientAddressOf', () => {
  it('without a trusted proxy, is the peer whatever headers say', () => {
    for (const [name, value] of Object.entries(SPOOFS)) expect(clientAddressOf({ [name]: value }, '203.0.113.5', false), name).toBe('203.0.113.5');
    expect(clientAddressOf(SPOOFS, '203.0.113.5', false)).toBe('203.0.113.5');
  });

  it('behind a trusted proxy, is the last address the proxy appended, and believes no other header', () => {
    expect(clientAddressOf({ 'x-forwarded-for': '10.9.9.9, 198.51.100.7' }, '127.0.0.1', true)).toBe('198.51.100.7');
    expect(clientAddressOf({ 'x-forwarded-for': ['10.9.9.9', '198.51.100.8'] }, '127.0.0.1', true)).toBe('198.51.100.8');
    const others = Object.fromEntries(Object.entries(SPOOFS).filter(([name]) => name !== 'x-forwarded-for'));
    expect(clientAddressOf(others, '127.0.0.1', true)).toBe('127.0.0.1');
  });

  it('is "unknown" without a peer (a closed socket)', () => {
    expect(clientAddressOf({}, undefined, false)).toBe('unknown');
  });
});
