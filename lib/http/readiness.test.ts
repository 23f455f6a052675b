import { describe, expect, it } from 'vitest';
import { notReadyBecause } from './readiness';

const up = async () => 'v1';

describe('readiness', () => {
  it('is ready only with an index loaded, the database answering and no shutdown under way', async () => {
    expect(await notReadyBecause({ draining: false, store: { ready: true }, pingDatabase: up })).toBeNull();
    expect(await notReadyBecause({ draining: false, store: undefined, pingDatabase: up })).toBe('search index not loaded yet');
    expect(await notReadyBecause({ draining: false, store: { ready: false }, pingDatabase: up })).toBe('search index not loaded yet');
    const down = () => Promise.reject(new Error('ECONNREFUSED'));
    expect(await notReadyBecause({ draining: false, store: { ready: true }, pingDatabase: down })).toBe('database unreachable');
    expect(await notReadyBecause({ draining: true, store: { ready: true }, pingDatabase: up })).toBe('shutting down');
  });
});
