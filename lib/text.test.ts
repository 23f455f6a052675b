import { describe, expect, it } from 'vitest';
import { excerpt, foldText, slugify } from './text';

describe('foldText', () => {
  it('removes case and accents', () => {
    expect(foldText('Étude régionale SÉCURITÉ')).toBe('etude regionale securite');
    expect(foldText('Türkiye, Côte d’Ivoire')).toBe('turkiye, cote d’ivoire');
  });
});

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify('Needs Assessment Tool:Counter-trafficking Response in Georgia')).toBe(
      'needs-assessment-tool-counter-trafficking-response-in-georgia',
    );
    expect(slugify('Étude régionale comparative')).toBe('etude-regionale-comparative');
    expect(slugify('G. Liu')).toBe('g-liu');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
  });
});

describe('excerpt', () => {
  it('keeps short text, cuts long text at a word boundary with an ellipsis', () => {
    expect(excerpt('Short text.', 20)).toBe('Short text.');
    expect(excerpt('A study of forced labour, in mines and farms', 28)).toBe('A study of forced labour…');
    expect(excerpt('Unbreakablewordwithoutspaces', 10)).toBe('Unbreakabl…');
  });
});
