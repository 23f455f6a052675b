import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '@/lib/taxonomy/categories';
import { entryType, toCsl, type CitablePublication, type CslItem } from './csl';
import { formatReference, toBibtex, toCslJson, toRis } from './format';
import { citationStream, parseStyle } from './http';
import { cslName, displayName, isOrganisation, type CslNameParts } from './names';

const ORIGIN = 'https://catalogue.example.org';

function publication(overrides: Partial<CitablePublication> = {}): CitablePublication {
  return {
    slug: 'national-referral-mechanisms',
    title: 'National Referral Mechanisms: Joining Efforts to Protect the Rights of Trafficked Persons',
    summary: 'A practical handbook.',
    year: 2004,
    category: { slug: 'handbook' },
    authors: [{ name: 'Organization for Security and Co-operation in Europe' }],
    languages: ['en'],
    url: 'https://www.osce.org/odihr/13967',
    ...overrides,
  };
}

type Parsed = { title?: string; author?: CslNameParts[]; issued?: { 'date-parts': number[][] }; language?: string; URL?: string; type?: string };

/** Parses a citation with citation-js, as a reader's reference manager would. */
async function parse(text: string): Promise<Parsed[]> {
  return (await Cite.async(text)).data as Parsed[];
}

function essentials(item: Parsed | CslItem) {
  return {
    title: item.title,
    authors: (item.author ?? []).map(displayName),
    year: item.issued?.['date-parts'][0]?.[0],
    language: item.language,
    URL: item.URL,
  };
}

describe('entry types', () => {
  it('makes handbooks, guidance, training material and toolkits books, and the rest reports', () => {
    const types = Object.fromEntries(CATEGORIES.map((c) => [c.slug, entryType(c.slug)]));
    expect(types).toEqual({
      handbook: 'book',
      guidance: 'book',
      'needs-assessment': 'report',
      'research-study': 'report',
      'legislation-analysis': 'report',
      'training-material': 'book',
      report: 'report',
      'policy-brief': 'report',
      toolkit: 'book',
    });
  });

  it('makes articles journal articles, and an unknown or missing category a report', () => {
    expect(entryType('article')).toBe('article-journal');
    expect(entryType('journal-article')).toBe('article-journal');
    expect(entryType('something-new')).toBe('report');
    expect(entryType(null)).toBe('report');
  });

  it('writes each type as its BibTeX, RIS and CSL type', async () => {
    const cases = [
      { category: 'handbook', bib: '@book{', ris: 'TY  - BOOK', csl: 'book' },
      { category: 'needs-assessment', bib: '@report{', ris: 'TY  - RPRT', csl: 'report' },
      { category: 'article', bib: '@article{', ris: 'TY  - JOUR', csl: 'article-journal' },
    ];
    for (const c of cases) {
      const item = toCsl(publication({ category: { slug: c.category } }), { origin: ORIGIN });
      expect(item.type).toBe(c.csl);
      expect(toBibtex([item])).toContain(c.bib);
      expect(toRis([item])).toMatch(new RegExp(`^${c.ris}\\r\\n`));
      expect((await parse(toBibtex([item])))[0]!.type).toBe(c.csl);
    }
  });
});

describe('authors', () => {
  it('recognises organisations: the register, organisation words, acronyms, "&", single words', () => {
    for (const name of [
      'International Organization for Migration',
      'International Organisation for Migration',
      'IOM',
      'UNODC',
      'OSCE',
      'UN Women',
      'OSCE Mission to Serbia',
      'Ministry of Interior of the Republic of Serbia',
      'Council of Europe',
      'European Commission',
      'Federal Criminal Police Office',
      'Inter-Agency Coordination Group against Trafficking in Persons',
      'Anti-Slavery & Partners',
      'Europol',
      'Walk Free',
      'Save the Children',
      'Human Rights Watch',
      "Women's Link Worldwide",
      'National Human Rights Commission of Nepal',
    ]) {
      expect(isOrganisation(name), name).toBe(true);
      expect(cslName(name), name).toEqual({ literal: name });
    }
  });

  it('splits people into family and given names, either way round', () => {
    expect(cslName('Jane Smith')).toEqual({ family: 'Smith', given: 'Jane' });
    expect(cslName('Smith, Jane')).toEqual({ family: 'Smith', given: 'Jane' });
    expect(cslName('G. Liu')).toEqual({ family: 'Liu', given: 'G.' });
    expect(cslName('Anne T. Gallagher')).toEqual({ family: 'Gallagher', given: 'Anne T.' });
    expect(cslName('Michaelle de Cock')).toEqual({ family: 'de Cock', given: 'Michaelle' });
    expect(cslName('Hélène Harroff-Tavel')).toEqual({ family: 'Harroff-Tavel', given: 'Hélène' });
    expect(cslName('Иван  Иванов')).toEqual({ family: 'Иванов', given: 'Иван' });
    for (const name of ['Jane Smith', 'G. Liu', 'Jo Li', 'Michaelle de Cock']) expect(isOrganisation(name), name).toBe(false);
  });

  it('makes organisation authors the publisher, in credit order, people never', () => {
    const item = toCsl(
      publication({ authors: [{ name: 'Jane Smith' }, { name: 'IOM' }, { name: 'Council of Europe' }], category: { slug: 'report' } }),
      { origin: ORIGIN },
    );
    expect(item.author).toEqual([{ family: 'Smith', given: 'Jane' }, { literal: 'IOM' }, { literal: 'Council of Europe' }]);
    expect(item.publisher).toBe('IOM; Council of Europe');
    expect(toCsl(publication({ authors: [{ name: 'Jane Smith' }] }), { origin: ORIGIN }).publisher).toBeUndefined();
  });

  it('writes a corporate author as one braced name in BibTeX and one literal in CSL-JSON', async () => {
    const item = toCsl(publication({ authors: [{ name: 'International Organization for Migration' }] }), { origin: ORIGIN });
    expect(toBibtex([item])).toContain('author = {{International Organization for Migration}}');
    expect(JSON.parse(toCslJson([item]))[0].author).toEqual([{ literal: 'International Organization for Migration' }]);
    expect(toRis([item])).toContain('AU  - International Organization for Migration\r\n');
    const [parsed] = await parse(toBibtex([item]));
    // BibTeX has no literal names: a braced name comes back as one family name, never split.
    expect(parsed!.author).toEqual([{ family: 'International Organization for Migration' }]);
  });
});

describe('CSL-JSON', () => {
  it('carries the year, the first language, the source URL, the summary and the catalogue page', () => {
    const item = toCsl(publication({ languages: ['fr', 'en'] }), { origin: ORIGIN });
    expect(item).toMatchObject({
      id: 'national-referral-mechanisms',
      type: 'book',
      issued: { 'date-parts': [[2004]] },
      language: 'fr',
      URL: 'https://www.osce.org/odihr/13967',
      abstract: 'A practical handbook.',
      publisher: 'Organization for Security and Co-operation in Europe',
      note: 'Catalogue record: https://catalogue.example.org/publications/national-referral-mechanisms',
    });
  });

  it('links the catalogue page when there is no source URL, and leaves out what is unknown', () => {
    const item = toCsl(publication({ url: null, year: null, languages: [], summary: '', authors: [] }), { origin: 'http://localhost:3000' });
    expect(item.URL).toBe('http://localhost:3000/publications/national-referral-mechanisms');
    expect(item).not.toHaveProperty('issued');
    expect(item).not.toHaveProperty('language');
    expect(item).not.toHaveProperty('author');
    expect(item).not.toHaveProperty('abstract');
  });
});

describe('formatted references', () => {
  const item = toCsl(publication(), { origin: ORIGIN });

  it('formats APA 7, Chicago author-date and Harvard (Cite Them Right), naming an author who is the publisher once', () => {
    expect(formatReference(item, 'apa', 'text')).toBe(
      'Organization for Security and Co-operation in Europe. (2004). National Referral Mechanisms: Joining Efforts to Protect the Rights of Trafficked Persons. https://www.osce.org/odihr/13967',
    );
    expect(formatReference(item, 'chicago', 'text')).toBe(
      'Organization for Security and Co-operation in Europe. 2004. National Referral Mechanisms: Joining Efforts to Protect the Rights of Trafficked Persons. https://www.osce.org/odihr/13967.',
    );
    expect(formatReference(item, 'harvard', 'text')).toBe(
      'Organization for Security and Co-operation in Europe (2004) National Referral Mechanisms: Joining Efforts to Protect the Rights of Trafficked Persons. Available at: https://www.osce.org/odihr/13967.',
    );
    // A publisher who is not the author is named.
    const mixed = toCsl(publication({ authors: [{ name: 'Jane Smith' }, { name: 'Organization for Security and Co-operation in Europe' }] }), { origin: ORIGIN });
    expect(formatReference(mixed, 'apa', 'text')).toContain('Trafficked Persons. Organization for Security and Co-operation in Europe. https://');
  }, 30_000); // the first reference compiles each style: seconds on a busy machine

  it('speaks the reader’s language: citeproc’s French and Spanish terms and quotation marks', () => {
    expect(formatReference(item, 'harvard', 'text', 'fr')).toContain('Trafficked Persons. Disponible sur: https://www.osce.org/odihr/13967');
    expect(formatReference(item, 'harvard', 'text', 'es')).toContain('Trafficked Persons. Disponible en: https://www.osce.org/odihr/13967');
    const report = toCsl(publication({ category: { slug: 'report' }, title: 'Manuel sur la traite' }), { origin: ORIGIN });
    expect(formatReference(report, 'chicago', 'text', 'fr')).toMatch(/«\sManuel sur la traite\s»/i);
    expect(formatReference(report, 'chicago', 'text', 'es')).toMatch(/«Manuel sur la traite»/i);
  });

  it('uses APA 7 rules: up to 20 authors with "&", no place of publication', () => {
    const people = Array.from({ length: 8 }, (_, i) => ({ name: `Given${String.fromCharCode(65 + i)} Family${String.fromCharCode(65 + i)}` }));
    const text = formatReference(toCsl(publication({ authors: people, category: { slug: 'report' } }), { origin: ORIGIN }), 'apa', 'text');
    // APA 6 cut the list after 6 names with "…"; APA 7 lists up to 20, the last after "&".
    expect(text).toMatch(/^FamilyA, G\., FamilyB, G\., .*FamilyG, G\., & FamilyH, G\. \(2004\)\./);
  });

  it('italicises the title in HTML and escapes the record’s text', () => {
    const html = formatReference(
      toCsl(publication({ title: 'Protection <script>alert(1)</script> & <img src=x onerror=alert(2)>' }), { origin: ORIGIN }),
      'apa',
      'html',
    );
    expect(html).toContain('<i>Protection &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#60;img src=x onerror=alert(2)&#62;</i>');
    expect(html).not.toMatch(/<script|<img/);
  });
});

describe('round trips through citation-js', () => {
  const tricky = publication({
    slug: 'tricky',
    title:
      'Étude “régionale” sur la traite — niños & niñas, {braces}, 100% "quoted" $5 #1 a_b ~^\\ — Торговля людьми · الاتجار بالبشر · 人口贩运 — and a title long enough to pass the seventy characters RIS lines are cut at',
    summary: 'First paragraph % & {x}.\nSecond paragraph.',
    year: 2019,
    category: { slug: 'research-study' },
    authors: [
      { name: 'International Organization for Migration' },
      { name: 'José Núñez' },
      { name: 'Søren, Øster' },
      { name: 'Иван Иванов' },
      { name: 'أحمد محمد' },
      { name: '王, 小明' },
      { name: 'Organization for Security and Co-operation in Europe' },
      { name: 'Anti-Slavery & Partners' },
      { name: 'Michaelle de Cock' },
    ],
    languages: ['ru', 'ar', 'zh'],
    url: 'https://example.org/reports/2019?lang=fr&id=a_b%20c#section-1',
  });
  const item = toCsl(tricky, { origin: ORIGIN });
  const expected = {
    title: tricky.title,
    authors: [
      'International Organization for Migration',
      'José Núñez',
      'Øster Søren',
      'Иван Иванов',
      'أحمد محمد',
      '小明 王',
      'Organization for Security and Co-operation in Europe',
      'Anti-Slavery & Partners',
      'Michaelle de Cock',
    ],
    year: 2019,
    language: 'ru',
    URL: tricky.url,
  };

  it('keeps the data in CSL-JSON', async () => {
    expect(essentials(item)).toEqual(expected);
    const [parsed] = await parse(toCslJson([item]));
    expect(essentials(parsed!)).toEqual(expected);
  });

  it('keeps the data in BibTeX', async () => {
    const bib = toBibtex([item]);
    // Non-Latin scripts are written as UTF-8, not dropped; LaTeX's special characters are escaped.
    expect(bib).toContain('Торговля людьми');
    expect(bib).toContain('\\& niñas, \\textbraceleft{}braces\\textbraceright{}, 100\\%');
    const parsed = await parse(bib);
    expect(parsed).toHaveLength(1);
    // "de Cock" comes back as a non-dropping particle and a family name: the same name.
    expect(essentials(parsed[0]!)).toEqual(expected);
  });

  it('cannot be made to add a BibTeX field through braces in the address', async () => {
    const hostile = toCsl(publication({ slug: 'hostile', title: 'T', url: 'https://example.org/?a={x}, title = {Evil}' }), { origin: ORIGIN });
    const [parsed] = await parse(toBibtex([hostile]));
    expect(parsed!.title).toBe('T');
    expect(parsed!.URL).toBe('https://example.org/?a=%7Bx%7D, title = %7BEvil%7D');
  });

  it('keeps the data in RIS, long values on one line', async () => {
    const ris = toRis([item]);
    for (const line of ris.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    // The whole slug as ID, once (citation-js cuts it to 20 characters).
    const long = toCsl(publication({ slug: 'global-report-on-trafficking-in-persons-2024' }), { origin: ORIGIN });
    expect(toRis([long]).match(/^ID {2}- .*$/gm)).toEqual(['ID  - global-report-on-trafficking-in-persons-2024']);
    const parsed = await parse(ris);
    expect(parsed).toHaveLength(1);
    expect(essentials(parsed[0]!)).toEqual(expected);
  });

  it('needs its own RIS lines: citation-js 0.8.2 cuts values at 70 characters, and they come back with spaces inside', async () => {
    // If this starts failing, citation-js's own RIS text output round-trips and toRis can use it directly.
    const [parsed] = await parse(String(new Cite([item]).format('ris')));
    expect(parsed!.title).not.toBe(tricky.title);
  });

  it('keeps every seed-like record apart in a list: keys are the slugs', async () => {
    const items = ['a-first', 'b-second', 'c-third'].map((slug, i) => toCsl(publication({ slug, title: `Title ${i}` }), { origin: ORIGIN }));
    const bib = toBibtex(items);
    expect([...bib.matchAll(/^@book\{([^,]+),/gm)].map((m) => m[1])).toEqual(['a-first', 'b-second', 'c-third']);
    expect((await parse(bib)).map((p) => p.title)).toEqual(['Title 0', 'Title 1', 'Title 2']);
    expect((await parse(toRis(items))).map((p) => p.title)).toEqual(['Title 0', 'Title 1', 'Title 2']);
  });
});

describe('result-set streams', () => {
  async function* batches(sizes: number[]) {
    let n = 0;
    for (const size of sizes) {
      yield Array.from({ length: size }, () => {
        n++;
        return publication({ slug: `record-${n}`, title: `Record ${n} — Торговля & “${n}”` });
      });
    }
  }
  const titles = (count: number) => Array.from({ length: count }, (_, i) => `Record ${i + 1} — Торговля & “${i + 1}”`);
  const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

  it('streams every batch, in order, in each format', async () => {
    const sizes = [3, 0, 2];
    for (const format of ['bib', 'ris', 'csl.json'] as const) {
      const text = await read(citationStream(format, batches(sizes), { origin: ORIGIN }));
      expect((await parse(text)).map((p) => p.title), format).toEqual(titles(5));
    }
    const html = await read(citationStream({ style: 'apa' }, batches(sizes), { origin: ORIGIN }));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/class="csl-entry"/g)).toHaveLength(5);
    const order = [...html.matchAll(/data-csl-entry-id="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['record-1', 'record-2', 'record-3', 'record-4', 'record-5']);
  });

  it('gives a valid empty file for an empty result set', async () => {
    expect(JSON.parse(await read(citationStream('csl.json', batches([]), { origin: ORIGIN })))).toEqual([]);
    expect(await read(citationStream('bib', batches([]), { origin: ORIGIN }))).toBe('');
    expect(await read(citationStream({ style: 'harvard' }, batches([]), { origin: ORIGIN }))).toContain('</html>');
  });
});

describe('style parameter', () => {
  it('accepts the three styles, defaults to APA, and refuses anything else with a 400', async () => {
    expect(parseStyle(new URLSearchParams('style=chicago'))).toEqual({ style: 'chicago' });
    expect(parseStyle(new URLSearchParams(''))).toEqual({ style: 'apa' });
    for (const bad of ['style=mla', 'style=', 'style=APA', 'style=%3Cscript%3E']) {
      const result = parseStyle(new URLSearchParams(bad));
      expect('response' in result, bad).toBe(true);
      if ('response' in result) {
        expect(result.response.status).toBe(400);
        expect(await result.response.text()).toBe('Unknown citation style: use one of apa, chicago, harvard\n');
      }
    }
  });
});
