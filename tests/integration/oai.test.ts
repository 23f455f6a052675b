import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/oai/route';
import { prisma } from '@/lib/db';
import { publicationSets } from '@/lib/oai/sets';
import { deletePublicationAsStaff } from '@/lib/publications/admin';
import { upsertPublication, type PublicationInput } from '@/lib/publications/save';

/**
 * OAI-PMH through the route handler, on the sample catalogue plus records made here: 160 published (120 of
 * them sharing one datestamp to the millisecond, so pages split inside a tie), drafts, and tombstones.
 */

const HOST = 'catalogue.test';
const BASE = `http://${HOST}/oai`;
const id = (slug: string) => `oai:${HOST}:${slug}`;

const ARRAYS = new Set(['record', 'header', 'setSpec', 'error', 'set', 'metadataFormat', 'dc:title', 'dc:creator', 'dc:subject', 'dc:description', 'dc:publisher', 'dc:date', 'dc:type', 'dc:identifier', 'dc:language', 'dc:coverage']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

type Header = { identifier: string; datestamp: string; setSpec?: string[]; '@status'?: string };
type Dc = Record<string, string[] | undefined>;
type Rec = { header: Header[]; metadata?: { 'oai_dc:dc': Dc } };
type Token = { '#text'?: string; '@completeListSize'?: string; '@cursor'?: string } | string;
type Doc = {
  responseDate: string;
  request: { '#text': string } & Record<string, string>;
  error?: { '@code': string; '#text': string }[];
  Identify?: Record<string, string>;
  ListMetadataFormats?: { metadataFormat: Record<string, string>[] };
  ListSets?: { set: { setSpec: string[]; setName: string }[] };
  ListRecords?: { record: Rec[]; resumptionToken?: Token };
  ListIdentifiers?: { header: Header[]; resumptionToken?: Token };
  GetRecord?: { record: Rec[] };
};

async function answer(response: Response): Promise<{ xml: string; doc: Doc }> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const xml = await response.text();
  const parsed = parser.parse(xml) as { 'OAI-PMH': Doc };
  const doc = parsed['OAI-PMH'];
  // An element without attributes parses as its text.
  if (typeof doc.request === 'string') doc.request = { '#text': doc.request };
  expect(doc.responseDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(doc.request['#text']).toBe(BASE);
  return { xml, doc };
}

const oai = async (query: string) => answer(await GET(new Request(`${BASE}?${query}`, { headers: { host: HOST } })));
const oaiPost = async (body: string, type = 'application/x-www-form-urlencoded') =>
  answer(await POST(new Request(BASE, { method: 'POST', body, headers: { host: HOST, 'content-type': type } })));

function errorOf(doc: Doc): string {
  expect(doc.error, JSON.stringify(doc)).toHaveLength(1);
  return doc.error![0]!['@code'];
}

const tokenText = (token: Token | undefined) => (typeof token === 'string' ? token : token?.['#text']) ?? '';

/** Follows resumption tokens to the end of the list, checking cursor and completeListSize on the way. */
async function harvest(verb: 'ListRecords' | 'ListIdentifiers', query: string) {
  const headers: Header[] = [];
  const records: Rec[] = [];
  let next = `verb=${verb}&${query}`;
  let pages = 0;
  let size: number | null = null;
  for (;;) {
    const { doc } = await oai(next);
    if (doc.error) {
      expect(pages, 'an error after the first page').toBe(0);
      return { headers, records, pages, error: errorOf(doc) };
    }
    const list = doc[verb]!;
    const page = verb === 'ListRecords' ? (list as { record: Rec[] }).record : (list as { header: Header[] }).header;
    if (verb === 'ListRecords') records.push(...(page as Rec[]));
    headers.push(...(verb === 'ListRecords' ? (page as Rec[]).map((r) => r.header[0]!) : (page as Header[])));
    pages += 1;
    const token = list.resumptionToken;
    if (token === undefined) {
      expect(pages, 'only a list in one response has no token').toBe(1);
      break;
    }
    expect(typeof token).toBe('object');
    const attrs = token as Exclude<Token, string>;
    expect(Number(attrs['@cursor'])).toBe(headers.length - page.length);
    size ??= Number(attrs['@completeListSize']);
    expect(Number(attrs['@completeListSize'])).toBe(size);
    const text = tokenText(token);
    if (text === '') break;
    expect(page).toHaveLength(100);
    next = `verb=${verb}&resumptionToken=${encodeURIComponent(text)}`;
  }
  if (size !== null) expect(headers.length).toBe(size);
  return { headers, records, pages, error: null };
}

const TIE = new Date('2002-02-02T02:02:02.222Z');
const DATED = {
  a: new Date('2001-03-04T05:06:07.250Z'),
  b: new Date('2001-03-04T05:06:08.000Z'),
  c: new Date('2001-03-05T00:00:00.000Z'),
};

function input(n: number, over: Partial<PublicationInput> = {}): PublicationInput {
  return {
    slug: `oai-test-${String(n).padStart(3, '0')}`,
    title: `OAI test record ${n} & <friends>`,
    summary: `Summary of record ${n}.`,
    year: 2000 + (n % 20),
    category: 'handbook',
    countries: [],
    regions: [],
    authors: [`Author ${n}`],
    languages: ['en'],
    ...over,
  };
}

/** Every published record and tombstone the list should hold, by slug, with the sets each is in. */
async function expectedRecords() {
  const published = await prisma.publication.findMany({ where: { status: 'published' }, select: { id: true, slug: true, title: true } });
  const sets = await publicationSets(prisma, published.map((p) => p.id));
  const tombstones = await prisma.publicationTombstone.findMany();
  return {
    published: published.map((p) => ({ slug: p.slug, title: p.title, sets: sets.get(p.id) ?? [] })),
    deleted: tombstones.map((t) => ({ slug: t.slug, sets: JSON.parse(t.sets) as string[] })),
  };
}

async function expectedIn(spec: string): Promise<string[]> {
  const { published, deleted } = await expectedRecords();
  return [...published, ...deleted].filter((r) => r.sets.includes(spec)).map((r) => id(r.slug)).sort();
}

let region: { slug: string; name: string };

beforeAll(async () => {
  region = await prisma.region.findUniqueOrThrow({ where: { slug: 'south-eastern-europe' }, select: { slug: true, name: true } });
  await prisma.$transaction(
    async (tx) => {
      for (let n = 1; n <= 160; n++) await upsertPublication(tx, input(n, n % 10 === 0 ? { category: 'research-study', countries: ['NG'] } : {}));
      // Tagged only with a country of the region: in the region's set through it.
      await upsertPublication(tx, input(201, { countries: ['RS'], category: null, authors: ['International Organization for Migration', 'Ana Second'], languages: ['sr', 'en'], url: 'https://example.org/doc.pdf', regions: [] }));
      await upsertPublication(tx, input(202, { regions: [region.slug] }));
      for (let n = 301; n <= 305; n++) await upsertPublication(tx, input(n, { status: 'draft', title: `OAI draft ${n}` }));
    },
    { timeout: 60_000 },
  );
  const slugs = Array.from({ length: 120 }, (_, i) => input(i + 1).slug!);
  await prisma.publication.updateMany({ where: { slug: { in: slugs } }, data: { updatedAt: TIE } });
  await prisma.publication.update({ where: { slug: 'oai-test-121' }, data: { updatedAt: DATED.a } });
  await prisma.publication.update({ where: { slug: 'oai-test-122' }, data: { updatedAt: DATED.b } });
  await prisma.publication.update({ where: { slug: 'oai-test-123' }, data: { updatedAt: DATED.c } });
  // A record deleted at the very millisecond of the tie: the list orders published before deleted there.
  await prisma.publicationTombstone.create({ data: { slug: 'oai-test-gone', title: 'Gone', deletedAt: TIE, sets: '["country:RS","region:south-eastern-europe"]' } });
});

describe('OAI-PMH Identify and ListMetadataFormats', () => {
  it('identifies the repository', async () => {
    const { doc } = await oai('verb=Identify');
    expect(doc.request['@verb']).toBe('Identify');
    const identify = doc.Identify!;
    expect(identify.repositoryName).toBe('Counter-Trafficking Publications Catalogue');
    expect(identify.baseURL).toBe(BASE);
    expect(identify.protocolVersion).toBe('2.0');
    expect(identify.adminEmail).toBe(`admin@${HOST}`);
    expect(identify.earliestDatestamp).toBe('2001-03-04T05:06:07Z');
    expect(identify.deletedRecord).toBe('persistent');
    expect(identify.granularity).toBe('YYYY-MM-DDThh:mm:ssZ');
  });

  it('declares the namespaces and schema locations', async () => {
    const { xml } = await oai('verb=GetRecord&metadataPrefix=oai_dc&identifier=' + id('oai-test-201'));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">');
    expect(xml).toContain('<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">');
    expect(xml).toContain('OAI test record 201 &amp; &lt;friends&gt;');
  });

  it('lists oai_dc, for the repository or for one item', async () => {
    for (const query of ['verb=ListMetadataFormats', `verb=ListMetadataFormats&identifier=${id('oai-test-001')}`, `verb=ListMetadataFormats&identifier=${id('oai-test-gone')}`]) {
      const { doc } = await oai(query);
      expect(doc.ListMetadataFormats!.metadataFormat).toEqual([
        { metadataPrefix: 'oai_dc', schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', metadataNamespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/' },
      ]);
    }
    for (const identifier of [id('no-such-record'), id('oai-test-301'), 'oai:elsewhere.org:oai-test-001', 'oai-test-001']) {
      const { doc } = await oai(`verb=ListMetadataFormats&identifier=${encodeURIComponent(identifier)}`);
      expect(errorOf(doc)).toBe('idDoesNotExist');
      expect(doc.request['@identifier']).toBe(identifier);
    }
  });
});

describe('OAI-PMH ListSets', () => {
  it('lists exactly the sets that hold a published record, with their names', async () => {
    const { doc } = await oai('verb=ListSets');
    const sets = doc.ListSets!.set.map((s) => ({ spec: s.setSpec[0]!, name: s.setName }));
    const { published } = await expectedRecords();
    // The parents first: the ':' in a spec makes a hierarchy (spec §2.7.2).
    expect(sets.slice(0, 3)).toEqual([
      { spec: 'category', name: 'By category' },
      { spec: 'region', name: 'By region' },
      { spec: 'country', name: 'By country' },
    ]);
    expect(sets[3]).toEqual({ spec: 'language', name: 'By language' });
    const expected = new Set([...published.flatMap((p) => p.sets), 'category', 'region', 'country', 'language']);
    expect(new Set(sets.map((s) => s.spec))).toEqual(expected);
    expect(sets).toHaveLength(expected.size);
    expect(sets).toContainEqual({ spec: 'category:handbook', name: 'Handbook' });
    expect(sets).toContainEqual({ spec: `region:${region.slug}`, name: region.name });
    expect(sets).toContainEqual({ spec: 'country:RS', name: 'Serbia' });
    expect(sets).toContainEqual({ spec: 'language:en', name: 'English' });
    expect(sets).toContainEqual({ spec: 'language:sr', name: 'Serbian' });
  });

  it('has no token to continue', async () => {
    expect(errorOf((await oai('verb=ListSets&resumptionToken=abc')).doc)).toBe('badResumptionToken');
  });
});

describe('OAI-PMH harvests', () => {
  it('lists every published record and tombstone exactly once, no draft, in datestamp order', async () => {
    const { headers, records, pages } = await harvest('ListRecords', 'metadataPrefix=oai_dc');
    const { published, deleted } = await expectedRecords();
    expect(pages).toBe(Math.ceil((published.length + deleted.length) / 100));
    expect(pages).toBeGreaterThanOrEqual(3);
    const ids = headers.map((h) => h.identifier);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...published, ...deleted].map((r) => id(r.slug)).sort());
    expect(ids.some((i) => i.includes('oai-test-30'))).toBe(false);

    const titles = new Map(published.map((p) => [id(p.slug), p.title]));
    for (const record of records) {
      const header = record.header[0]!;
      if (header['@status'] === 'deleted') {
        expect(record.metadata).toBeUndefined();
        continue;
      }
      expect(record.metadata!['oai_dc:dc']['dc:title']).toEqual([titles.get(header.identifier)]);
    }
    const dates = headers.map((h) => h.datestamp);
    expect(dates).toEqual([...dates].sort());
    // Inside the tie, published records come before the deleted one.
    const tie = headers.filter((h) => h.datestamp === '2002-02-02T02:02:02Z');
    expect(tie).toHaveLength(121);
    expect(tie.at(-1)).toMatchObject({ identifier: id('oai-test-gone'), '@status': 'deleted' });
  });

  it('lists the same identifiers with ListIdentifiers, and tokens work for either verb', async () => {
    const records = await harvest('ListRecords', 'metadataPrefix=oai_dc');
    const identifiers = await harvest('ListIdentifiers', 'metadataPrefix=oai_dc');
    expect(identifiers.headers).toEqual(records.headers);
    const first = (await oai('verb=ListIdentifiers&metadataPrefix=oai_dc')).doc.ListIdentifiers!;
    const { doc } = await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(tokenText(first.resumptionToken))}`);
    expect(doc.ListRecords!.record[0]!.header[0]).toEqual(records.headers[100]);
  });

  it('writes Dublin Core: creators in order, publisher, languages, identifiers, coverage, type', async () => {
    const { doc } = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id('oai-test-201')}`);
    const record = doc.GetRecord!.record[0]!;
    expect(record.header[0]!.identifier).toBe(id('oai-test-201'));
    expect(record.header[0]!.setSpec).toEqual(['country:RS', 'language:en', 'language:sr', `region:${region.slug}`]);
    expect(record.metadata!['oai_dc:dc']).toEqual({
      '@xmlns:oai_dc': 'http://www.openarchives.org/OAI/2.0/oai_dc/',
      '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@xsi:schemaLocation': 'http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
      'dc:title': ['OAI test record 201 & <friends>'],
      'dc:creator': ['International Organization for Migration', 'Ana Second'],
      'dc:description': ['Summary of record 201.'],
      'dc:publisher': ['International Organization for Migration'],
      'dc:date': ['2001'],
      'dc:type': ['Text'],
      'dc:identifier': [`http://${HOST}/publications/oai-test-201`, 'https://example.org/doc.pdf'],
      'dc:language': ['sr', 'en'],
      'dc:coverage': ['Serbia'],
    });
    const other = (await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id('oai-test-202')}`)).doc.GetRecord!.record[0]!;
    const dc = other.metadata!['oai_dc:dc'];
    expect(dc['dc:subject']).toEqual(['Handbook']);
    expect(dc['dc:type']).toEqual(['Handbook', 'Text']);
    expect(dc['dc:coverage']).toEqual([region.name]);
    expect(dc['dc:publisher']).toBeUndefined();
  });

  it('harvests a set: category, region (through a member country too), country, language', async () => {
    for (const spec of ['category:handbook', 'category:research-study', `region:${region.slug}`, 'country:RS', 'country:NG', 'language:en', 'language:sr', 'language:fr']) {
      const { headers, error } = await harvest('ListIdentifiers', `metadataPrefix=oai_dc&set=${spec}`);
      expect(error, spec).toBeNull();
      expect(headers.map((h) => h.identifier).sort(), spec).toEqual(await expectedIn(spec));
      for (const h of headers) expect(h.setSpec).toContain(spec);
    }
    const regionIds = (await harvest('ListIdentifiers', `metadataPrefix=oai_dc&set=region:${region.slug}`)).headers.map((h) => h.identifier);
    expect(regionIds).toContain(id('oai-test-201'));
    expect(regionIds).toContain(id('oai-test-202'));
    expect(regionIds).toContain(id('oai-test-gone'));
    expect(regionIds).not.toContain(id('oai-test-001'));
    // A publication in two languages is in both sets; only the bilingual test record is in Serbian.
    const serbian = (await harvest('ListRecords', 'metadataPrefix=oai_dc&set=language:sr')).records.map((r) => r.header[0]!.identifier);
    expect(serbian.filter((i) => i.includes('oai-test-'))).toEqual([id('oai-test-201')]);
    expect((await harvest('ListIdentifiers', 'metadataPrefix=oai_dc&set=language:en')).headers.map((h) => h.identifier)).toContain(id('oai-test-201'));
  });

  it('harvests a parent set: every record of its children, deleted ones included', async () => {
    for (const parent of ['category', 'region', 'country', 'language']) {
      const { headers, error } = await harvest('ListIdentifiers', `metadataPrefix=oai_dc&set=${parent}`);
      expect(error, parent).toBeNull();
      const expected = new Set<string>();
      const { published, deleted } = await expectedRecords();
      for (const r of [...published, ...deleted]) if (r.sets.some((s) => s.startsWith(`${parent}:`))) expected.add(id(r.slug));
      expect(new Set(headers.map((h) => h.identifier)), parent).toEqual(expected);
      for (const h of headers) expect((h.setSpec ?? []).some((s) => s.startsWith(`${parent}:`))).toBe(true);
    }
  });

  it('takes datestamps at the ends of the calendar as bounding nothing', async () => {
    const all = (await harvest('ListIdentifiers', 'metadataPrefix=oai_dc')).headers.length;
    for (const range of ['until=9999-12-31', 'until=9999-12-31T23:59:59Z', 'from=1000-01-01', 'from=1000-01-01&until=9999-12-31']) {
      const { headers, error } = await harvest('ListIdentifiers', `metadataPrefix=oai_dc&${range}`);
      expect(error, range).toBeNull();
      expect(headers.length, range).toBe(all);
    }
  });

  it('answers idDoesNotExist for an identifier that cannot name a record, on either database', async () => {
    for (const slug of ['%00', 'UPPER', 'a%20b', 'x'.repeat(300)]) {
      const { doc } = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${HOST}:${slug}`);
      expect(errorOf(doc), slug).toBe('idDoesNotExist');
    }
  });

  it('answers noRecordsMatch for a set with no records, or none of ours', async () => {
    for (const spec of ['country:AQ', 'category:no-such-category', 'country:rs', 'language:FR', 'language:fra', 'language:zz', 'other:thing', 'other']) {
      expect(errorOf((await oai(`verb=ListRecords&metadataPrefix=oai_dc&set=${spec}`)).doc), spec).toBe('noRecordsMatch');
    }
  });

  it('selects by datestamp, from and until inclusive, at either granularity', async () => {
    const ids = async (range: string) => (await harvest('ListIdentifiers', `metadataPrefix=oai_dc&${range}`)).headers.map((h) => h.identifier);
    expect(await ids('from=2001-03-04T05:06:07Z&until=2001-03-04T05:06:07Z')).toEqual([id('oai-test-121')]);
    expect(await ids('from=2001-03-04T05:06:07Z&until=2001-03-04T05:06:08Z')).toEqual([id('oai-test-121'), id('oai-test-122')]);
    expect(await ids('from=2001-03-04T05:06:08Z&until=2001-03-05T00:00:00Z')).toEqual([id('oai-test-122'), id('oai-test-123')]);
    expect(await ids('from=2001-03-04&until=2001-03-04')).toEqual([id('oai-test-121'), id('oai-test-122')]);
    expect(await ids('until=2001-03-05')).toEqual([id('oai-test-121'), id('oai-test-122'), id('oai-test-123')]);
    expect(await ids('from=2001-03-05&until=2002-02-01')).toEqual([id('oai-test-123')]);
    const tie = await ids('from=2002-02-02T02:02:02Z&until=2002-02-02T02:02:02Z');
    expect(tie).toHaveLength(121);
    expect((await ids('until=2002-02-01')).length).toBe(3);
    expect((await ids('until=2002-02-02')).length).toBe(3 + 121);
    const all = await ids('from=1990-01-01');
    expect(all.length).toBe((await harvest('ListIdentifiers', 'metadataPrefix=oai_dc')).headers.length);
    expect(errorOf((await oai('verb=ListRecords&metadataPrefix=oai_dc&until=1999-12-31')).doc)).toBe('noRecordsMatch');
    expect(errorOf((await oai('verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01')).doc)).toBe('noRecordsMatch');
  });

  it('combines a set with dates', async () => {
    const { headers } = await harvest('ListIdentifiers', 'metadataPrefix=oai_dc&set=country:RS&from=2002-02-02T02:02:02Z&until=2002-02-02T02:02:02Z');
    expect(headers.map((h) => h.identifier)).toEqual([id('oai-test-gone')]);
    expect(headers[0]!['@status']).toBe('deleted');
  });
});

describe('OAI-PMH errors', () => {
  it('badVerb: missing, unknown, repeated; the request element echoes nothing', async () => {
    for (const query of ['', 'verb=Nope', 'verb=Identify&verb=Identify', 'metadataPrefix=oai_dc']) {
      const { doc } = await oai(query);
      expect(errorOf(doc), query).toBe('badVerb');
      expect(Object.keys(doc.request)).toEqual(['#text']);
    }
  });

  it('badArgument: unknown, repeated, missing, bad dates, not exclusive; echoes nothing', async () => {
    for (const query of [
      'verb=Identify&set=x',
      'verb=ListRecords',
      'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc',
      'verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30',
      'verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-02&until=2024-01-01',
      'verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-01-02T00:00:00Z',
      'verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=x',
      'verb=GetRecord&identifier=' + id('oai-test-001'),
      'verb=GetRecord&metadataPrefix=oai_dc',
    ]) {
      const { doc } = await oai(query);
      expect(errorOf(doc), query).toBe('badArgument');
      expect(Object.keys(doc.request)).toEqual(['#text']);
    }
  });

  it('badResumptionToken: garbage, or a real token changed; echoes the request', async () => {
    const first = (await oai('verb=ListRecords&metadataPrefix=oai_dc')).doc.ListRecords!;
    const token = tokenText(first.resumptionToken);
    const changed = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    for (const bad of ['garbage', changed, `${token}x`, token.split('.')[0]!]) {
      const { doc } = await oai(`verb=ListRecords&resumptionToken=${encodeURIComponent(bad)}`);
      expect(errorOf(doc)).toBe('badResumptionToken');
      expect(doc.request).toMatchObject({ '@verb': 'ListRecords', '@resumptionToken': bad });
    }
  });

  it('cannotDisseminateFormat for any format but oai_dc', async () => {
    const { doc } = await oai('verb=ListRecords&metadataPrefix=marc21');
    expect(errorOf(doc)).toBe('cannotDisseminateFormat');
    expect(doc.request).toMatchObject({ '@verb': 'ListRecords', '@metadataPrefix': 'marc21' });
    expect(errorOf((await oai(`verb=GetRecord&metadataPrefix=marc21&identifier=${id('oai-test-001')}`)).doc)).toBe('cannotDisseminateFormat');
    expect(errorOf((await oai('verb=ListIdentifiers&metadataPrefix=mods&set=country:RS')).doc)).toBe('cannotDisseminateFormat');
  });

  it('idDoesNotExist for an unknown item, a draft, another repository', async () => {
    for (const identifier of [id('nothing-here'), id('oai-test-301'), 'oai:other.org:oai-test-001', `oai:${HOST}:`]) {
      const { doc } = await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(identifier)}`);
      expect(errorOf(doc), identifier).toBe('idDoesNotExist');
    }
  });

  it('answers a POST form like a GET, and a POST of another type with badVerb', async () => {
    const viaGet = (await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=country:NG')).doc.ListIdentifiers;
    const viaPost = (await oaiPost('verb=ListIdentifiers&metadataPrefix=oai_dc&set=country%3ANG')).doc.ListIdentifiers;
    expect(viaPost).toEqual(viaGet);
    expect(errorOf((await oaiPost('verb=Nope')).doc)).toBe('badVerb');
    expect(errorOf((await oaiPost('{"verb":"Identify"}', 'application/json')).doc)).toBe('badVerb');
  });
});

describe('OAI-PMH deletions', () => {
  const second = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

  it('reports a deleted publication with status="deleted", its datestamp and its sets, from that moment', async () => {
    const target = await prisma.publication.findUniqueOrThrow({ where: { slug: 'oai-test-201' }, select: { id: true, version: true } });
    const setsBefore = (await publicationSets(prisma, [target.id])).get(target.id);
    const from = second(new Date());
    const result = await deletePublicationAsStaff(prisma, null, target.id, target.version);
    expect(result.ok).toBe(true);

    const { headers } = await harvest('ListIdentifiers', `metadataPrefix=oai_dc&from=${from}`);
    const deleted = headers.filter((h) => h.identifier === id('oai-test-201'));
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!['@status']).toBe('deleted');
    expect(deleted[0]!.datestamp >= from).toBe(true);
    expect(deleted[0]!.setSpec).toEqual(setsBefore);

    const records = await harvest('ListRecords', `metadataPrefix=oai_dc&from=${from}`);
    const record = records.records.find((r) => r.header[0]!.identifier === id('oai-test-201'))!;
    expect(record.header[0]!['@status']).toBe('deleted');
    expect(record.metadata).toBeUndefined();

    const got = (await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${id('oai-test-201')}`)).doc.GetRecord!.record[0]!;
    expect(got.header[0]).toMatchObject({ '@status': 'deleted', identifier: id('oai-test-201') });
    expect(got.metadata).toBeUndefined();
    // Still in its sets, for selective harvesters.
    expect((await harvest('ListIdentifiers', 'metadataPrefix=oai_dc&set=country:RS')).headers).toContainEqual(deleted[0]);
    expect(deleted[0]!.setSpec).toContain('language:sr');
    expect((await harvest('ListIdentifiers', 'metadataPrefix=oai_dc&set=language:sr')).headers).toContainEqual(deleted[0]);
    // Once in the whole list, as deleted.
    const all = (await harvest('ListIdentifiers', 'metadataPrefix=oai_dc')).headers.filter((h) => h.identifier === id('oai-test-201'));
    expect(all).toEqual(deleted);
  });

  it('reports an unpublished publication as deleted, and as a record again once republished', async () => {
    const from = second(new Date());
    await prisma.$transaction((tx) => upsertPublication(tx, input(150, { status: 'draft' })));
    const deleted = (await harvest('ListIdentifiers', `metadataPrefix=oai_dc&from=${from}`)).headers.filter((h) => h.identifier === id('oai-test-150'));
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ '@status': 'deleted', setSpec: ['category:handbook', 'language:en'] });
    expect(deleted[0]!.datestamp >= from).toBe(true);

    await prisma.$transaction((tx) => upsertPublication(tx, input(150)));
    const again = (await harvest('ListRecords', `metadataPrefix=oai_dc&from=${from}`)).records.filter((r) => r.header[0]!.identifier === id('oai-test-150'));
    expect(again).toHaveLength(1);
    expect(again[0]!.header[0]!['@status']).toBeUndefined();
    expect(again[0]!.metadata!['oai_dc:dc']['dc:title']).toEqual(['OAI test record 150 & <friends>']);
  });
});
