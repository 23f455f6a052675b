import { describe, expect, it } from 'vitest';
import { barSelected, classOf, countScale, scaleRanges, yearBars } from './visual';

const years = (...pairs: [number, number][]) => pairs.map(([year, count]) => ({ year, count }));

describe('yearBars', () => {
  it('one bar per year from the first to the last, empty years included', () => {
    expect(yearBars(years([2019, 3], [2016, 1], [2018, 0]))).toEqual({
      size: 1,
      bars: [
        { from: 2016, to: 2016, count: 1 },
        { from: 2017, to: 2017, count: 0 },
        { from: 2018, to: 2018, count: 0 },
        { from: 2019, to: 2019, count: 3 },
      ],
    });
  });

  it('nothing without publications', () => {
    expect(yearBars([])).toEqual({ size: 1, bars: [] });
    expect(yearBars(years([2000, 0]))).toEqual({ size: 1, bars: [] });
  });

  it('40 years stay single; 41 are grouped by two, buckets on even years', () => {
    expect(yearBars(years([1980, 1], [2019, 1])).size).toBe(1);
    const { size, bars } = yearBars(years([1979, 2], [1980, 1], [2019, 4]));
    expect(size).toBe(2);
    expect(bars[0]).toEqual({ from: 1978, to: 1979, count: 2 });
    expect(bars[1]).toEqual({ from: 1980, to: 1981, count: 1 });
    expect(bars.at(-1)).toEqual({ from: 2018, to: 2019, count: 4 });
    expect(bars).toHaveLength(21);
  });

  it('long spans by 5, 10 or more years, counts summed, none lost', () => {
    const data = years([1900, 1], [1901, 2], [1955, 5], [2024, 7]);
    const { size, bars } = yearBars(data);
    expect(size).toBe(5);
    expect(bars[0]).toEqual({ from: 1900, to: 1904, count: 3 });
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(15);
    expect(yearBars(data, 10).size).toBe(20);
    expect(yearBars(years([1900, 1], [2100, 1]), 3).size).toBe(100);
  });
});

describe('barSelected', () => {
  const bar = { from: 2010, to: 2014, count: 1 };
  it('inside the range, or holding a picked year', () => {
    expect(barSelected(bar, { year: [], yearFrom: 2010, yearTo: 2014 })).toBe(true);
    expect(barSelected(bar, { year: [], yearFrom: 2011, yearTo: null })).toBe(false);
    expect(barSelected(bar, { year: [], yearFrom: null, yearTo: 2020 })).toBe(true);
    expect(barSelected(bar, { year: [2012], yearFrom: null, yearTo: null })).toBe(true);
    expect(barSelected(bar, { year: [2015], yearFrom: null, yearTo: null })).toBe(false);
    expect(barSelected(bar, { year: [], yearFrom: null, yearTo: null })).toBe(false);
  });
});

describe('countScale', () => {
  it('geometric classes up to the largest count', () => {
    expect(countScale(14)).toEqual([1, 2, 3, 5, 9]);
    expect(countScale(1000)).toEqual([1, 4, 16, 64, 252]);
  });

  it('fewer classes for few counts, none for none', () => {
    expect(countScale(3)).toEqual([1, 2, 3]);
    expect(countScale(1)).toEqual([1]);
    expect(countScale(0)).toEqual([]);
  });

  it('each count in one class; the legend covers 1 to max without gaps', () => {
    for (const max of [1, 2, 5, 14, 99, 1000, 54321]) {
      const lows = countScale(max);
      const ranges = scaleRanges(lows, max);
      expect(ranges[0]![0]).toBe(1);
      expect(ranges.at(-1)![1]).toBe(max);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1] + 1);
      for (const [k, [low, high]] of ranges.entries()) {
        expect(classOf(low, lows)).toBe(k);
        expect(classOf(high, lows)).toBe(k);
      }
    }
    expect(classOf(0, countScale(10))).toBe(-1);
  });
});
