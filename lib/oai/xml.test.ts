import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { el, escapeAttribute, escapeText, xmlDocument } from './xml';

describe('the XML writer', () => {
  it('escapes markup in text and attributes', () => {
    expect(escapeText('a < b && c > d "q" \'s\'')).toBe('a &lt; b &amp;&amp; c &gt; d "q" \'s\'');
    expect(escapeAttribute('say "hi" & <go>\n')).toBe('say &quot;hi&quot; &amp; &lt;go&gt;&#10;');
  });

  it('drops characters XML cannot carry, keeps every other', () => {
    expect(escapeText('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeText('tab\there\nnew 😀 é \u2028')).toBe('tab\there\nnew 😀 é \u2028');
  });

  it('writes a document a parser reads back to the same values', () => {
    const nasty = 'Trafficking & "exploitation" <in> 2024 ]]> \u0001';
    const xml = xmlDocument(el('root', { a: nasty, skipped: undefined, n: 3 }, el('child', {}, nasty), el('empty'), [el('x', {}, '1'), el('x', {}, '2')]));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<empty/>');
    expect(xml).not.toContain('skipped');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, processEntities: true, trimValues: false }).parse(xml);
    expect(parsed.root['@a']).toBe(nasty.replace('\u0001', ''));
    expect(parsed.root.child).toBe(nasty.replace('\u0001', ''));
    expect(parsed.root.x).toEqual(['1', '2']);
  });
});
