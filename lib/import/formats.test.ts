import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRow, CSV_HEADER, type ExportRecord } from '@/lib/export/records';
import { decodeImport, MAX_IMPORT_BYTES } from './decode';
import { detectFormat, parseImportText } from './formats';
import { parseCsv } from './formats/csv-parse';

const LISTING = readFileSync(new URL('../../tests/fixtures/ctic-listing-sample.txt', import.meta.url), 'utf8');
const HEADER = 'title,summary,countries,regions,authors,year,category,language,url';

describe('decodeImport', () => {
  it('refuses an empty file and a file over the limit', () => {
    expect(decodeImport(new Uint8Array()).problems[0]?.message).toBe('The file is empty.');
    expect(decodeImport(' \n\t\n').problems[0]?.message).toMatch(/empty/);
    const big = decodeImport(new Uint8Array(MAX_IMPORT_BYTES + 1)).problems[0]?.message;
    expect(big).toMatch(/^The file is 40\.0 MB; the limit is 40\.0 MB/);
  });

  it('names the line and column of the first byte that is not UTF-8', () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode(`${HEADER}\nTitle,Summ`), 0xe9, ...new TextEncoder().encode('ry,,,,,,,,\n')]);
    const { text, problems } = decodeImport(latin1);
    expect(problems).toEqual([{ line: 2, message: expect.stringContaining('byte 0xE9 at line 2, column 11 is not valid UTF-8') }]);
    expect(text).toContain('Summ\uFFFDry');
  });

  it('accepts UTF-8 with a byte order mark and Windows line ends', () => {
    const { text, problems } = decodeImport(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\r\nc,d\r\n')]));
    expect(problems).toEqual([]);
    expect(text).toBe('a,b\nc,d\n');
  });
});

describe('detectFormat', () => {
  it('tells the three formats apart from their content', () => {
    expect(detectFormat(LISTING)).toBe('listing');
    expect(detectFormat(`${HEADER}\nx`)).toBe('csv');
    expect(detectFormat(`\uFEFF${HEADER}`)).toBe('csv');
    expect(detectFormat('  [ {"title": "x"} ]')).toBe('json');
    expect(detectFormat('just some words')).toBeNull();
  });
});

describe('the source listing', () => {
  const parsed = parseImportText(LISTING, 'listing');

  it('reads its seven records, ignoring the page furniture and noting it', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.data.title)).toEqual([
      'National Referral Mechanisms for Victims of Human Trafficking: Deficiencies and Future Development',
      'Needs Assessment: Human trafficking in the Western Balkans',
      'The IOM Handbook on Direct Assistance for Victims of Trafficking',
      'IOM Guidance Referral Mechanisms for the Protection and Assistance of Migrants Vulnerable to Violence, Exploitation and Abuse and Victims of Trafficking',
      'Étude régionale comparative Législations sur la traite des personnes: Burkina Faso, Mali, Maroc, Mauritanie, Niger, Sénégal, Tchad, Tunisie',
      'Needs Assessment Tool:Counter-trafficking Response in Georgia',
      'IOM Handbook on Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and Abuse',
    ]);
    expect(parsed.notes).toEqual([expect.stringContaining('Skip to main content'), expect.stringContaining('Referral Mechanisms')]);
  });

  it('keeps the fields as the listing gives them; the blank category is "not given"', () => {
    const balkans = parsed.records[1]!;
    expect(balkans.line).toBe(24);
    expect(balkans.data.countries).toEqual(['Albania', 'Montenegro', 'Macedonia', 'UNSC Resolution 1244 Administered Kosovo', 'Bosnia', 'Herzegovina', 'Serbia']);
    expect(balkans.data.regions).toEqual(['Eastern Europe', 'South Eastern Europe', 'Central Asia']);
    expect(balkans.data.year).toBe('2014');
    expect(balkans.data.summary).toMatch(/^In September 2013/);
    expect('category' in balkans.data).toBe(false);
    expect(parsed.records[0]!.data.authors).toHaveLength(7);
  });
});

describe('CSV', () => {
  it('parses quoted cells with commas, quotes and line breaks', () => {
    const { rows, error } = parseCsv('a,"b, ""c""\nd",e\n\n1,2,3');
    expect(error).toBeNull();
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b, "c"\nd', 'e'] },
      { line: 4, cells: ['1', '2', '3'] },
    ]);
  });

  it('names the line of a quote left open', () => {
    const parsed = parseImportText(`${HEADER}\n"Title,S,,,,2017,,,\n`, 'csv');
    expect(parsed.problems).toEqual([{ line: 2, message: expect.stringContaining('never closed') }]);
  });

  it('refuses a wrong header, naming the column', () => {
    const parsed = parseImportText('title,summary,country,regions,authors,year,category,language,url\nx', 'csv');
    expect(parsed.problems[0]!.message).toMatch(/^Wrong header on line 1: column 3 is “country”.*did you mean “countries”/);
    expect(parsed.problems[0]!.message).toContain('missing column “countries”');
    expect(parseImportText('Title,Summary\nx,y', 'csv').problems[0]!.message).toMatch(/missing columns “countries”, “regions”/);
  });

  it('refuses a header with no records', () => {
    expect(parseImportText(`${HEADER}\n`, 'csv').problems).toEqual([{ line: 1, message: 'The file has a header but no records.' }]);
  });

  it('reads columns in any order, lists separated by ";", and names a row with the wrong number of cells', () => {
    const parsed = parseImportText(
      'year,title,summary,countries,regions,authors,category,language,url\n2017,T,S,Serbia; Kosovo*,,A; B ;,handbook,en,\n2018,U,S\n',
      'csv',
    );
    expect(parsed.records[0]!.data).toMatchObject({ title: 'T', year: '2017', countries: ['Serbia', 'Kosovo*'], authors: ['A', 'B'], category: 'handbook', url: '' });
    // `language`, the column of older exports, is read as `languages`.
    expect(parsed.records[0]!.data.languages).toEqual(['en']);
    expect(parsed.records[1]!.errors).toEqual([{ field: 'record', message: expect.stringContaining('line 3 has 3 cells where the header has 9') }]);
  });

  it('reads back what the export writes, formula guard included', () => {
    const record: ExportRecord = {
      title: '=HYPERLINK("x") "quoted", with commas',
      summary: 'Line one\nline two; with a semicolon',
      countries: ['RS', 'XK'],
      regions: ['south-eastern-europe'],
      authors: ['Jacqueline Berman', 'Phil Marshall'],
      year: 2014,
      category: 'needs-assessment',
      languages: ['en', 'fr'],
      url: 'https://example.org/a?b=c,d',
      slug: 'a-slug',
      translationGroup: 'a-slug',
    };
    const parsed = parseImportText(CSV_HEADER + csvRow(record), 'csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[0]!.data).toEqual({ ...record, year: '2014' });
  });

  it('reads the translation group column under either name', () => {
    const base = 'title,summary,countries,regions,authors,year,category,languages,url';
    for (const column of ['translationGroup', 'translation_of']) {
      const parsed = parseImportText(`${base},${column}\r\nT,S,,,,2020,,fr,, work-1 \r\nU,S,,,,2020,,en,,\r\n`, 'csv');
      expect(parsed.problems).toEqual([]);
      expect(parsed.records.map((r) => r.data.translationGroup)).toEqual(['work-1', undefined]);
    }
    const json = parseImportText(JSON.stringify([{ title: 'T', summary: 'S', translation_of: 'manual-en' }]), 'json');
    expect(json.records[0]!.data.translationGroup).toBe('manual-en');
  });
});

describe('JSON', () => {
  it('reads an array of records and ignores unknown keys', () => {
    const parsed = parseImportText(JSON.stringify([{ title: 'T', summary: 'S', countries: ['RS'], year: 2017, colour: 'blue' }]), 'json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[0]!.data).toEqual({ title: 'T', summary: 'S', countries: ['RS'], regions: [], authors: [], year: 2017, slug: null });
  });

  it('reads languages as a list, one string naming several, or the older single `language`', () => {
    const parsed = parseImportText(
      JSON.stringify([
        { title: 'T', summary: 'S', languages: ['fr', 'en'] },
        { title: 'U', summary: 'S', languages: 'French; English' },
        { title: 'V', summary: 'S', language: 'es' },
        { title: 'W', summary: 'S', languages: null },
      ]),
      'json',
    );
    expect(parsed.records.map((r) => r.data.languages)).toEqual([['fr', 'en'], ['French; English'], ['es'], null]);
    expect(parsed.records.every((r) => r.errors.length === 0)).toBe(true);
    expect(parseImportText(JSON.stringify([{ title: 'T', summary: 'S', languages: 7 }]), 'json').records[0]!.errors).toEqual([
      { field: 'languages', message: 'languages must be a list of strings' },
    ]);
  });

  it('names the record and the field of a value of the wrong type', () => {
    const parsed = parseImportText(JSON.stringify([{ title: 'T', summary: 'S' }, { title: 'U', summary: 'S', authors: 'A; B', year: true }]), 'json');
    expect(parsed.records[0]!.errors).toEqual([]);
    expect(parsed.records[1]!.errors).toEqual([
      { field: 'authors', message: 'authors must be a list of strings' },
      { field: 'year', message: 'year must be a number or null' },
    ]);
  });

  it('refuses what is not a JSON array, with the position of a syntax error', () => {
    expect(parseImportText('{"title": "T"}', 'json').problems[0]!.message).toMatch(/JSON array/);
    expect(parseImportText('[\n{"title": "T",}\n]', 'json').problems[0]!.message).toMatch(/^The file is not valid JSON \(line 2, column \d+\)/);
    expect(parseImportText('[]', 'json').problems[0]!.message).toMatch(/empty array/);
  });
});
