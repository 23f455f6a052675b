import { SITE_NAME } from '@/lib/metadata/publication';
import type { Db } from '@/lib/prisma-client';
import { formatDatestamp, parseOaiArgs, untilExclusive, type ListArgs, type OaiError, type OaiRequest } from './args';
import { countList, earliestDatestamp, getRecord, listPage, listSets, recordExists, type ListFilter } from './records';
import { headerElement, OAI_DC, oaiResponse, recordElement, slugOfIdentifier, type Repository } from './render';
import { decodeToken, encodeToken, type ListState } from './token';
import { el, type XmlElement } from './xml';

export type OaiContext = {
  db: Db;
  /** The site's public origin (lib/site-url.ts); the base URL is `<origin>/oai`. */
  origin: string;
  now: Date;
  tokenKey: Buffer;
  /** Identify's adminEmail; admin@<host> when absent. */
  adminEmail?: string;
};

class Refusal extends Error {
  constructor(readonly errors: OaiError[]) {
    super(errors.map((e) => e.code).join(', '));
  }
}

const refuse = (code: OaiError['code'], message: string): never => {
  throw new Refusal([{ code, message }]);
};

/**
 * Answers one OAI-PMH request, given its arguments in order: the XML document (always; errors are OAI
 * errors in the document, answered with HTTP 200 by the route). For badVerb and badArgument the request
 * element echoes no arguments (spec §3.6).
 */
export async function answerOai(pairs: Iterable<[string, string]>, context: OaiContext): Promise<string> {
  const url = new URL(context.origin);
  const repository: Repository = { baseUrl: `${url.origin}/oai`, origin: url.origin, host: url.hostname };
  const parsed = parseOaiArgs(pairs);
  if (!parsed.ok) return oaiResponse(repository, context.now, {}, [parsed.error]);
  try {
    const body = await answer(parsed.request, repository, context);
    return oaiResponse(repository, context.now, parsed.echo, body);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const echo = error.errors.some((e) => e.code === 'badArgument' || e.code === 'badVerb') ? {} : parsed.echo;
    return oaiResponse(repository, context.now, echo, error.errors);
  }
}

async function answer(request: OaiRequest, repository: Repository, context: OaiContext): Promise<XmlElement> {
  const { db } = context;
  switch (request.verb) {
    case 'Identify':
      return el(
        'Identify',
        {},
        el('repositoryName', {}, SITE_NAME),
        el('baseURL', {}, repository.baseUrl),
        el('protocolVersion', {}, '2.0'),
        el('adminEmail', {}, context.adminEmail ?? `admin@${repository.host}`),
        el('earliestDatestamp', {}, formatDatestamp(await earliestDatestamp(db))),
        el('deletedRecord', {}, 'persistent'),
        el('granularity', {}, 'YYYY-MM-DDThh:mm:ssZ'),
      );
    case 'ListMetadataFormats': {
      if (request.identifier !== undefined) {
        const slug = slugOfIdentifier(repository, request.identifier);
        if (slug === null || !(await recordExists(db, slug))) refuse('idDoesNotExist', `No item has the identifier "${request.identifier}"`);
      }
      return el(
        'ListMetadataFormats',
        {},
        el(
          'metadataFormat',
          {},
          el('metadataPrefix', {}, OAI_DC.prefix),
          el('schema', {}, OAI_DC.schema),
          el('metadataNamespace', {}, OAI_DC.namespace),
        ),
      );
    }
    case 'ListSets': {
      // Every set fits in one response: no token is ever issued, so none is valid.
      if (request.resumptionToken !== undefined) refuse('badResumptionToken', 'ListSets is never split: there is no resumption token to continue');
      const sets = await listSets(db);
      return el(
        'ListSets',
        {},
        sets.map((s) => el('set', {}, el('setSpec', {}, s.spec), el('setName', {}, s.name))),
      );
    }
    case 'GetRecord': {
      if (request.metadataPrefix !== OAI_DC.prefix) refuse('cannotDisseminateFormat', `The only metadata format is ${OAI_DC.prefix}`);
      const slug = slugOfIdentifier(repository, request.identifier);
      const record = slug === null ? null : await getRecord(db, slug);
      if (!record) return refuse('idDoesNotExist', `No item has the identifier "${request.identifier}"`);
      return el('GetRecord', {}, recordElement(repository, record));
    }
    case 'ListIdentifiers':
    case 'ListRecords':
      return list(request.verb, request, repository, context);
  }
}

async function list(verb: 'ListIdentifiers' | 'ListRecords', args: ListArgs, repository: Repository, context: OaiContext): Promise<XmlElement> {
  const { db } = context;
  let state: Omit<ListState, 'after'> & { after?: ListState['after'] };
  if (args.resumptionToken !== undefined) {
    const decoded = decodeToken(args.resumptionToken, context.tokenKey);
    if (!decoded) return refuse('badResumptionToken', 'The resumption token is invalid');
    state = decoded;
  } else {
    if (args.metadataPrefix !== OAI_DC.prefix) refuse('cannotDisseminateFormat', `The only metadata format is ${OAI_DC.prefix}`);
    const filter: ListFilter = {
      ...(args.set !== undefined && { set: args.set }),
      ...(args.from && { from: args.from.at.getTime() }),
      ...(args.until && { until: untilExclusive(args.until).getTime() }),
    };
    state = { metadataPrefix: args.metadataPrefix, ...filter, cursor: 0, completeListSize: await countList(db, filter) };
  }
  const filter: ListFilter = { set: state.set, from: state.from, until: state.until };
  const page = await listPage(db, filter, state.after, { withMetadata: verb === 'ListRecords' });
  // Also when a token's remaining records all left the list since (a record edited out of the set).
  if (page.records.length === 0) return refuse('noRecordsMatch', 'No records match the arguments');

  const sent = state.cursor + page.records.length;
  let token: XmlElement | null = null;
  if (page.more) {
    const next = encodeToken({ ...state, after: page.last!, cursor: sent }, context.tokenKey);
    // The size counted when the list began; records edited since move to its end, so it can grow.
    token = el('resumptionToken', { completeListSize: Math.max(state.completeListSize, sent + 1), cursor: state.cursor }, next);
  } else if (state.cursor > 0) {
    // The last page of a list sent in several: an empty token says it is complete (spec §3.5).
    token = el('resumptionToken', { completeListSize: Math.max(state.completeListSize, sent), cursor: state.cursor });
  }
  const items = page.records.map((record) => (verb === 'ListRecords' ? recordElement(repository, record) : headerElement(repository, record)));
  return el(verb, {}, items, token);
}
