import type { Change, FieldError, ReviewNote, SourcePublication, Unresolved } from '@/lib/normalize';

export const IMPORT_FORMATS = ['listing', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A problem with the file as a whole: nothing in it is imported. */
export type FileProblem = { message: string; line?: number };

/** One record as read from the file, before normalization. */
export type SourceRecord = {
  /** 1-based position in the file. */
  index: number;
  /** First line of the record in the file (listing, CSV). */
  line: number | null;
  data: SourcePublication & { slug?: string | null; translationGroup?: string | null; files?: string | readonly string[] | null };
  /** Problems found while reading it (a CSV row with too few cells, a JSON field of the wrong type). */
  errors: FieldError[];
};

export type ParsedFile = { format: ImportFormat; records: SourceRecord[]; problems: FileProblem[]; notes: string[] };

export type ImportAction = 'create' | 'update' | 'unchanged' | 'rejected';

export type FieldDiff = { field: string; before: string; after: string };

/** A file a record names (lib/import/files.ts): attached by the import, or already on the publication. */
export type PlannedFile = { path: string; label: string | null; language: string | null; size: number; sha256: string; action: 'attach' | 'unchanged' };

export type RecordReport = {
  index: number;
  line: number | null;
  title: string;
  /** The publication's slug: the existing one for updates, the one it will get for creates. */
  slug: string | null;
  action: ImportAction;
  /** How an existing publication was found. */
  match: 'slug' | 'title and year' | null;
  changes: Change[];
  unresolved: Unresolved[];
  review: ReviewNote[];
  /** Why the record is rejected. */
  errors: FieldError[];
  /** For updates: what changes in the catalogue. */
  diff: FieldDiff[];
  /** The other publications (slugs) the import links it with as translations of one work. */
  translations: string[];
  /** The files it names, in order. */
  files: PlannedFile[];
};

export type ImportTotals = {
  records: number;
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
  changes: number;
  unresolved: number;
  review: number;
  /** Files to attach (or attached), over all records. */
  files: number;
};

export type ImportReport = {
  file: { name: string | null; bytes: number; format: ImportFormat | null };
  /** dry-run: nothing written; applied: everything written in one transaction; aborted: asked to apply, nothing written. */
  mode: 'dry-run' | 'applied' | 'aborted';
  /** The status created publications get. */
  status: 'draft' | 'published';
  problems: FileProblem[];
  notes: string[];
  totals: ImportTotals;
  records: RecordReport[];
  /** Identifies the planned writes; pass it back to apply exactly what was previewed. */
  fingerprint: string | null;
  timings: { readMs: number; normalizeMs: number; planMs: number; applyMs: number | null };
  /** One sentence saying what happened. */
  message: string;
};
