import { describe, expect, it } from 'vitest';
import { contentDisposition, parseRange } from './range';

describe('parseRange', () => {
  it.each([
    [null, null],
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-2000', { start: 990, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=50-10', null],
    ['bytes=0-1,5-6', null],
    ['items=0-1', null],
    ['bytes=-', null],
  ] as const)('%s on 1,000 bytes → %j', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe('contentDisposition', () => {
  it('gives the UTF-8 name and an ASCII stand-in', () => {
    expect(contentDisposition('inline', 'Rapport é "final".pdf')).toBe(`inline; filename="Rapport _ _final_.pdf"; filename*=UTF-8''Rapport%20%C3%A9%20%22final%22.pdf`);
    expect(contentDisposition('attachment', "it's (1).docx")).toBe(`attachment; filename="it's (1).docx"; filename*=UTF-8''it%27s%20%281%29.docx`);
  });
});
