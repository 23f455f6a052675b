import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as getCsv } from '@/app/api/publications.csv/route';
import { GET as getJson } from '@/app/api/publications.json/route';
import { ImportReport as ImportReportView } from '@/components/import/import-report';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { listAllPublications, searchPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { exportStream, type ExportFormat } from '@/lib/export/stream';
import { runImport, type ImportReport } from '@/lib/import';
import type { PrismaClient } from '@/lib/prisma-client';
import { catalogueSnapshot, emptyCatalogue, writeCounts } from './helpers/catalogues';

const LISTING = readFileSync(new URL('../fixtures/ctic-listing-sample.txt', import.meta.url));
const HEADER = 'title,summary,countries,regions,authors,year,category,languages,url';

const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const GOOD = [
  'Referral in the Balkans: a test record,A summary of a test record.,Macedonia; Kosovo*; Bosnia; Herzegovina,South-Eastern Europe,"International Organization for Migration (IOM); JACQUELINE BERMAN",2016,Needs assessment,English,https://example.org/balkans',
  'Labour exploitation in test supply chains,Another summary.,Turkey; Ivory Coast,Global,ILO,2021,report,fr,',
];
const BAD_YEAR = 'A record with a bad year,Its summary.,Serbia,,IOM,20x7,,,';

const search = (query: string) => searchPublications(parseCatalogueParams(new URLSearchParams(query)));
const byRecord = (report: ImportReport, index: number) => report.records.find((r) => r.index === index)!;

const opened: PrismaClient[] = [];
async function fresh(): Promise<PrismaClient> {
  const db = await emptyCatalogue();
  opened.push(db);
  return db;
}
afterAll(async () => {
  for (const db of opened) await db.$disconnect();
});

describe('import: dry run, apply, re-apply', () => {
  it('a dry run writes nothing and says what an apply would do', async () => {
    const before = await writeCounts(prisma);
    const report = await runImport(prisma, csv(...GOOD), { fileName: 'good.csv' });
    expect(await writeCounts(prisma)).toEqual(before);
    expect(report.mode).toBe('dry-run');
    expect(report.file).toEqual({ name: 'good.csv', bytes: expect.any(Number), format: 'csv' });
    expect(report.totals).toMatchObject({ records: 2, create: 2, update: 0, unchanged: 0, rejected: 0 });
    expect(byRecord(report, 1).changes.map((c) => [c.field, c.from, c.to])).toEqual(
      expect.arrayContaining([
        ['countries', 'Macedonia', 'MK (North Macedonia)'],
        ['countries', 'Kosovo*', 'XK (Kosovo)'],
        ['countries', 'Bosnia + Herzegovina', 'BA (Bosnia and Herzegovina)'],
        ['regions', 'South-Eastern Europe', 'South Eastern Europe'],
        ['authors', 'International Organization for Migration (IOM)', 'International Organization for Migration'],
        ['authors', 'JACQUELINE BERMAN', 'Jacqueline Berman'],
        ['category', 'Needs assessment', 'Needs Assessment'],
        ['languages', 'English', 'en'],
      ]),
    );
  });

  it('applies, publishing the records in the catalogue with canonical values', async () => {
    const report = await runImport(prisma, csv(...GOOD), { apply: true });
    expect(report.mode).toBe('applied');
    expect(report.totals).toMatchObject({ create: 2, rejected: 0 });
    const balkans = (await search('q=referral balkans test record')).items.find((i) => i.title.startsWith('Referral in the Balkans'));
    expect(balkans).toMatchObject({
      year: 2016,
      category: { slug: 'needs-assessment' },
      countries: expect.arrayContaining([{ code: 'BA', name: 'Bosnia and Herzegovina' }, { code: 'MK', name: 'North Macedonia' }, { code: 'XK', name: 'Kosovo' }]),
      regions: [{ slug: 'south-eastern-europe', name: 'South Eastern Europe' }],
      authors: [
        { slug: 'international-organization-for-migration', name: 'International Organization for Migration' },
        { slug: 'jacqueline-berman', name: 'Jacqueline Berman' },
      ],
    });
    expect((await search('author=international-labour-organization&year=2021')).items.map((i) => i.title)).toContain('Labour exploitation in test supply chains');
  });

  it('applying the same file again changes nothing', async () => {
    const before = await writeCounts(prisma);
    const snapshot = await catalogueSnapshot(prisma);
    const report = await runImport(prisma, csv(...GOOD), { apply: true });
    expect(report.totals).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect(report.records.map((r) => r.match)).toEqual(['title and year', 'title and year']);
    expect(await writeCounts(prisma)).toEqual(before);
    expect(await catalogueSnapshot(prisma)).toEqual(snapshot);
  });

  it('updates a record that changed, field by field, and matches on the normalized title', async () => {
    const changed = GOOD[1]!.replace('Labour exploitation in test supply chains', 'LABOUR EXPLOITATION in test supply-chains').replace('Global', 'West Africa');
    const report = await runImport(prisma, csv(changed), { apply: true });
    expect(byRecord(report, 1)).toMatchObject({ action: 'update', match: 'title and year', slug: 'labour-exploitation-in-test-supply-chains' });
    expect(byRecord(report, 1).diff.map((d) => d.field)).toEqual(['title', 'regions']);
    const again = await runImport(prisma, csv(changed));
    expect(again.totals).toMatchObject({ unchanged: 1, update: 0 });
  });

  it('one bad record aborts the whole apply and names the record and the field', async () => {
    const before = await writeCounts(prisma);
    const report = await runImport(prisma, csv('A new good record,Summary.,Serbia,,,2020,,,', BAD_YEAR, GOOD[0]!), { apply: true });
    expect(report.mode).toBe('aborted');
    expect(report.message).toMatch(/^Nothing was written: 1 record rejected/);
    expect(byRecord(report, 2)).toMatchObject({ action: 'rejected', line: 3, errors: [{ field: 'year', message: expect.stringContaining('“20x7” is not a year') }] });
    expect(await writeCounts(prisma)).toEqual(before);
    expect((await search('q="A new good record"')).total).toBe(0);
  });

  it('creates drafts when asked, which the public catalogue does not show', async () => {
    const report = await runImport(prisma, csv('A draft from the import,Summary.,Serbia,,,2020,,,'), { apply: true, status: 'draft' });
    expect(report.totals.create).toBe(1);
    expect(await prisma.publication.findUnique({ where: { slug: 'a-draft-from-the-import' }, select: { status: true } })).toEqual({ status: 'draft' });
    expect((await search('q="A draft from the import"')).total).toBe(0);
  });

  it('refuses to apply a plan other than the one previewed', async () => {
    const preview = await runImport(prisma, csv('Previewed record,Summary.,Serbia,,,2020,,,'));
    await runImport(prisma, csv('Previewed record,Summary.,Serbia,,,2020,,,'), { apply: true });
    const report = await runImport(prisma, csv('Previewed record,Summary.,Serbia,,,2020,,,'), { apply: true, expectFingerprint: preview.fingerprint });
    expect(report.mode).toBe('aborted');
    expect(report.message).toMatch(/changed since the preview/);
  });
});

describe('import: bad input leaves the database untouched', () => {
  const cases: [name: string, input: Uint8Array | string, message: RegExp][] = [
    ['an empty file', new Uint8Array(), /^The file is empty/],
    ['a file of white space', '\n  \n', /empty/],
    ['a 50 MB file', new Uint8Array(50 * 1024 * 1024).fill(0x41), /^The file is 50\.0 MB; the limit is 40\.0 MB/],
    ['a wrong header', 'name,summary,countries,regions,authors,year,category,language,url\nx,y,,,,,,,\n', /^Wrong header on line 1: column 1 is “name”/],
    ['JSON that is not an array', '{"title": "T", "summary": "S"}', /JSON array/],
    [
      'text that is not UTF-8',
      Uint8Array.from([...new TextEncoder().encode(`${HEADER}\nCaf`), 0xe9, ...new TextEncoder().encode(',Summary,,,,2020,,,\n')]),
      /not UTF-8 text: byte 0xE9 at line 2, column 4/,
    ],
  ];

  it.each(cases)('%s', async (_name, input, message) => {
    const before = await writeCounts(prisma);
    const report = await runImport(prisma, input, { apply: true });
    expect(report.mode).toBe('aborted');
    expect(report.problems[0]?.message).toMatch(message);
    expect(await writeCounts(prisma)).toEqual(before);
  });

  it('names the record and field that hold bytes that are not UTF-8', async () => {
    const input = Uint8Array.from([...new TextEncoder().encode(`${HEADER}\nCaf`), 0xe9, ...new TextEncoder().encode(',Summary,,,,2020,,,\n')]);
    const report = await runImport(prisma, input);
    expect(byRecord(report, 1).errors).toEqual([{ field: 'title', message: 'title holds bytes that are not UTF-8 (shown as �)' }]);
  });

  it('names the record and field of a JSON value of the wrong type', async () => {
    const report = await runImport(prisma, JSON.stringify([{ title: 'T', summary: 'S', year: '20x7' }, { title: 'U', summary: 'S', countries: 'Serbia' }]));
    expect(report.records.map((r) => r.errors)).toEqual([
      [{ field: 'year', message: expect.stringContaining('“20x7” is not a year') }],
      [{ field: 'countries', message: 'countries must be a list of strings' }],
    ]);
  });
});

describe('import: the source listing', () => {
  it('imports into an empty catalogue as the seven records a person would expect', async () => {
    const db = await fresh();
    const report = await runImport(db, LISTING, { fileName: 'ctic-listing-sample.txt', apply: true });
    expect(report.file.format).toBe('listing');
    expect(report.totals).toMatchObject({ records: 7, create: 7, rejected: 0 });
    const snapshot = await catalogueSnapshot(db);
    expect(snapshot).toHaveLength(7);

    const balkans = snapshot.find((p) => p.title === 'Needs Assessment: Human trafficking in the Western Balkans')!;
    expect(balkans.countries).toEqual(['AL', 'BA', 'ME', 'MK', 'RS', 'XK']);
    expect(await db.country.findUnique({ where: { code: 'BA' }, select: { name: true } })).toEqual({ name: 'Bosnia and Herzegovina' });
    expect(balkans.authors.map((a) => a.name)).toEqual(['Jacqueline Berman', 'Donatella Bradic', 'Phil Marshal']);
    expect(balkans.year).toBe(2014);

    const liu = snapshot.find((p) => p.title.startsWith('National Referral Mechanisms for Victims'))!;
    expect(liu.authors.map((a) => a.name)).toEqual(['G. Liu']);
    expect(liu.countries).toEqual([]);
    expect(liu.regions).toEqual(['worldwide']);
    const liuReport = byRecord(report, 1);
    expect(liuReport.changes).toContainEqual(expect.objectContaining({ field: 'authors', rule: 'citation', to: 'G. Liu' }));
    expect(liuReport.review).toContainEqual(expect.objectContaining({ field: 'authors', value: expect.stringContaining('In McAuliffe') }));

    expect(snapshot.find((p) => p.title.startsWith('Needs Assessment Tool'))!.title).toBe('Needs Assessment Tool: Counter-trafficking Response in Georgia');
    expect(snapshot.every((p) => p.status === 'published' && p.category === null && p.countries.length + p.regions.length > 0)).toBe(true);
    expect(snapshot.every((p) => !p.authors.some((a) => /\(|‘|^In /.test(a.name)))).toBe(true);
  });

  it('matches the seven curated sample records, flagging what a person should check', async () => {
    const report = await runImport(prisma, LISTING);
    expect(report.totals).toMatchObject({ records: 7, create: 0, update: 7, rejected: 0 });
    expect(report.records.every((r) => r.match === 'title and year')).toBe(true);
    const balkans = byRecord(report, 2);
    expect(balkans.review).toContainEqual(expect.objectContaining({ field: 'authors', value: 'Phil Marshal', note: expect.stringContaining('Phil Marshall') }));
    expect(balkans.review).toContainEqual(expect.objectContaining({ field: 'regions', value: 'Central Asia' }));
    // The listing has no category: the curated one stays.
    expect(balkans.diff.map((d) => d.field)).not.toContain('category');
  });
});

describe('export and round trip', () => {
  async function exportText(format: ExportFormat, query = ''): Promise<string> {
    const bytes = await new Response(exportStream(format, listAllPublications(parseCatalogueParams(new URLSearchParams(query))))).arrayBuffer();
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }

  it('exports the full result set of a query, in catalogue order, past the first page', async () => {
    const all = await search('');
    const json = JSON.parse(await exportText('json')) as { slug: string }[];
    expect(json).toHaveLength(all.total);
    expect(all.total).toBeGreaterThan(20);
    expect(json.slice(0, 20).map((r) => r.slug)).toEqual(all.items.map((i) => i.slug));

    const filtered = await search('region=south-eastern-europe&sort=title');
    const csvText = await exportText('csv', 'region=south-eastern-europe&sort=title');
    expect(csvText.startsWith('\uFEFFtitle,summary,countries,regions,authors,year,category,languages,url,slug,translationGroup\r\n')).toBe(true);
    expect(csvText.trimEnd().split('\r\n').length - 1).toBe(filtered.total);
  });

  it('serves both downloads from the catalogue parameters, streamed', async () => {
    const csvResponse = await getCsv(new Request('http://localhost/api/publications.csv?country=RS&sort=oldest&page=3'));
    expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvResponse.headers.get('content-disposition')).toMatch(/^attachment; filename="publications-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = (await csvResponse.text()).trimEnd().split('\r\n');
    const serbia = await search('country=RS');
    expect(rows).toHaveLength(serbia.total + 1); // the page parameter does not cap the export

    const jsonResponse = await getJson(new Request('http://localhost/api/publications.json?q=nothing-matches-this'));
    expect(jsonResponse.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await jsonResponse.json()).toEqual([]);
  });

  it.each(['csv', 'json'] as const)('exporting the catalogue as %s and importing it into an empty database gives the same catalogue', async (format) => {
    const published = (await catalogueSnapshot(prisma)).filter((p) => p.status === 'published');
    const text = await exportText(format);
    const db = await fresh();
    const report = await runImport(db, text, { apply: true });
    expect(report.mode).toBe('applied');
    expect(report.totals).toMatchObject({ create: published.length, rejected: 0, changes: 0, unresolved: 0 });
    expect(await catalogueSnapshot(db)).toEqual(published);
    // …and importing the export again into the original changes nothing.
    const again = await runImport(prisma, text);
    expect(again.totals).toMatchObject({ unchanged: published.length, create: 0, update: 0 });
  });
});

describe('the report component', () => {
  it('renders a preview with its counts, findings and records, without client code', async () => {
    const report = await runImport(prisma, LISTING, { fileName: 'ctic-listing-sample.txt' });
    const html = renderToStaticMarkup(createElement(ImportReportView, { report }));
    expect(html).toContain('Import preview');
    expect(html).toContain(report.message);
    expect(html).toContain('To update (7)');
    expect(html).toContain('“Bosnia + Herzegovina” → BA (Bosnia and Herzegovina)');
    expect(html).toContain('close to the author “Phil Marshall”');
    expect(html).not.toContain('<script');
  });
});
