import { describe, expect, it } from 'vitest';
import { ByteLru } from './lru';

describe('ByteLru', () => {
  it('forgets the least recently used entries once over its byte budget', () => {
    const lru = new ByteLru<string>(10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    expect(lru.get('a')).toBe('A'); // a is now the most recent
    lru.set('c', 'C', 4);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.bytes).toBe(8);
  });

  it('replaces an entry and counts only its new size', () => {
    const lru = new ByteLru<string>(10);
    lru.set('a', 'A', 6);
    lru.set('a', 'A2', 3);
    expect(lru.bytes).toBe(3);
    expect(lru.get('a')).toBe('A2');
  });

  it('does not store a value larger than the budget', () => {
    const lru = new ByteLru<string>(10);
    lru.set('a', 'A', 5);
    lru.set('big', 'B', 11);
    expect(lru.get('big')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.size).toBe(1);
  });
});
