import { XMLParser } from 'fast-xml-parser';
import { encodeToken, tokenKey } from '@/lib/oai/token';
import { deletePublication, upsertPublication } from '@/lib/publications/save';
import { SECOND_INSTANCE_URL } from '../../playwright.config';
import { inE2eTransaction, withE2eDatabase } from './database';
import { expect, test } from './fixtures';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['record', 'header', 'error', 'setSpec'].includes(name),
});

type Header = { identifier: string; datestamp: string; '@status'?: string };
type Doc = Record<string, unknown> & {
  error?: { '@code': string }[];
  ListRecords?: { record: { header: Header[] }[]; resumptionToken?: string | { '#text'?: string; '@cursor': string; '@completeListSize': string } };
};

async function oai(response: import('@playwright/test').APIResponse): Promise<Doc> {
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/xml; charset=utf-8');
  return (parser.parse(await response.text()) as { 'OAI-PMH': Doc })['OAI-PMH'];
}

// One after another: the last test writes a tombstone, which is a record of the list the others harvest.
test.describe.configure({ mode: 'serial' });

test.describe('OAI-PMH over HTTP @http', () => {
  test('Identify through the production server', async ({ request, baseURL }) => {
    const doc = await oai(await request.get('/oai?verb=Identify'));
    const identify = doc.Identify as Record<string, string>;
    expect(identify.baseURL).toBe(`${baseURL}/oai`);
    expect(identify.protocolVersion).toBe('2.0');
    expect(identify.deletedRecord).toBe('persistent');
    expect(identify.granularity).toBe('YYYY-MM-DDThh:mm:ssZ');
    expect(identify.earliestDatestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test('a ListRecords page, continued by a token on the other instance', async ({ request, baseURL }) => {
    const first = await oai(await request.get('/oai?verb=ListRecords&metadataPrefix=oai_dc'));
    const records = first.ListRecords!.record;
    expect(records.length).toBeGreaterThan(50);
    const headers = records.map((r) => r.header[0]!);
    const host = new URL(baseURL!).hostname;
    for (const h of headers) expect(h.identifier.startsWith(`oai:${host}:`)).toBe(true);

    // Tokens are stateless: one signed as the server signs them (no OAI_TOKEN_SECRET in the e2e env) is
    // accepted by a process that never saw the list begin.
    const at = 40;
    const slug = headers[at - 1]!.identifier.slice(`oai:${host}:`.length);
    const deleted = headers[at - 1]!['@status'] === 'deleted';
    const datestamp = await withE2eDatabase(async (db) =>
      deleted
        ? (await db.publicationTombstone.findUniqueOrThrow({ where: { slug } })).deletedAt
        : (await db.publication.findUniqueOrThrow({ where: { slug } })).updatedAt,
    );
    const total = Number(typeof first.ListRecords!.resumptionToken === 'object' ? first.ListRecords!.resumptionToken['@completeListSize'] : headers.length);
    const token = encodeToken(
      { metadataPrefix: 'oai_dc', after: { datestamp: datestamp.getTime(), kind: deleted ? 1 : 0, slug }, cursor: at, completeListSize: total },
      tokenKey(undefined),
    );
    const next = await oai(await request.get(`${SECOND_INSTANCE_URL}/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`));
    const rest = next.ListRecords!.record.map((r) => r.header[0]!);
    expect(rest.slice(0, headers.length - at).map((h) => h.identifier)).toEqual(headers.slice(at).map((h) => h.identifier));
    if (total <= 100) expect(next.ListRecords!.resumptionToken).toEqual({ '@completeListSize': String(total), '@cursor': String(at) });
  });

  test('malformed requests get 200 and an OAI error, never a server error', async ({ request }) => {
    const cases: [string, string][] = [
      ['', 'badVerb'],
      ['verb=Nope', 'badVerb'],
      ['verb=Identify&verb=ListSets', 'badVerb'],
      ['verb=ListRecords', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2024-13-01', 'badArgument'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-01-01T00:00:00Z', 'badArgument'],
      ['verb=ListRecords&resumptionToken=garbage', 'badResumptionToken'],
      ['verb=ListRecords&resumptionToken=eyJ2IjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'badResumptionToken'],
      ['verb=ListRecords&resumptionToken=%E0%A4%A&x=%', 'badArgument'],
      ['verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:nowhere:x', 'idDoesNotExist'],
      ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
      ['verb=ListRecords&metadataPrefix=oai_dc&set=country:AQ', 'noRecordsMatch'],
      [`verb=Identify&${'x'.repeat(5000)}=1`, 'badArgument'],
    ];
    for (const [query, code] of cases) {
      const doc = await oai(await request.get(`/oai?${query}`));
      expect(doc.error?.map((e) => e['@code']), query).toEqual([code]);
    }
    const post = (data: string, type = 'application/x-www-form-urlencoded') => request.post('/oai', { data, headers: { 'content-type': type } });
    expect((await oai(await post('verb=Identify'))).Identify).toBeDefined();
    expect((await oai(await post('verb=ListRecords&resumptionToken=garbage'))).error?.[0]?.['@code']).toBe('badResumptionToken');
    expect((await oai(await post('verb=Nope'))).error?.[0]?.['@code']).toBe('badVerb');
    expect((await oai(await post('<verb>Identify</verb>', 'text/xml'))).error?.[0]?.['@code']).toBe('badVerb');
  });

  test('a deleted publication: its page answers 410, and OAI reports it deleted', async ({ request, baseURL }) => {
    const slug = `oai-e2e-gone-${Date.now()}`;
    // Published and deleted in one transaction: never visible to the other specs, but public once, so it leaves a tombstone.
    await inE2eTransaction(async (tx) => {
      await upsertPublication(tx, { slug, title: 'OAI end-to-end withdrawn record', summary: 'Gone.', year: 2020, category: 'handbook', countries: ['RS'], regions: [], authors: ['Test Author'] });
      expect(await deletePublication(tx, slug)).toBe(true);
    });
    try {
      const page = await request.get(`/publications/${slug}`);
      expect(page.status()).toBe(410);
      const host = new URL(baseURL!).hostname;
      const doc = await oai(await request.get(`/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host}:${slug}`));
      const record = (doc.GetRecord as { record: { header: (Header & { setSpec: string[] })[]; metadata?: unknown }[] }).record[0]!;
      expect(record.header[0]!['@status']).toBe('deleted');
      expect(record.header[0]!.setSpec).toEqual(expect.arrayContaining(['category:handbook', 'country:RS', 'region:south-eastern-europe']));
      expect(record.metadata).toBeUndefined();
    } finally {
      await withE2eDatabase((db) => db.publicationTombstone.delete({ where: { slug } }));
    }
  });
});
