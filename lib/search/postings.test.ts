import { describe, expect, it } from 'vitest';
import { PositionLists, PostingCursor, SlotList } from './postings';

describe('SlotList', () => {
  it('gives back every slot in order, across one- to five-byte gaps, also after trim', () => {
    const slots = [0, 1, 2, 127, 128, 300, 16_384, 16_385, 2_097_152, 2_097_280, 4_000_000_000];
    const list = new SlotList();
    for (const slot of slots.slice(0, 6)) list.push(slot);
    list.trim();
    for (const slot of slots.slice(6)) list.push(slot);
    expect([...list.toArray()]).toEqual(slots);
    expect(list.length).toBe(slots.length);
  });
});

describe('PostingCursor', () => {
  const cursorOver = (postings: [number, number[]][]) => {
    const slots = new SlotList();
    const lists = new PositionLists();
    for (const [slot, positions] of postings) {
      slots.push(slot);
      lists.push(positions);
    }
    slots.trim();
    lists.trim();
    return new PostingCursor(slots, lists);
  };

  it('seeks to the first posting at or after a slot, never backwards, and ends at Infinity', () => {
    const cursor = cursorOver([[3, [0]], [4, [1]], [200, [2]], [70_000, [3]], [70_001, [4]]]);
    expect(cursor.seek(0)).toBe(3);
    expect(cursor.seek(5)).toBe(200);
    expect(cursor.seek(4)).toBe(200);
    expect(cursor.seek(70_000)).toBe(70_000);
    expect(cursor.seek(70_002)).toBe(Infinity);
    expect(cursor.seek(0)).toBe(Infinity);
  });

  it('tells whether words stand one after another, at each posting, across one- to three-byte positions', () => {
    // Three words; at slot 9 "a b c" stands at 16,500; at slot 5 the words are near but never in a row.
    const a = cursorOver([[5, [0, 4, 10]], [7, [2]], [9, [1, 130, 16_500]]]);
    const b = cursorOver([[5, [1, 6, 12]], [7, [3]], [9, [3, 131, 16_501]]]);
    const c = cursorOver([[5, [3, 7, 11]], [7, [9]], [9, [133, 16_502]]]);
    const state = () => [new Float64Array(3), new Float64Array(3)] as const;
    const found: [number, boolean, boolean][] = [];
    for (const slot of [5, 7, 9]) {
      for (const cursor of [a, b, c]) expect(cursor.seek(slot)).toBe(slot);
      found.push([slot, PostingCursor.adjacent([a, b], ...state()), PostingCursor.adjacent([a, b, c], ...state())]);
    }
    // "a b" at 0-1 (slot 5), 2-3 (slot 7), 130-131 and 16,500-16,501 (slot 9); "a b c" only at slot 9.
    expect(found).toEqual([
      [5, true, false],
      [7, true, false],
      [9, true, true],
    ]);
    // A word repeated: "b b" never (no two positions in a row), "a a" neither.
    expect(PostingCursor.adjacent([b, b], ...state())).toBe(false);
    expect(PostingCursor.adjacent([c, c], ...state())).toBe(false);
  });
});
