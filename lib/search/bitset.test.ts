import { describe, expect, it } from 'vitest';
import { Bitset, GrowableUint32, GrowableUint8 } from './bitset';

const members = (set: Bitset) => {
  const out: number[] = [];
  set.forEach((i) => out.push(i));
  return out;
};

describe('Bitset', () => {
  it('adds, tests, counts and lists members in order', () => {
    const set = new Bitset(100);
    for (const i of [99, 0, 31, 32, 64, 63]) set.add(i);
    expect(members(set)).toEqual([0, 31, 32, 63, 64, 99]);
    expect(set.count()).toBe(6);
    expect(set.has(31)).toBe(true);
    expect(set.has(30)).toBe(false);
  });

  it('makes a full set without bits past the end', () => {
    expect(Bitset.full(70).count()).toBe(70);
    expect(Bitset.full(64).count()).toBe(64);
  });

  it('combines sets', () => {
    const a = new Bitset(40), b = new Bitset(40);
    [1, 2, 3, 35].forEach((i) => a.add(i));
    [2, 3, 4].forEach((i) => b.add(i));
    expect(members(a.clone().and(b))).toEqual([2, 3]);
    expect(members(a.clone().or(b))).toEqual([1, 2, 3, 4, 35]);
    expect(members(a.clone().andNot(b))).toEqual([1, 35]);
  });
});

describe('GrowableUint32', () => {
  it('grows past its capacity and keeps every value', () => {
    const array = new GrowableUint32(2);
    for (let i = 0; i < 1000; i++) array.push(i * 3);
    expect(array.length).toBe(1000);
    expect(array.data[999]).toBe(2997);
  });
});

describe('GrowableUint8', () => {
  it('stores values above 255 as 255, and trim keeps the values while dropping spare room', () => {
    const array = new GrowableUint8(2);
    for (const value of [1, 255, 256, 70_000]) array.push(value);
    array.trim();
    expect([...array.data]).toEqual([1, 255, 255, 255]);
    array.push(7);
    expect(array.data[4]).toBe(7);
  });
});
