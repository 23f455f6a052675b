import { describe, expect, it } from 'vitest';
import { editDistance, maxDistanceFor, Speller } from './spelling';

describe('editDistance (optimal string alignment)', () => {
  it.each<[string, string, number]>([
    ['trafficking', 'trafficking', 0],
    ['trafficing', 'trafficking', 1], // a letter missing
    ['traffickking', 'trafficking', 1], // a letter too many
    ['traffickimg', 'trafficking', 1], // a letter wrong
    ['traffikcing', 'trafficking', 1], // two letters swapped
    ['trafikcing', 'trafficking', 2],
    ['victmis', 'victims', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ca', 'abc', 3], // OSA: no edit of a transposed pair
    ['migrant', 'emigrant', 1],
    ['labour', 'labor', 1],
  ])('%s ↔ %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('stops at the limit', () => {
    expect(editDistance('trafficking', 'slavery', 2)).toBe(3);
    expect(editDistance('abcdef', 'abc', 1)).toBe(2);
    expect(editDistance('trafficing', 'trafficking', 1)).toBe(1);
  });

  it('allows 1 edit up to 5 letters, 2 from 6, none below 3', () => {
    expect([1, 2, 3, 5, 6, 12].map(maxDistanceFor)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('Speller', () => {
  const vocabulary = ['trafficking', 'trafficked', 'traffic', 'victims', 'victim', 'labour', 'labor', 'migrant', 'emigrant', '2019', 'ab'];
  const speller = new Speller(vocabulary);
  const words = (word: string, distance: number) => speller.neighbours(word, distance).map((n) => `${n.word}:${n.distance}`);

  it('finds the vocabulary words within the distance, nearest first, never the word itself', () => {
    expect(words('trafficing', 2)).toEqual(['trafficking:1']);
    expect(words('trafficed', 2)).toEqual(['trafficked:1', 'traffic:2']);
    expect(words('trafficing', 1)).toEqual(['trafficking:1']);
    expect(words('victmis', 1)).toEqual(['victims:1']);
    expect(words('labour', 1)).toEqual(['labor:1']);
    expect(words('migrant', 1)).toEqual(['emigrant:1']);
    expect(words('trafficking', 2)).toEqual([]);
    expect(words('victim', 2)).toEqual(['victims:1']);
  });

  it('finds every kind of two edits', () => {
    expect(words('trafficckingg', 2)).toEqual(['trafficking:2']);
    expect(words('trafficcking', 2)).toContain('trafficking:1');
    expect(words('trafficcimg', 2)).toContain('trafficking:2');
    expect(words('rtafifcking', 2)).toContain('trafficking:2');
    expect(words('trafcking', 2)).toContain('trafficking:2');
    expect(words('trafikcing', 2)).toContain('trafficking:2');
    expect(words('trafficcing', 1)).toEqual(['trafficking:1']);
  });

  it('leaves digits and too short words alone', () => {
    expect(words('2018', 1)).toEqual([]);
    expect(words('ac', 1)).toEqual([]);
    expect(words('zzzzzz', 2)).toEqual([]);
  });

  it('files the words the vocabulary gains later', () => {
    const growing = ['slavery'];
    const later = new Speller(growing);
    expect(later.neighbours('slavry', 1).map((n) => n.word)).toEqual(['slavery']);
    expect(later.neighbours('smugling', 1)).toEqual([]);
    growing.push('smuggling');
    expect(later.neighbours('smugling', 1).map((n) => n.word)).toEqual(['smuggling']);
  });
});
