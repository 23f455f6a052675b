import type { Prisma } from '@/lib/generated/prisma/client';
import { languageName } from '@/lib/languages';
import { hostedFilePath } from '@/lib/files/hosted';
import type { Db } from '@/lib/prisma-client';
import { isPublicationSlug } from '@/lib/validation/publication';
import { publicationSets } from './sets';
import type { ListState } from './token';

/**
 * The repository's records, for OAI-PMH: published publications (datestamp: updatedAt) and tombstones of
 * those that were public and are no longer (datestamp: deletedAt). Drafts never appear.
 *
 * Lists run in the order (datestamp, kind, slug), kind 0 for a published record and 1 for a deleted one, and
 * page by keyset on that triple. Each table is read in its own (datestamp, slug) order and the two are merged
 * on (datestamp, kind) alone: slugs are only ever compared by the database, within one table, so the order
 * is the same whatever collation PostgreSQL sorts text by (a slug order computed here might not be).
 */

export const PAGE_SIZE = 100;

export type Named = { slug: string; name: string };

export type PublishedRecord = {
  deleted: false;
  slug: string;
  datestamp: Date;
  sets: string[];
  title: string;
  summary: string;
  year: number | null;
  url: string | null;
  /** Where the catalogue hosts its files, on this site (lib/files/hosted.ts). */
  files: string[];
  category: Named | null;
  countries: { code: string; name: string }[];
  regions: Named[];
  authors: string[];
  languages: string[];
};

export type DeletedRecord = { deleted: true; slug: string; datestamp: Date; sets: string[] };

export type OaiRecord = PublishedRecord | DeletedRecord;

export type ListFilter = { set?: string; from?: number; until?: number };

type SetKind = 'category' | 'region' | 'country' | 'language';
type SetRef =
  | { kind: 'category' | 'region'; slug: string }
  | { kind: 'country'; code: string }
  | { kind: 'language'; code: string }
  | { kind: SetKind; all: true };

const PARENT_SETS: { kind: SetKind; name: string }[] = [
  { kind: 'category', name: 'By category' },
  { kind: 'region', name: 'By region' },
  { kind: 'country', name: 'By country' },
  { kind: 'language', name: 'By language' },
];

/**
 * Our set specs: `category:<slug>`, `region:<slug>`, `country:<CODE>`, `language:<code>` (ISO 639-1, lower
 * case), and their parents `category`, `region`, `country` and `language` (the spec's ':' makes a hierarchy:
 * a parent holds every record of its children); null for any other (well-formed) spec.
 */
export function parseSetSpec(spec: string): SetRef | null {
  if (spec === 'category' || spec === 'region' || spec === 'country' || spec === 'language') return { kind: spec, all: true };
  const match = /^(category|region|country|language):(.+)$/.exec(spec);
  if (!match) return null;
  const [, kind, value] = match as unknown as [string, string, string];
  if (kind === 'country') return /^[A-Z]{2}$/.test(value) ? { kind, code: value } : null;
  if (kind === 'language') return /^[a-z]{2}$/.test(value) ? { kind, code: value } : null;
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? { kind: kind as 'category' | 'region', slug: value } : null;
}

function publishedSetWhere(set: SetRef): Prisma.PublicationWhereInput {
  if ('all' in set) {
    if (set.kind === 'category') return { categoryId: { not: null } };
    if (set.kind === 'country') return { countries: { some: {} } };
    if (set.kind === 'language') return { languages: { some: {} } };
    return { OR: [{ regions: { some: {} } }, { countries: { some: { country: { regions: { some: {} } } } } }] };
  }
  if (set.kind === 'category') return { category: { slug: set.slug } };
  if (set.kind === 'country') return { countries: { some: { countryCode: set.code } } };
  if (set.kind === 'language') return { languages: { some: { code: set.code } } };
  // Tagged with the region, or with one of its countries (as lib/oai/sets.ts and the catalogue's filter).
  return {
    OR: [
      { regions: { some: { region: { slug: set.slug } } } },
      { countries: { some: { country: { regions: { some: { region: { slug: set.slug } } } } } } },
    ],
  };
}

// Bounds outside what the databases store as dates bound nothing: no datestamp is before 1970, none after 9999
// (SQLite would compare year 10000's text, "+010000-…", as before 2026; PostgreSQL has no year 0).
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function range(field: 'updatedAt' | 'deletedAt', filter: ListFilter) {
  const from = filter.from !== undefined && filter.from > 0 ? filter.from : undefined;
  const until = filter.until !== undefined && filter.until <= LAST_INSTANT ? filter.until : undefined;
  const bounds = { ...(from !== undefined && { gte: new Date(from) }), ...(until !== undefined && { lt: new Date(until) }) };
  return Object.keys(bounds).length > 0 ? [{ [field]: bounds }] : [];
}

/** Where clauses for both tables, or null when the set is not one of ours (nothing can match). */
function listWhere(filter: ListFilter, after?: ListState['after']) {
  const set = filter.set === undefined ? undefined : parseSetSpec(filter.set);
  if (set === null) return null;
  const published: Prisma.PublicationWhereInput[] = [{ status: 'published' }, ...range('updatedAt', filter)];
  const deleted: Prisma.PublicationTombstoneWhereInput[] = [...range('deletedAt', filter)];
  if (set) {
    published.push(publishedSetWhere(set));
    // Tombstones keep their set specs as a JSON array: the spec in quotes matches one element exactly
    // (specs hold no quotes; parseSetSpec admits only the canonical case, the one stored).
    deleted.push({ sets: { contains: 'all' in set ? `"${set.kind}:` : JSON.stringify(filter.set) } });
  }
  if (after) {
    const at = new Date(after.datestamp);
    if (after.kind === 0) {
      published.push({ OR: [{ updatedAt: { gt: at } }, { updatedAt: at, slug: { gt: after.slug } }] });
      deleted.push({ deletedAt: { gte: at } });
    } else {
      published.push({ updatedAt: { gt: at } });
      deleted.push({ OR: [{ deletedAt: { gt: at } }, { deletedAt: at, slug: { gt: after.slug } }] });
    }
  }
  return { published: { AND: published }, deleted: { AND: deleted } };
}

/** How many records the list holds (published and deleted). */
export async function countList(db: Db, filter: ListFilter): Promise<number> {
  const where = listWhere(filter);
  if (!where) return 0;
  const published = await db.publication.count({ where: where.published });
  const deleted = await db.publicationTombstone.count({ where: where.deleted });
  return published + deleted;
}

type Head = { kind: 0 | 1; slug: string; datestamp: Date; id?: number; sets?: string };

/**
 * The next page of the list after `after` (from its start when absent): up to PAGE_SIZE records with their
 * metadata when `withMetadata`, and whether more follow.
 */
export async function listPage(
  db: Db,
  filter: ListFilter,
  after: ListState['after'] | undefined,
  { withMetadata }: { withMetadata: boolean },
): Promise<{ records: OaiRecord[]; more: boolean; last?: ListState['after'] }> {
  const where = listWhere(filter, after);
  if (!where) return { records: [], more: false };
  const published = await db.publication.findMany({
    where: where.published,
    orderBy: [{ updatedAt: 'asc' }, { slug: 'asc' }],
    take: PAGE_SIZE + 1,
    select: { id: true, slug: true, updatedAt: true },
  });
  const deleted = await db.publicationTombstone.findMany({
    where: where.deleted,
    orderBy: [{ deletedAt: 'asc' }, { slug: 'asc' }],
    take: PAGE_SIZE + 1,
    select: { slug: true, deletedAt: true, sets: true },
  });
  const heads: Head[] = [
    ...published.map((p) => ({ kind: 0 as const, slug: p.slug, datestamp: p.updatedAt, id: p.id })),
    ...deleted.map((t) => ({ kind: 1 as const, slug: t.slug, datestamp: t.deletedAt, sets: t.sets })),
  ];
  // Stable: each table keeps the database's slug order among equal (datestamp, kind).
  heads.sort((a, b) => a.datestamp.getTime() - b.datestamp.getTime() || a.kind - b.kind);
  const page = heads.slice(0, PAGE_SIZE);
  const records = await toRecords(db, page, { withMetadata });
  const end = page.at(-1);
  return { records, more: heads.length > PAGE_SIZE, last: end && { datestamp: end.datestamp.getTime(), kind: end.kind, slug: end.slug } };
}

function tombstoneSets(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

const metadataSelect = {
  id: true,
  slug: true,
  updatedAt: true,
  title: true,
  summary: true,
  year: true,
  url: true,
  files: { orderBy: { position: 'asc' }, select: { id: true, fileName: true } },
  category: { select: { slug: true, name: true } },
  countries: { select: { country: { select: { code: true, name: true } } }, orderBy: { country: { name: 'asc' } } },
  regions: { select: { region: { select: { slug: true, name: true } } }, orderBy: { region: { name: 'asc' } } },
  authors: { select: { author: { select: { name: true } } }, orderBy: { position: 'asc' } },
  languages: { select: { code: true }, orderBy: { position: 'asc' } },
} as const;

async function toRecords(db: Db, heads: Head[], { withMetadata }: { withMetadata: boolean }): Promise<OaiRecord[]> {
  const ids = heads.flatMap((h) => (h.id === undefined ? [] : [h.id]));
  const sets = await publicationSets(db, ids);
  const rows = withMetadata && ids.length > 0 ? await db.publication.findMany({ where: { id: { in: ids } }, select: metadataSelect }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return heads.map((head): OaiRecord => {
    if (head.kind === 1) return { deleted: true, slug: head.slug, datestamp: head.datestamp, sets: tombstoneSets(head.sets ?? '[]') };
    const base = { deleted: false as const, slug: head.slug, datestamp: head.datestamp, sets: sets.get(head.id!) ?? [] };
    const row = byId.get(head.id!);
    if (!row) return { ...base, title: '', summary: '', year: null, url: null, files: [], category: null, countries: [], regions: [], authors: [], languages: [] };
    return {
      ...base,
      title: row.title,
      summary: row.summary,
      year: row.year,
      url: row.url,
      files: row.files.map((file) => hostedFilePath(head.slug, file)),
      category: row.category,
      countries: row.countries.map((c) => c.country),
      regions: row.regions.map((r) => r.region),
      authors: row.authors.map((a) => a.author.name),
      languages: row.languages.map((l) => l.code),
    };
  });
}

/** The record with this slug: published, deleted (a tombstone), or null (never public, or unknown). */
export async function getRecord(db: Db, slug: string): Promise<OaiRecord | null> {
  if (!isPublicationSlug(slug)) return null;
  const published = await db.publication.findUnique({ where: { slug, status: 'published' }, select: { id: true, updatedAt: true } });
  if (published) return (await toRecords(db, [{ kind: 0, slug, datestamp: published.updatedAt, id: published.id }], { withMetadata: true }))[0]!;
  const tombstone = await db.publicationTombstone.findUnique({ where: { slug }, select: { deletedAt: true, sets: true } });
  return tombstone && { deleted: true, slug, datestamp: tombstone.deletedAt, sets: tombstoneSets(tombstone.sets) };
}

/** Whether an item with this slug exists in the repository (published or deleted). */
export async function recordExists(db: Db, slug: string): Promise<boolean> {
  if (!isPublicationSlug(slug)) return false;
  if ((await db.publication.count({ where: { slug, status: 'published' } })) > 0) return true;
  return (await db.publicationTombstone.count({ where: { slug } })) > 0;
}

/** The oldest datestamp in the repository; now when it holds nothing. */
export async function earliestDatestamp(db: Db): Promise<Date> {
  const published = await db.publication.aggregate({ where: { status: 'published' }, _min: { updatedAt: true } });
  const deleted = await db.publicationTombstone.aggregate({ _min: { deletedAt: true } });
  const dates = [published._min.updatedAt, deleted._min.deletedAt].filter((d): d is Date => d !== null);
  return dates.length > 0 ? new Date(Math.min(...dates.map((d) => d.getTime()))) : new Date();
}

export type OaiSet = { spec: string; name: string };

/**
 * The parent sets, then every category, region, country and language with at least one published record (a
 * region through its own tag or one of its countries), categories first, then regions, countries and
 * languages, each by spec. Languages are named in English (lib/languages.ts).
 */
export async function listSets(db: Db): Promise<OaiSet[]> {
  const isPublished = { status: 'published' };
  const categories = await db.category.findMany({
    where: { publications: { some: isPublished } },
    select: { slug: true, name: true },
    orderBy: { slug: 'asc' },
  });
  const countryWithPublished = { publications: { some: { publication: isPublished } } };
  const regions = await db.region.findMany({
    where: { OR: [{ publications: { some: { publication: isPublished } } }, { countries: { some: { country: countryWithPublished } } }] },
    select: { slug: true, name: true },
    orderBy: { slug: 'asc' },
  });
  const countries = await db.country.findMany({ where: countryWithPublished, select: { code: true, name: true }, orderBy: { code: 'asc' } });
  const languages = await db.publicationLanguage.findMany({
    where: { publication: isPublished },
    distinct: ['code'],
    select: { code: true },
    orderBy: { code: 'asc' },
  });
  const held = { category: categories.length, region: regions.length, country: countries.length, language: languages.length };
  return [
    ...PARENT_SETS.filter((p) => held[p.kind] > 0).map((p) => ({ spec: p.kind, name: p.name })),
    ...categories.map((c) => ({ spec: `category:${c.slug}`, name: c.name })),
    ...regions.map((r) => ({ spec: `region:${r.slug}`, name: r.name })),
    ...countries.map((c) => ({ spec: `country:${c.code}`, name: c.name })),
    ...languages.map((l) => ({ spec: `language:${l.code}`, name: languageName(l.code) })),
  ];
}
