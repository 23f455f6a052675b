import { z } from 'zod';

/**
 * OAI-PMH 2.0 request arguments (spec §3.1, §3.3 and §4): which verb, which arguments it takes, which it
 * requires, the exclusive resumptionToken, and UTC datestamps at day or second granularity.
 */

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'] as const;
export type Verb = (typeof VERBS)[number];

export type ErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export type OaiError = { code: ErrorCode; message: string };

export type Granularity = 'day' | 'second';
/** A datestamp argument: the instant it names, and how precisely. */
export type Datestamp = { at: Date; granularity: Granularity };

/** ListIdentifiers / ListRecords: either a fresh list or the continuation of one. */
export type ListArgs =
  | { resumptionToken: string }
  | { resumptionToken?: undefined; metadataPrefix: string; set?: string; from?: Datestamp; until?: Datestamp };

export type OaiRequest =
  | { verb: 'Identify' }
  | { verb: 'ListMetadataFormats'; identifier?: string }
  | { verb: 'ListSets'; resumptionToken?: string }
  | { verb: 'GetRecord'; identifier: string; metadataPrefix: string }
  | ({ verb: 'ListIdentifiers' | 'ListRecords' } & ListArgs);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ` (UTC), a real calendar date and time; null otherwise. */
export function parseDatestamp(text: string): Datestamp | null {
  const match = SECOND.exec(text) ?? DAY.exec(text);
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map(Number) as number[];
  // Not Date.UTC, which reads years 0–99 as 1900–1999.
  const at = new Date(0);
  at.setUTCFullYear(year!, month! - 1, day!);
  at.setUTCHours(hour, minute, second, 0);
  // The Date rolls 2023-02-30 over to March: a date that does not survive the round trip does not exist.
  const valid =
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month! - 1 &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second;
  if (!valid) return null;
  return { at, granularity: match.length === 7 ? 'second' : 'day' };
}

/** A datestamp as the repository writes them: UTC, to the second (the finer part of the instant dropped). */
export function formatDatestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The first instant after everything `until` covers: the next day, or the next second. */
export function untilExclusive(until: Datestamp): Date {
  return new Date(until.at.getTime() + (until.granularity === 'day' ? 86_400_000 : 1_000));
}

// spec §3.6 (setSpec) and §3.4 (metadataPrefix): unreserved URI characters, set levels separated by ':'.
const SPEC_PART = "[A-Za-z0-9\\-_.!~*'()]+";
export const SET_SPEC = new RegExp(`^${SPEC_PART}(:${SPEC_PART})*$`);
const METADATA_PREFIX = new RegExp(`^${SPEC_PART}$`);

const text = z.string().min(1, { error: 'must not be empty' });
const datestamp = text.transform((value, ctx) => {
  const parsed = parseDatestamp(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a UTC datestamp (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)` });
    return z.NEVER;
  }
  return parsed;
});
const metadataPrefix = text.regex(METADATA_PREFIX, { error: 'is not a metadataPrefix' });
const setSpec = text.regex(SET_SPEC, { error: 'is not a setSpec' });

const ListSchema = z
  .strictObject({ metadataPrefix: metadataPrefix.optional(), set: setSpec.optional(), from: datestamp.optional(), until: datestamp.optional(), resumptionToken: text.optional() })
  .superRefine((args, ctx) => {
    const others = (['metadataPrefix', 'set', 'from', 'until'] as const).filter((key) => args[key] !== undefined);
    if (args.resumptionToken !== undefined) {
      if (others.length > 0) ctx.addIssue({ code: 'custom', message: `resumptionToken is an exclusive argument: ${others.join(', ')} must not be given with it` });
      return;
    }
    if (args.metadataPrefix === undefined) ctx.addIssue({ code: 'custom', path: ['metadataPrefix'], message: 'is required' });
    if (args.from && args.until) {
      if (args.from.granularity !== args.until.granularity) ctx.addIssue({ code: 'custom', message: 'from and until must have the same granularity' });
      else if (args.from.at > args.until.at) ctx.addIssue({ code: 'custom', message: 'from is later than until' });
    }
  });

const SCHEMAS = {
  Identify: z.strictObject({}),
  ListMetadataFormats: z.strictObject({ identifier: text.optional() }),
  ListSets: z.strictObject({ resumptionToken: text.optional() }),
  GetRecord: z.strictObject({ identifier: text, metadataPrefix }),
  ListIdentifiers: ListSchema,
  ListRecords: ListSchema,
} satisfies Record<Verb, z.ZodType>;

export type ParsedRequest =
  | { ok: true; request: OaiRequest; /** The arguments to echo in `<request>`. */ echo: Record<string, string> }
  | { ok: false; error: OaiError };

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
      const key = issue.path.join('.');
      if (issue.code === 'invalid_type' && key) return `${key} is required`;
      return key ? `${key} ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** The request's arguments, in order (query string of a GET, form body of a POST), checked against the spec. */
export function parseOaiArgs(pairs: Iterable<[string, string]>): ParsedRequest {
  // A Map, not an object: an argument named __proto__ is just an unknown argument.
  const args = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [key, value] of pairs) {
    if (args.has(key)) repeated.add(key);
    else args.set(key, value);
  }
  const verb = args.get('verb');
  if (verb === undefined) return { ok: false, error: { code: 'badVerb', message: 'The verb argument is missing' } };
  if (repeated.has('verb')) return { ok: false, error: { code: 'badVerb', message: 'The verb argument is repeated' } };
  if (!(VERBS as readonly string[]).includes(verb)) return { ok: false, error: { code: 'badVerb', message: `"${verb}" is not an OAI-PMH verb` } };
  if (repeated.size > 0) return { ok: false, error: { code: 'badArgument', message: `Repeated argument: ${[...repeated].join(', ')}` } };

  const rest = Object.fromEntries([...args].filter(([key]) => key !== 'verb'));
  const parsed = SCHEMAS[verb as Verb].safeParse(rest);
  if (!parsed.success) return { ok: false, error: { code: 'badArgument', message: describe(parsed.error) } };
  return { ok: true, request: { verb, ...parsed.data } as OaiRequest, echo: Object.fromEntries(args) };
}
