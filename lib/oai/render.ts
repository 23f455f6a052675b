import { recordUrl } from '@/lib/citation/csl';
import { isOrganisation } from '@/lib/citation/names';
import { formatDatestamp, type OaiError } from './args';
import type { OaiRecord, PublishedRecord } from './records';
import { el, xmlDocument, type XmlElement, type XmlNode } from './xml';

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const OAI_DC = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
} as const;
const DC_NS = 'http://purl.org/dc/elements/1.1/';

/** The repository as the response names it: base URL and the host that names its items. */
export type Repository = { baseUrl: string; origin: string; host: string };

/** `oai:<host>:<slug>` (spec: the oai-identifier scheme, host name without port). */
export function oaiIdentifier(repository: Repository, slug: string): string {
  return `oai:${repository.host}:${slug}`;
}

/** The slug an identifier names in this repository, or null when it names none here. */
export function slugOfIdentifier(repository: Repository, identifier: string): string | null {
  const prefix = `oai:${repository.host}:`;
  return identifier.startsWith(prefix) && identifier.length > prefix.length ? identifier.slice(prefix.length) : null;
}

/** The whole response: responseDate, request (with the arguments to echo), then the verb's element or errors. */
export function oaiResponse(repository: Repository, now: Date, echo: Record<string, string>, body: XmlElement | OaiError[]): string {
  return xmlDocument(
    el(
      'OAI-PMH',
      { xmlns: OAI_NS, 'xmlns:xsi': XSI_NS, 'xsi:schemaLocation': `${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd` },
      el('responseDate', {}, formatDatestamp(now)),
      el('request', echo, repository.baseUrl),
      Array.isArray(body) ? body.map((e) => el('error', { code: e.code }, e.message)) : body,
    ),
  );
}

export function headerElement(repository: Repository, record: OaiRecord): XmlElement {
  return el(
    'header',
    { status: record.deleted ? 'deleted' : undefined },
    el('identifier', {}, oaiIdentifier(repository, record.slug)),
    el('datestamp', {}, formatDatestamp(record.datestamp)),
    record.sets.map((spec) => el('setSpec', {}, spec)),
  );
}

function dublinCore(repository: Repository, record: PublishedRecord): XmlElement {
  const dc = (name: string, value: string | null | undefined) => (value ? el(`dc:${name}`, {}, value) : null);
  const pageUrl = recordUrl(repository.origin, record.slug);
  const fields: (XmlNode | null)[] = [
    dc('title', record.title),
    ...record.authors.map((name) => dc('creator', name)),
    dc('subject', record.category?.name),
    dc('description', record.summary),
    // Organisations the catalogue knows among the authors publish what they author.
    ...record.authors.filter((name) => isOrganisation(name)).map((name) => dc('publisher', name)),
    dc('date', record.year === null ? null : String(record.year)),
    dc('type', record.category?.name),
    dc('type', 'Text'),
    dc('identifier', pageUrl),
    dc('identifier', record.url),
    ...record.files.map((path) => dc('identifier', new URL(path, repository.origin).toString())),
    ...record.languages.map((code) => dc('language', code)),
    ...record.countries.map((c) => dc('coverage', c.name)),
    ...record.regions.map((r) => dc('coverage', r.name)),
  ];
  return el(
    'oai_dc:dc',
    {
      'xmlns:oai_dc': OAI_DC.namespace,
      'xmlns:dc': DC_NS,
      'xmlns:xsi': XSI_NS,
      'xsi:schemaLocation': `${OAI_DC.namespace} ${OAI_DC.schema}`,
    },
    fields.filter((f): f is XmlNode => f !== null),
  );
}

/** A record: its header, and for a published record its oai_dc metadata (a deleted one has none). */
export function recordElement(repository: Repository, record: OaiRecord): XmlElement {
  return el('record', {}, headerElement(repository, record), !record.deleted && el('metadata', {}, dublinCore(repository, record)));
}
