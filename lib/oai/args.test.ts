import { describe, expect, it } from 'vitest';
import { formatDatestamp, parseDatestamp, parseOaiArgs, untilExclusive } from './args';

const parse = (query: string) => parseOaiArgs(new URLSearchParams(query));
const code = (query: string) => {
  const result = parse(query);
  return result.ok ? 'ok' : result.error.code;
};

describe('datestamps', () => {
  it('read both granularities as UTC', () => {
    expect(parseDatestamp('2024-02-29')).toEqual({ at: new Date('2024-02-29T00:00:00Z'), granularity: 'day' });
    expect(parseDatestamp('2024-12-31T23:59:59Z')).toEqual({ at: new Date('2024-12-31T23:59:59Z'), granularity: 'second' });
    expect(parseDatestamp('0001-01-01')?.at.toISOString()).toBe('0001-01-01T00:00:00.000Z');
  });

  it('refuse dates that do not exist and every other form', () => {
    for (const text of [
      '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-01T24:00:00Z', '2024-01-01T23:60:00Z', '2024-01-01T23:59:60Z',
      '2024-01-01T12:00:00', '2024-01-01T12:00:00+01:00', '2024-01-01T12:00:00.000Z', '2024-01-01T12:00Z', '2024-01-01 12:00:00Z',
      '2024-1-1', '24-01-01', '2024', '2024-01', ' 2024-01-01', '2024-01-01\n', '', 'yesterday', '2024-01-01t12:00:00z',
    ]) {
      expect(parseDatestamp(text), text).toBeNull();
    }
  });

  it('write to the second, dropping milliseconds', () => {
    expect(formatDatestamp(new Date('2024-06-01T12:30:15.987Z'))).toBe('2024-06-01T12:30:15Z');
  });

  it('extend until to the end of the day or second it names', () => {
    expect(untilExclusive(parseDatestamp('2024-12-31')!).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(untilExclusive(parseDatestamp('2024-12-31T23:59:59Z')!).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('verbs', () => {
  it('is badVerb when missing, unknown, wrongly cased or repeated', () => {
    expect(code('')).toBe('badVerb');
    expect(code('metadataPrefix=oai_dc')).toBe('badVerb');
    expect(code('verb=Frobnicate')).toBe('badVerb');
    expect(code('verb=identify')).toBe('badVerb');
    expect(code('verb=')).toBe('badVerb');
    expect(code('verb=Identify&verb=Identify')).toBe('badVerb');
    expect(code('verb=Identify&verb=ListSets')).toBe('badVerb');
  });

  it('accepts every verb with its arguments and echoes them', () => {
    expect(parse('verb=Identify')).toEqual({ ok: true, request: { verb: 'Identify' }, echo: { verb: 'Identify' } });
    expect(code('verb=ListMetadataFormats')).toBe('ok');
    expect(code('verb=ListMetadataFormats&identifier=oai:x:y')).toBe('ok');
    expect(code('verb=ListSets')).toBe('ok');
    expect(code('verb=ListSets&resumptionToken=abc')).toBe('ok');
    expect(parse('verb=GetRecord&identifier=oai:x:y&metadataPrefix=oai_dc')).toEqual({
      ok: true,
      request: { verb: 'GetRecord', identifier: 'oai:x:y', metadataPrefix: 'oai_dc' },
      echo: { verb: 'GetRecord', identifier: 'oai:x:y', metadataPrefix: 'oai_dc' },
    });
    const list = parse('verb=ListRecords&metadataPrefix=oai_dc&set=country:RS&from=2024-01-01&until=2024-12-31');
    expect(list.ok && list.request).toEqual({
      verb: 'ListRecords',
      metadataPrefix: 'oai_dc',
      set: 'country:RS',
      from: { at: new Date('2024-01-01T00:00:00Z'), granularity: 'day' },
      until: { at: new Date('2024-12-31T00:00:00Z'), granularity: 'day' },
    });
    expect(code('verb=ListIdentifiers&resumptionToken=abc')).toBe('ok');
  });
});

describe('arguments', () => {
  it('is badArgument for an unknown, a repeated or a missing required argument', () => {
    expect(code('verb=Identify&identifier=x')).toBe('badArgument');
    expect(code('verb=Identify&__proto__=x')).toBe('badArgument');
    expect(code('verb=ListSets&set=x')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc')).toBe('badArgument');
    expect(code('verb=ListRecords')).toBe('badArgument');
    expect(code('verb=ListIdentifiers&set=country:RS')).toBe('badArgument');
    expect(code('verb=GetRecord&identifier=oai:x:y')).toBe('badArgument');
    expect(code('verb=GetRecord&metadataPrefix=oai_dc')).toBe('badArgument');
    expect(code('verb=GetRecord&identifier=&metadataPrefix=oai_dc')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&foo=bar')).toBe('badArgument');
  });

  it('keeps resumptionToken exclusive', () => {
    expect(code('verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc')).toBe('badArgument');
    expect(code('verb=ListIdentifiers&resumptionToken=abc&from=2024-01-01')).toBe('badArgument');
    expect(code('verb=ListRecords&resumptionToken=abc&set=country:RS')).toBe('badArgument');
    expect(code('verb=ListRecords&resumptionToken=')).toBe('badArgument');
  });

  it('checks from and until: form, same granularity, order', () => {
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T00:00:00Z&until=2024-01-01T00:00:00Z')).toBe('ok');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-01-01')).toBe('ok');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-02&until=2024-01-01')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T00:00:01Z&until=2024-01-01T00:00:00Z')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-12-31T00:00:00Z')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&until=2024-01-01T00:00:00.5Z')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&from=')).toBe('badArgument');
  });

  it('checks the syntax of set specs and metadata prefixes, not whether they exist', () => {
    expect(code('verb=ListRecords&metadataPrefix=marc21&set=anything:at:all')).toBe('ok');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&set=country:R S')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&set=country:')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai_dc&set=')).toBe('badArgument');
    expect(code('verb=ListRecords&metadataPrefix=oai%20dc')).toBe('badArgument');
  });

  it('explains what is wrong', () => {
    const result = parse('verb=ListRecords&metadataPrefix=oai_dc&foo=1&from=nope');
    expect(!result.ok && result.error.message).toMatch(/foo/);
    expect(!result.ok && result.error.message).toMatch(/nope/);
  });
});
