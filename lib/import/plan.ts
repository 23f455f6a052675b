import { createHash } from 'node:crypto';
import { AuthorDirectory, normalizePublication, type NormalizeResult } from '@/lib/normalize';
import type { Db } from '@/lib/prisma-client';
import type { PublicationInput } from '@/lib/publications/save';
import { publicationSlug } from '@/lib/publications/slug';
import { checkPublication, describeFinding } from '@/lib/safeguarding/personal-data';
import { slugify } from '@/lib/text';
import { translationGroupProblems } from '@/lib/validation/translations';
import { planFiles, type Attachment, type ImportFiles } from './files';
import { ImportRecordSchema, SlugSchema } from './schema';
import type { FieldDiff, RecordReport, SourceRecord } from './types';

/**
 * The plan: each record matched against the catalogue (on its slug when the file gives one, else on its
 * normalized title and year) and sorted into create / update / unchanged / rejected, with the field-by-field
 * difference for updates. Reads only; `apply.ts` writes.
 */

type Existing = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  languages: string[];
  url: string | null;
  status: string;
  category: string | null;
  countries: string[];
  regions: string[];
  authors: { slug: string; name: string }[];
  translationGroupId: number | null;
};

export type CatalogueState = {
  bySlug: Map<string, Existing>;
  byTitleYear: Map<string, Existing[]>;
  /** By title alone: a record without a year (or a publication without one) may be the same work. */
  byTitle: Map<string, Existing[]>;
  countries: Set<string>;
  regions: Set<string>;
  categories: Set<string>;
  authorNames: string[];
  /** Slugs of withdrawn publications: a new record never takes one (its address and OAI identifier stay the old record's). */
  withdrawnSlugs: Set<string>;
};

// Publications are read this many at a time, with their links: the peak memory of a read stays bounded.
const CHUNK = 10_000;

/** Everything the plan compares against, read a chunk of publications at a time with set-based queries. */
export async function loadCatalogueState(db: Db): Promise<CatalogueState> {
  const bySlug = new Map<string, Existing>();
  const byTitleYear = new Map<string, Existing[]>();
  const byTitle = new Map<string, Existing[]>();
  for (let after = 0; ; ) {
    const publications = await db.publication.findMany({
      where: { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: CHUNK,
      select: { id: true, slug: true, title: true, summary: true, year: true, url: true, status: true, translationGroupId: true, category: { select: { slug: true } } },
    });
    if (publications.length === 0) break;
    const range = { publicationId: { gte: publications[0]!.id, lte: publications.at(-1)!.id } };
    after = publications.at(-1)!.id;
    // One after another: this runs in the import's transaction, one connection (see resolveRelations).
    const countries = await db.publicationCountry.findMany({ where: range, select: { publicationId: true, countryCode: true } });
    const regions = await db.publicationRegion.findMany({ where: range, select: { publicationId: true, region: { select: { slug: true } } } });
    const authors = await db.publicationAuthor.findMany({
      where: range,
      select: { publicationId: true, author: { select: { slug: true, name: true } } },
      orderBy: [{ publicationId: 'asc' }, { position: 'asc' }],
    });
    const languages = await db.publicationLanguage.findMany({
      where: range,
      select: { publicationId: true, code: true },
      orderBy: [{ publicationId: 'asc' }, { position: 'asc' }],
    });
    const byId = new Map<number, Existing>();
    for (const p of publications) byId.set(p.id, { ...p, category: p.category?.slug ?? null, languages: [], countries: [], regions: [], authors: [] });
    for (const c of countries) byId.get(c.publicationId)?.countries.push(c.countryCode);
    for (const r of regions) byId.get(r.publicationId)?.regions.push(r.region.slug);
    for (const a of authors) byId.get(a.publicationId)?.authors.push(a.author);
    for (const l of languages) byId.get(l.publicationId)?.languages.push(l.code);
    for (const p of byId.values()) {
      bySlug.set(p.slug, p);
      const key = titleYearKey(p.title, p.year);
      byTitleYear.set(key, [...(byTitleYear.get(key) ?? []), p]);
      const title = titleKey(p.title);
      byTitle.set(title, [...(byTitle.get(title) ?? []), p]);
    }
  }
  const countryRows = await db.country.findMany({ select: { code: true } });
  const regionRows = await db.region.findMany({ select: { slug: true } });
  const categoryRows = await db.category.findMany({ select: { slug: true } });
  const authorRows = await db.author.findMany({ select: { name: true } });
  const tombstones = await db.publicationTombstone.findMany({ select: { slug: true } });
  return {
    bySlug,
    byTitleYear,
    byTitle,
    countries: new Set(countryRows.map((c) => c.code)),
    regions: new Set(regionRows.map((r) => r.slug)),
    categories: new Set(categoryRows.map((c) => c.slug)),
    authorNames: authorRows.map((a) => a.name),
    withdrawnSlugs: new Set(tombstones.map((t) => t.slug)),
  };
}

/** Two titles match when they only differ in case, accents, punctuation and spacing. */
export function titleKey(title: string): string {
  return slugify(title, 100_000);
}

export function titleYearKey(title: string, year: number | null): string {
  return `${titleKey(title)}|${year ?? ''}`;
}

/**
 * Publications a new record may duplicate: the same title where one of the two has no year (with both years
 * known and equal the record would have matched it; with both known and different they are two editions).
 */
function possibleDuplicates(candidates: readonly { slug: string; year: number | null }[], year: number | null): string[] {
  return candidates.filter((c) => c.year !== year && (c.year === null || year === null)).map((c) => c.slug);
}

export type PlannedRecord = RecordReport & { input: PublicationInput | null };

/**
 * `groups`: works to link as translations, by slug, each written after the records (merged with the links they have).
 * `attachments`: files to attach, by slug, after the records (lib/import/files.ts).
 */
export type Plan = { records: PlannedRecord[]; writes: PublicationInput[]; groups: string[][]; attachments: Attachment[]; fingerprint: string };

const sorted = (values: readonly string[]) => [...values].sort().join(', ') || '—';
const show = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));

function diffOf(before: Existing, after: PublicationInput): FieldDiff[] {
  const diff: FieldDiff[] = [];
  const field = (name: string, a: string, b: string) => a !== b && diff.push({ field: name, before: a, after: b });
  field('title', before.title, after.title);
  field('summary', before.summary, after.summary);
  field('year', show(before.year), show(after.year));
  field('category', show(before.category), show(after.category));
  field('languages', before.languages.join(', ') || '—', (after.languages ?? []).join(', ') || '—');
  field('url', show(before.url), show(after.url));
  field('countries', sorted(before.countries), sorted(after.countries));
  field('regions', sorted(before.regions), sorted(after.regions));
  const beforeAuthors = before.authors.map((a) => a.slug).join(', ');
  const afterAuthors = after.authors.map((a) => slugify(a)).join(', ');
  if (beforeAuthors !== afterAuthors) diff.push({ field: 'authors', before: before.authors.map((a) => a.name).join('; ') || '—', after: after.authors.join('; ') || '—' });
  return diff;
}

export type PlanOptions = { status?: 'draft' | 'published'; onProgress?: (done: number, total: number) => void };

export function planImport(
  state: CatalogueState,
  sources: readonly SourceRecord[],
  normalized: readonly (NormalizeResult | null)[],
  { status = 'published', onProgress }: PlanOptions = {},
): Plan {
  const takenSlugs = new Set([...state.bySlug.keys(), ...state.withdrawnSlugs]);
  const seenKeys = new Map<string, number>();
  const seenTitles = new Map<string, { slug: string; year: number | null; index: number }[]>();
  const seenSlugs = new Map<string, number>();
  const claimed = new Map<string, number>();
  const records: PlannedRecord[] = [];

  sources.forEach((source, i) => {
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1, sources.length);
    const result = normalized[i] ?? null;
    const base: PlannedRecord = {
      index: source.index,
      line: source.line,
      title: (result?.record.title || source.data.title || '').slice(0, 300) || `(record ${source.index} has no title)`,
      slug: null,
      action: 'rejected',
      match: null,
      changes: result?.findings.changes ?? [],
      unresolved: [...(result?.findings.unresolved ?? [])],
      review: result?.findings.review ?? [],
      errors: [...source.errors, ...(result?.errors ?? [])],
      diff: [],
      translations: [],
      files: [],
      input: null,
    };
    records.push(base);
    if (!result || base.errors.length > 0) return;
    const record = { ...result.record };

    // The catalogue's own taxonomy is the last word: a value the code knows but this database lacks is unresolved.
    const keep = (field: 'countries' | 'regions', known: Set<string>) =>
      record[field].filter((value) => {
        if (known.has(value)) return true;
        base.unresolved.push({ field, value, reason: 'not in this catalogue’s list' });
        return false;
      });
    record.countries = keep('countries', state.countries);
    record.regions = keep('regions', state.regions);
    if (record.category && !state.categories.has(record.category)) {
      base.unresolved.push({ field: 'category', value: record.category, reason: 'not in this catalogue’s list' });
      record.category = null;
    }

    const givenSlug = source.data.slug ? SlugSchema.safeParse(source.data.slug) : null;
    if (givenSlug && !givenSlug.success) {
      base.errors.push({ field: 'slug', message: `“${source.data.slug}” is not a slug (lower-case letters, digits and hyphens)` });
      return;
    }
    const valid = ImportRecordSchema.safeParse({ ...record, slug: givenSlug?.data });
    if (!valid.success) {
      for (const issue of valid.error.issues) {
        const field = String(issue.path[0] ?? 'record') as RecordReport['errors'][number]['field'];
        base.errors.push({ field, message: `${issue.path.join('.')}: ${issue.message}` });
      }
      return;
    }

    // The same publication twice in one file is a mistake in the file. A slug says which publication a
    // record is; without one, the title and year do.
    const key = titleYearKey(record.title, record.year);
    const earlier = givenSlug?.data ? seenSlugs.get(givenSlug.data) : seenKeys.get(key);
    if (earlier !== undefined) {
      base.errors.push({ field: 'record', message: `the same publication as record ${earlier} (same ${givenSlug?.data ? 'slug' : 'title and year'})` });
      return;
    }
    if (givenSlug?.data) seenSlugs.set(givenSlug.data, source.index);
    else seenKeys.set(key, source.index);

    let existing: Existing | undefined;
    if (givenSlug?.data && state.bySlug.has(givenSlug.data)) {
      existing = state.bySlug.get(givenSlug.data);
      base.match = 'slug';
    } else {
      const candidates = state.byTitleYear.get(key) ?? [];
      if (candidates.length > 1) {
        base.errors.push({
          field: 'record',
          message: `matches ${candidates.length} publications with this title and year (${candidates.map((c) => c.slug).join(', ')}): add a slug column to say which`,
        });
        return;
      }
      existing = candidates[0];
      if (existing) base.match = 'title and year';
    }
    if (existing) {
      if (claimed.has(existing.slug)) {
        base.errors.push({ field: 'record', message: `updates the same publication (${existing.slug}) as record ${claimed.get(existing.slug)}` });
        return;
      }
      claimed.set(existing.slug, source.index);
      // Fields the source does not carry (undefined) keep their current value.
      const input: PublicationInput = {
        slug: existing.slug,
        title: record.title,
        summary: record.summary,
        year: record.year,
        category: record.category === undefined ? existing.category : record.category,
        countries: record.countries,
        regions: record.regions,
        authors: record.authors,
        languages: record.languages === undefined ? existing.languages : record.languages,
        url: record.url === undefined ? existing.url : record.url,
        status: existing.status === 'draft' ? 'draft' : 'published',
      };
      // A published record whose new text may show personal data is not rewritten: the form, where an admin
      // may publish anyway with a reason, is the place for it (lib/safeguarding).
      const findings = input.status === 'published' && (input.title !== existing.title || input.summary !== existing.summary) ? checkPublication(input) : [];
      if (findings.length > 0) {
        base.errors.push({ field: 'summary', message: `possible personal data in a published record: ${findings.map(describeFinding).join('; ')}. Fix the text, or edit it in the form` });
        return;
      }
      base.slug = existing.slug;
      base.diff = diffOf(existing, input);
      base.action = base.diff.length > 0 ? 'update' : 'unchanged';
      base.input = base.diff.length > 0 ? input : null;
      return;
    }

    let slug: string;
    if (givenSlug?.data) {
      if (claimed.has(givenSlug.data)) {
        base.errors.push({ field: 'slug', message: `“${givenSlug.data}” is already used by record ${claimed.get(givenSlug.data)}` });
        return;
      }
      slug = givenSlug.data;
    } else {
      slug = publicationSlug(record.title, record.year, (s) => takenSlugs.has(s) || claimed.has(s));
    }
    claimed.set(slug, source.index);
    takenSlugs.add(slug);
    base.slug = slug;
    base.action = 'create';
    // Created all the same (the importer decides), but said: the same title, one of the two without a year.
    const title = titleKey(record.title);
    const inCatalogue = possibleDuplicates(state.byTitle.get(title) ?? [], record.year);
    const inFile = (seenTitles.get(title) ?? []).filter((r) => possibleDuplicates([r], record.year).length > 0);
    if (inCatalogue.length > 0 || inFile.length > 0) {
      const named = [...inCatalogue, ...inFile.map((r) => `record ${r.index}`)].join(', ');
      base.review.push({ field: 'title', value: record.title, note: `possibly the same work as ${named}: the same title, one of them without a year` });
    }
    seenTitles.set(title, [...(seenTitles.get(title) ?? []), { slug, year: record.year, index: source.index }]);
    base.input = {
      slug,
      title: record.title,
      summary: record.summary,
      year: record.year,
      category: record.category ?? null,
      countries: record.countries,
      regions: record.regions,
      authors: record.authors,
      languages: record.languages ?? [],
      url: record.url ?? null,
      status,
    };
    // Possible personal data never goes public through an import: the record is created as a draft, for a
    // person to check in the form (lib/safeguarding).
    const findings = status === 'published' ? checkPublication(base.input) : [];
    if (findings.length > 0) {
      base.input.status = 'draft';
      base.review.push({ field: 'summary', value: findings.map((f) => f.text).join(' | '), note: `created as a draft: possible personal data (${findings.map(describeFinding).join('; ')})` });
    }
  });

  const groups = planTranslations(state, sources, records);
  const writes = records.flatMap((r) => (r.input ? [r.input] : []));
  const hash = createHash('sha256');
  for (const r of records) hash.update(JSON.stringify([r.action, r.slug, r.input, r.errors.length, r.translations]));
  const fingerprint = hash.digest('hex').slice(0, 16);
  return { records, writes, groups, attachments: [], fingerprint };
}

/**
 * Which records are translations of one work: those naming the same `translationGroup` (a key of the
 * file's, or the slug of another member, in the file or in the catalogue), and those sharing a document
 * address in different main languages (one address in one language is left alone, with a note: it may be
 * a duplicate). A group named explicitly that breaks the rule of TranslationGroupSchema rejects its records.
 * The import only adds links: translations a publication has already are kept.
 */
function planTranslations(state: CatalogueState, sources: readonly SourceRecord[], records: PlannedRecord[]): string[][] {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(node, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const inFile = new Map<string, PlannedRecord>();
  const sourceOf = new Map<PlannedRecord, SourceRecord>();
  records.forEach((r, i) => {
    if (r.action === 'rejected' || !r.slug) return;
    inFile.set(r.slug, r);
    sourceOf.set(r, sources[i]!);
  });
  const languageOf = (slug: string) => (inFile.get(slug)?.input?.languages ?? state.bySlug.get(slug)?.languages ?? [])[0] ?? null;
  const titleOf = (slug: string) => inFile.get(slug)?.title ?? state.bySlug.get(slug)?.title ?? slug;

  const explicit = new Set<string>();
  for (const [slug, record] of inFile) {
    find(slug);
    const key = sourceOf.get(record)!.data.translationGroup;
    if (!key) continue;
    explicit.add(slug);
    // A key that is a publication's slug names that publication; any other key only joins the records naming it.
    union(slug, inFile.has(key) || state.bySlug.has(key) ? key : `key:${key}`);
  }
  const byUrl = new Map<string, string[]>();
  for (const [slug, record] of inFile) {
    const url = record.input?.url ?? state.bySlug.get(slug)?.url;
    if (url && !explicit.has(slug)) byUrl.set(url, [...(byUrl.get(url) ?? []), slug]);
  }
  for (const slugs of byUrl.values()) {
    if (slugs.length < 2) continue;
    const languages = slugs.map(languageOf);
    if (languages.every((l, i) => l !== null && languages.indexOf(l) === i)) {
      for (const slug of slugs.slice(1)) union(slugs[0]!, slug);
    } else {
      for (const slug of slugs) {
        inFile.get(slug)!.review.push({ field: 'url', value: slugs.filter((s) => s !== slug).join(', '), note: 'shares its document address with these records but not a main language of its own: not linked as translations' });
      }
    }
  }

  const members = new Map<string, string[]>();
  for (const node of parent.keys()) {
    if (node.startsWith('key:')) continue;
    const root = find(node);
    members.set(root, [...(members.get(root) ?? []), node]);
  }
  let byGroup: Map<number, string[]> | null = null;
  const translationsHad = (existing: Existing) => {
    if (existing.translationGroupId === null) return [];
    if (!byGroup) {
      byGroup = new Map();
      for (const p of state.bySlug.values()) if (p.translationGroupId !== null) byGroup.set(p.translationGroupId, [...(byGroup.get(p.translationGroupId) ?? []), p.slug]);
    }
    return (byGroup.get(existing.translationGroupId) ?? []).filter((slug) => slug !== existing.slug);
  };
  const groups: string[][] = [];
  for (const slugs of members.values()) {
    if (slugs.length < 2) continue;
    slugs.sort();
    const [first, ...rest] = slugs.map((slug) => ({ id: null, title: titleOf(slug), language: languageOf(slug) }));
    const problems = translationGroupProblems(first!, rest);
    const fileRecords = slugs.flatMap((slug) => (inFile.has(slug) ? [inFile.get(slug)!] : []));
    if (problems) {
      for (const record of fileRecords) {
        record.errors.push(...problems.map((message) => ({ field: 'record' as const, message: `translations ${slugs.join(', ')}: ${message}` })));
        record.action = 'rejected';
        record.input = null;
      }
      continue;
    }
    groups.push(slugs);
    for (const record of fileRecords) {
      const existing = state.bySlug.get(record.slug!);
      const had = existing ? translationsHad(existing) : [];
      record.translations = slugs.filter((s) => s !== record.slug);
      const added = record.translations.filter((s) => !had.includes(s));
      if (existing && added.length > 0) {
        record.diff.push({ field: 'translations', before: had.sort().join(', ') || '—', after: [...new Set([...had, ...record.translations])].sort().join(', ') });
        if (record.action === 'unchanged') record.action = 'update';
      }
    }
  }
  return groups;
}

/** Every record normalized, authors unified across the file and with the catalogue's own names. */
export function normalizeRecords(
  records: readonly SourceRecord[],
  knownAuthors: readonly string[],
  onProgress?: (done: number, total: number) => void,
): (NormalizeResult | null)[] {
  const directory = new AuthorDirectory(knownAuthors);
  for (const record of records) if (record.errors.length === 0) directory.observe(record.data.authors);
  return records.map((record, i) => {
    if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1, records.length);
    return record.errors.length === 0 ? normalizePublication(record.data, directory) : null;
  });
}

/** Reads the catalogue, normalizes the records against it and plans the import. */
export async function makePlan(
  db: Db,
  records: readonly SourceRecord[],
  {
    status,
    onProgress,
    files = null,
  }: { status?: 'draft' | 'published'; onProgress?: (phase: 'normalize' | 'plan', done: number, total: number) => void; files?: ImportFiles | null } = {},
): Promise<{ plan: Plan; normalizeMs: number }> {
  const state = await loadCatalogueState(db);
  const started = performance.now();
  const normalized = normalizeRecords(records, state.authorNames, (done, total) => onProgress?.('normalize', done, total));
  const normalizeMs = performance.now() - started;
  const plan = planImport(state, records, normalized, { status, onProgress: (done, total) => onProgress?.('plan', done, total) });
  if (!records.some((r) => r.data.files && r.data.files.length > 0)) return { plan, normalizeMs };
  plan.attachments = await planFiles(db, records, plan.records, files);
  // Files can reject a record: it writes nothing then (and the apply refuses to run at all).
  plan.writes = plan.records.flatMap((r) => (r.input && r.action !== 'rejected' ? [r.input] : []));
  const hash = createHash('sha256').update(plan.fingerprint);
  for (const r of plan.records) hash.update(JSON.stringify([r.action, r.files]));
  plan.fingerprint = hash.digest('hex').slice(0, 16);
  return { plan, normalizeMs };
}
