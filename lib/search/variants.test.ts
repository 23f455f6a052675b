import { describe, expect, it } from 'vitest';
import { spellingVariants } from '@/lib/search/variants';

describe('spellingVariants', () => {
  it.each<[string, string[]]>([
    ['labour', ['labor']],
    ['labor', ['labour']],
    ['labourers', ['laborers']],
    ['organisation', ['organization']],
    ['organization', ['organisation']],
    ['programme', ['program']],
    ['program', ['programme']],
    ['centre', ['center']],
    ['defence', ['defense']],
    ['catalogue', ['catalog']],
    ['neighbour', ['neighbor']],
    // words without another spelling, and pairs left out on purpose (a different everyday word)
    ['trafficking', []],
    ['trafficker', []],
    ['tire', []],
    ['tyre', []],
    ['draft', []],
    ['ton', []],
  ])('%s → %j', (word, expected) => {
    expect(spellingVariants(word)).toEqual(expected);
  });

  it('is symmetric', () => {
    for (const word of ['labour', 'organisation', 'programme', 'centre', 'defence', 'colour', 'analyse']) {
      for (const other of spellingVariants(word)) expect(spellingVariants(other), other).toContain(word);
    }
  });
});
