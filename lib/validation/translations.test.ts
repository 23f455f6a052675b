import { describe, expect, it } from 'vitest';
import { translationGroupProblems } from './translations';

const en = { id: 1, title: 'Handbook', language: 'en' };
const fr = { id: 2, title: 'Manuel', language: 'fr' };
const fr2 = { id: 3, title: 'Guide', language: 'fr' };

describe('TranslationGroupSchema', () => {
  it('accepts one publication per main language, and no translations at all', () => {
    expect(translationGroupProblems(en, [fr])).toBeNull();
    expect(translationGroupProblems({ ...en, language: null }, [])).toBeNull();
  });

  it('refuses a publication linked to itself', () => {
    expect(translationGroupProblems(en, [en])).toEqual(['A publication cannot be a translation of itself.']);
  });

  it('refuses two members in the same main language, naming them', () => {
    expect(translationGroupProblems(en, [fr, fr2])).toEqual(['“Guide” and “Manuel” are both in French: a work has one publication per language.']);
    expect(translationGroupProblems(fr, [fr2])).toEqual(['“Guide” and this publication are both in French: a work has one publication per language.']);
  });

  it('refuses members without a language', () => {
    expect(translationGroupProblems({ ...en, language: null }, [fr])).toEqual(['Choose this publication’s main language first: translations are told apart by it.']);
    expect(translationGroupProblems(en, [{ ...fr, language: null }])).toEqual(['“Manuel” has no language yet: give it one before linking it as a translation.']);
  });
});
