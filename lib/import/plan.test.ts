import { describe, expect, it } from 'vitest';
import { normalizeRecords, planImport, titleKey, titleYearKey, type CatalogueState } from './plan';
import type { SourceRecord } from './types';

type Existing = CatalogueState['bySlug'] extends Map<string, infer E> ? E : never;

function state(publications: Partial<Existing>[]): CatalogueState {
  const bySlug = new Map<string, Existing>();
  const byTitleYear = new Map<string, Existing[]>();
  const byTitle = new Map<string, Existing[]>();
  publications.forEach((p, i) => {
    const full: Existing = { id: i + 1, slug: `p-${i + 1}`, title: 'T', summary: 'S', year: 2020, languages: [], url: null, status: 'published', category: null, countries: [], regions: [], authors: [], translationGroupId: null, ...p };
    bySlug.set(full.slug, full);
    const key = titleYearKey(full.title, full.year);
    byTitleYear.set(key, [...(byTitleYear.get(key) ?? []), full]);
    byTitle.set(titleKey(full.title), [...(byTitle.get(titleKey(full.title)) ?? []), full]);
  });
  return { bySlug, byTitleYear, byTitle, countries: new Set(['RS', 'XK']), regions: new Set(['worldwide']), categories: new Set(['handbook']), authorNames: [], withdrawnSlugs: new Set(['withdrawn']) };
}

function records(...data: Partial<SourceRecord['data']>[]): SourceRecord[] {
  return data.map((d, i) => ({ index: i + 1, line: i + 2, errors: [], data: { title: 'T', summary: 'S', countries: [], regions: [], authors: [], year: 2020, ...d } }));
}

function plan(s: CatalogueState, r: SourceRecord[]) {
  return planImport(s, r, normalizeRecords(r, s.authorNames)).records;
}

describe('planImport possible duplicates', () => {
  const notes = (r: ReturnType<typeof plan>[number]) => r.review.filter((n) => n.field === 'title').map((n) => n.note);

  it('says when a new record has the title of a publication or an earlier record, one of the two without a year', () => {
    const s = state([{ slug: 'manual-2019', title: 'Referral Manual', year: 2019 }, { slug: 'guide', title: 'Field Guide', year: null }]);
    const out = plan(s, records(
      { title: 'Referral manual', year: null },
      { title: 'Field guide', year: 2021 },
      { title: 'Shelter Standards', year: 2018 },
      { title: 'Shelter standards', year: null },
    ));
    expect(out.map((r) => r.action)).toEqual(['create', 'create', 'create', 'create']);
    expect(notes(out[0]!)).toEqual(['possibly the same work as manual-2019: the same title, one of them without a year']);
    expect(notes(out[1]!)).toEqual(['possibly the same work as guide: the same title, one of them without a year']);
    expect(notes(out[2]!)).toEqual([]);
    expect(notes(out[3]!)).toEqual(['possibly the same work as record 3: the same title, one of them without a year']);
  });

  it('says nothing of two editions (both years known) nor of a record that updates its publication', () => {
    const s = state([{ slug: 'report-2019', title: 'Annual Report', year: 2019 }]);
    const out = plan(s, records({ title: 'Annual report', year: 2020 }, { title: 'Annual Report', year: 2019, summary: 'New' }));
    expect(out.map((r) => r.action)).toEqual(['create', 'update']);
    expect(out.flatMap(notes)).toEqual([]);
  });
});

describe('planImport safeguarding', () => {
  const personal = 'The survivor can be reached at maria.lopez@example.org.';

  it('creates a record that may show personal data as a draft, and says why', () => {
    const out = plan(state([]), records({ title: 'Case file', summary: personal }, { title: 'Clean', summary: 'A study.' }));
    expect(out.map((r) => [r.action, r.input?.status])).toEqual([['create', 'draft'], ['create', 'published']]);
    expect(out[0]!.review).toContainEqual({ field: 'summary', value: 'maria.lopez@example.org', note: 'created as a draft: possible personal data (the summary has an e-mail address (“maria.lopez@example.org”))' });
  });

  it('rejects an update that would put personal data on a published record, and not one of a draft', () => {
    const s = state([{ slug: 'pub', title: 'Published one', status: 'published' }, { slug: 'dft', title: 'Draft one', status: 'draft' }]);
    const out = plan(s, records({ title: 'Published one', summary: personal }, { title: 'Draft one', summary: personal }));
    expect(out.map((r) => r.action)).toEqual(['rejected', 'update']);
    expect(out[0]!.errors[0]!.message).toMatch(/^possible personal data in a published record: the summary has an e-mail address/);
  });
});

describe('planImport translations', () => {
  const full = (s: CatalogueState, r: SourceRecord[]) => planImport(s, r, normalizeRecords(r, s.authorNames));

  it('links records naming one group, or another member by slug, and shows it in the dry run', () => {
    const s = state([{ slug: 'manual-en', title: 'Manual', languages: ['en'] }]);
    const out = full(s, records(
      { title: 'Manuel', languages: ['French'], translationGroup: 'manual-en' },
      { title: 'Manual de', languages: ['es'], translationGroup: 'manual-en' },
      { title: 'Guide A', languages: ['en'], translationGroup: 'work-7' },
      { title: 'Guide B', languages: ['fr'], translationGroup: 'work-7' },
    ));
    expect(out.groups).toEqual([['manual-de', 'manual-en', 'manuel'], ['guide-a', 'guide-b']]);
    expect(out.records.map((r) => r.translations)).toEqual([['manual-de', 'manual-en'], ['manual-en', 'manuel'], ['guide-b'], ['guide-a']]);
  });

  it('links records sharing a document address in different languages, and notes the same address in one language', () => {
    const url = 'https://example.org/report';
    const out = full(state([]), records(
      { title: 'Report', languages: ['en'], url },
      { title: 'Rapport', languages: ['fr'], url },
      { title: 'Other', languages: ['en'], url: 'https://example.org/other' },
      { title: 'Other copy', languages: ['en'], url: 'https://example.org/other' },
    ));
    expect(out.groups).toEqual([['rapport', 'report']]);
    expect(out.records[2]!.translations).toEqual([]);
    expect(out.records[2]!.review.map((n) => n.field)).toEqual(['url']);
  });

  it('rejects the records of a named group with two members in one language', () => {
    const out = full(state([]), records({ title: 'One', languages: ['en'], translationGroup: 'w' }, { title: 'Two', languages: ['en'], translationGroup: 'w' }));
    expect(out.groups).toEqual([]);
    expect(out.records.map((r) => r.action)).toEqual(['rejected', 'rejected']);
    expect(out.records[0]!.errors[0]!.message).toMatch(/both in English/);
  });
});

describe('planImport', () => {
  it('matches on the slug when the file gives one, else on the normalized title and year', () => {
    const s = state([{ slug: 'kept', title: 'Old title', year: 2019 }, { slug: 'other', title: 'Référral: Guide', year: 2020 }]);
    const out = plan(s, records({ slug: 'kept', title: 'New title', year: 2019 }, { title: 'REFERRAL guide' }, { title: 'Referral guide', year: 2021 }));
    expect(out.map((r) => [r.action, r.match, r.slug])).toEqual([
      ['update', 'slug', 'kept'],
      ['update', 'title and year', 'other'],
      ['create', null, 'referral-guide'],
    ]);
    expect(out[0]!.diff).toEqual([{ field: 'title', before: 'Old title', after: 'New title' }]);
  });

  it('leaves fields the source does not carry as they are', () => {
    const s = state([{ title: 'T', category: 'handbook', languages: ['en'], url: 'https://example.org/', regions: ['worldwide'] }]);
    const [listing] = plan(s, records({ regions: ['Worldwide'] }));
    expect(listing!.action).toBe('unchanged');
    const [csv] = plan(s, records({ regions: ['Worldwide'], category: '', languages: ['en'], url: 'https://example.org' }));
    expect(csv!.diff).toEqual([{ field: 'category', before: 'handbook', after: '—' }]);
  });

  it('rejects the same publication twice in a file, and a title and year that match several publications', () => {
    const s = state([{ slug: 'a', title: 'Twin' }, { slug: 'b', title: 'Twin' }]);
    const out = plan(s, records({ title: 'Once' }, { title: 'once' }, { title: 'Twin' }, { title: 'Twin', slug: 'a' }, { title: 'Twin', slug: 'b' }));
    // With a slug, two publications that share a title and year are told apart.
    expect(out.map((r) => r.action)).toEqual(['create', 'rejected', 'rejected', 'unchanged', 'unchanged']);
    expect(out[1]!.errors[0]!.message).toBe('the same publication as record 1 (same title and year)');
    expect(out[2]!.errors[0]!.message).toMatch(/^matches 2 publications with this title and year \(a, b\): add a slug column/);
  });

  it('gives new publications free slugs, the year first, then a number', () => {
    const s = state([{ slug: 'study', title: 'Study', year: 2001 }]);
    const out = plan(s, records({ title: 'Study', year: 2002 }, { title: 'Study', year: null }));
    expect(out.map((r) => r.slug)).toEqual(['study-2002', 'study-2']);
  });

  it('never gives a new publication the slug of a withdrawn one, unless the file names it (published again)', () => {
    const out = plan(state([]), records({ title: 'Withdrawn', year: null }, { title: 'Back again', slug: 'withdrawn' }));
    expect(out.map((r) => [r.action, r.slug])).toEqual([['create', 'withdrawn-2'], ['create', 'withdrawn']]);
  });

  it('reports a value this database lacks as unresolved, and a bad slug as an error', () => {
    const out = plan(state([]), records({ countries: ['France'], regions: ['Global'] }, { slug: 'Not A Slug' }));
    expect(out[0]!.unresolved).toEqual([{ field: 'countries', value: 'FR', reason: 'not in this catalogue’s list' }]);
    expect(out[0]!.action).toBe('create');
    expect(out[1]!.errors).toEqual([{ field: 'slug', message: expect.stringContaining('is not a slug') }]);
  });
});
