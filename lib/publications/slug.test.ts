import { describe, expect, it } from 'vitest';
import { publicationSlug } from './slug';

describe('publicationSlug', () => {
  const title = 'Report concerning the implementation of the Council of Europe Convention on Action against Trafficking';

  it('uses the title when free', () => {
    expect(publicationSlug('Étude régionale', 2019, () => false)).toBe('etude-regionale');
  });

  it('adds the year, then a number, when taken', () => {
    const taken = new Set([publicationSlug(title, 2016, () => false)]);
    const second = publicationSlug(title, 2016, (s) => taken.has(s));
    expect(second).toMatch(/-2016$/);
    taken.add(second);
    expect(publicationSlug(title, 2016, (s) => taken.has(s))).toMatch(/-2$/);
    expect(publicationSlug(title, null, (s) => taken.has(s))).toMatch(/-2$/);
  });

  it('never returns an empty slug', () => {
    expect(publicationSlug('!!!', null, () => false)).toBe('publication');
  });
});
