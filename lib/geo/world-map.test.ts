import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '@/lib/taxonomy/regions';
import { CompactPath, worldMap } from './world-map';

describe('worldMap', () => {
  const map = worldMap();

  it('every catalogue country is reachable: a shape, or a dot for the small states', () => {
    const missing = COUNTRIES.filter((c) => c.code !== 'AQ' && !map.shapes.has(c.code) && !map.dots.has(c.code));
    expect(missing.map((c) => c.code)).toEqual([]);
    for (const code of ['XK', 'NG', 'RS', 'FR', 'CY', 'SO']) expect(map.shapes.get(code)).toMatch(/^M\d+ \d+l/);
    for (const code of ['SG', 'MT', 'BH', 'MV', 'LI']) expect(map.dots.has(code)).toBe(true);
    expect(map.shapes.has('AQ')).toBe(false);
  });

  it('fits the drawing, whole pixels, and stays small', () => {
    expect(map.width).toBe(800);
    expect(map.height).toBeGreaterThan(300);
    expect(map.height).toBeLessThan(420);
    for (const [x, y] of map.dots.values()) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(map.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(map.height);
    }
    const bytes = [...map.shapes.values()].join('').length;
    expect(bytes).toBeLessThan(40_000);
    expect([...map.shapes.values()].join('')).toMatch(/^[-Mlz\d ]+$/);
  });

  it('is built once per process', () => {
    expect(worldMap()).toBe(map);
  });
});

describe('CompactPath', () => {
  it('rounds, steps relatively, merges steps in one direction and drops rings rounding collapses', () => {
    const path = new CompactPath();
    path.moveTo(10.2, 10.4);
    path.lineTo(11, 10);
    path.lineTo(12.1, 9.8); // same direction: merged into one step of 2
    path.lineTo(12, 13);
    path.lineTo(10, 10); // back at the start: the close says it
    path.closePath();
    path.moveTo(50.1, 50.1);
    path.lineTo(50.3, 50.2); // rounds onto the first point: no ring
    path.closePath();
    expect(path.toString()).toBe('M10 10l2 0 0 3z');
  });
});
