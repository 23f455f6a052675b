import { describe, expect, it } from 'vitest';
import type { PublicationDetail } from '@/lib/data/catalogue';
import { dublinCoreTags, highwireTags, jsonForScript, publicationJsonLd, schemaTypeOf } from './publication';

const PAGE = 'https://catalogue.example.org/publications/a-report';

function publication(overrides: Partial<PublicationDetail> = {}): PublicationDetail {
  return {
    slug: 'a-report',
    title: 'Évaluation des lacunes & besoins',
    summary: 'What it is about.',
    year: 2019,
    category: { slug: 'needs-assessment', name: 'Needs Assessment' },
    countries: [{ code: 'NG', name: 'Nigeria' }],
    regions: [{ slug: 'west-africa', name: 'West Africa' }],
    authors: [
      { slug: 'jane-smith', name: 'Jane Smith' },
      { slug: 'iom', name: 'International Organization for Migration' },
      { slug: 'ana-perez', name: 'Ana Pérez' },
    ],
    languages: ['fr', 'en'],
    url: 'https://example.org/files/Report.PDF',
    translations: [],
    createdAt: new Date('2024-01-01T00:00:00Z'),
    updatedAt: new Date('2024-02-01T00:00:00Z'),
    publishedAt: new Date('2024-01-02T00:00:00Z'),
    files: [],
    ...overrides,
  };
}

describe('Highwire and Dublin Core tags', () => {
  it('name every author in credited order, the date, languages, abstract page, PDF and publisher', () => {
    expect(highwireTags(publication(), PAGE)).toMatchObject({
      citation_title: 'Évaluation des lacunes & besoins',
      citation_author: ['Jane Smith', 'International Organization for Migration', 'Ana Pérez'],
      citation_publication_date: '2019',
      citation_language: ['fr', 'en'],
      citation_abstract_html_url: PAGE,
      citation_pdf_url: 'https://example.org/files/Report.PDF',
      citation_publisher: 'International Organization for Migration',
    });
    expect(dublinCoreTags(publication(), PAGE)).toMatchObject({
      'DC.creator': ['Jane Smith', 'International Organization for Migration', 'Ana Pérez'],
      'DC.language': ['fr', 'en'],
      'DC.identifier': [PAGE, 'https://example.org/files/Report.PDF'],
      'DC.coverage': ['Nigeria', 'West Africa'],
      // Zotero reads the first type word: a report, not a journal article.
      'DC.type': ['report', 'Needs Assessment'],
    });
    expect(dublinCoreTags(publication({ category: { slug: 'handbook', name: 'Handbook' } }), PAGE)['DC.type']).toEqual(['book', 'Handbook']);
  });

  it('leave out what the record does not have: no PDF tag for a web page, no date, no publisher among people', () => {
    const tags = highwireTags(publication({ url: 'https://example.org/report', year: null, authors: [{ slug: 'jane-smith', name: 'Jane Smith' }] }), PAGE);
    expect(Object.keys(tags)).not.toContain('citation_pdf_url');
    expect(Object.keys(tags)).not.toContain('citation_publication_date');
    expect(Object.keys(tags)).not.toContain('citation_publisher');
    expect(Object.keys(highwireTags(publication({ authors: [], languages: [] }), PAGE))).not.toContain('citation_author');
  });
});

describe('JSON-LD', () => {
  it('types the record by category and its authors as people or organisations', () => {
    expect(schemaTypeOf('needs-assessment')).toBe('Report');
    expect(schemaTypeOf('handbook')).toBe('Book');
    expect(schemaTypeOf(null)).toBe('Report');
    const data = publicationJsonLd(publication(), PAGE, 'https://catalogue.example.org');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Report',
      url: PAGE,
      datePublished: '2019',
      inLanguage: ['fr', 'en'],
      author: [
        { '@type': 'Person', name: 'Jane Smith' },
        { '@type': 'Organization', name: 'International Organization for Migration' },
        { '@type': 'Person', name: 'Ana Pérez' },
      ],
      spatialCoverage: [{ '@type': 'Country', name: 'Nigeria', identifier: 'NG' }, { '@type': 'Place', name: 'West Africa' }],
      isPartOf: { '@type': 'DataCatalog', url: 'https://catalogue.example.org/' },
    });
  });

  it('cannot close its script element or open a comment, and parses back to the same data', () => {
    const hostile = publication({ title: '</script><script>alert(1)</script> <!-- & \u2028', summary: ']]> --> "quoted" \\ back' });
    const data = publicationJsonLd(hostile, PAGE, 'https://catalogue.example.org');
    const text = jsonForScript(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
  });
});
