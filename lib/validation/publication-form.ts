import { z } from 'zod';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';
import { MAX_TRANSLATIONS } from './translations';

/**
 * The publication form's contract. The browser parses the form with it before sending (early messages)
 * and the Server Actions parse what arrives with it again (the authoritative check); both read the form
 * through `readPublicationForm`, so they see the same values and give the same messages. Whether a
 * country, region, category or author exists is checked by the server against the database.
 */

export const MIN_PUBLICATION_YEAR = 1900;
/** Next year: a publication announced for January may be catalogued in December. */
export function maxPublicationYear(now: Date = new Date()): number {
  return now.getFullYear() + 1;
}
export const TITLE_MAX = 500;
export const SUMMARY_MAX = 20_000;
export const NAME_MAX = 300;
export const MAX_LIST = 300;
export const URL_MAX = 2_000;
export const MAX_LANGUAGES = 20;
export const PUBLICATION_STATUSES = ['draft', 'published'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** The category select's value that asks for a new category by name. */
export const NEW_CATEGORY = '__new__';

export type AuthorEntry = { id?: number; name: string };

/** A publication linked as a translation: its id, and what the form shows of it. */
export type TranslationEntry = { id: number; title: string; language: string | null };

/** The form as typed, before parsing: what the browser keeps and what a failed save hands back. */
export type PublicationFormValues = {
  title: string;
  summary: string;
  year: string;
  /** An existing category's slug, '' for none, or NEW_CATEGORY. */
  category: string;
  newCategory: string;
  /** The new category's French and Spanish names, '' for none (the public pages show the English one). */
  newCategoryFr: string;
  newCategoryEs: string;
  countries: string[];
  regions: string[];
  authors: AuthorEntry[];
  /** The document's address (http or https), '' for none. */
  url: string;
  /** ISO 639-1 codes, the main language first. */
  languages: string[];
  /** The other publications of its translation group. */
  translations: TranslationEntry[];
  /** A publication to link, by address or exact title: what a form sent without JavaScript names. */
  translationAdd: string;
  status: string;
  /** The version the form was opened at (edits only). */
  version: string;
  /** An admin's reason to publish despite the safeguarding check's findings (lib/safeguarding); '' for none. */
  publishAnyway: string;
};

export const EMPTY_PUBLICATION_FORM: PublicationFormValues = {
  title: '',
  summary: '',
  year: '',
  category: '',
  newCategory: '',
  newCategoryFr: '',
  newCategoryEs: '',
  countries: [],
  regions: [],
  authors: [],
  url: '',
  languages: [],
  translations: [],
  translationAdd: '',
  status: 'draft',
  version: '',
  publishAnyway: '',
};

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');

/** Each author travels as one hidden input holding `{"id":12,"name":"IOM"}`, or `{"name":"…"}` for a new one. */
export function encodeAuthor(author: AuthorEntry): string {
  return JSON.stringify(author.id === undefined ? { name: author.name } : { id: author.id, name: author.name });
}

function decodeAuthor(value: string): AuthorEntry {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object') {
      const { id, name } = parsed as { id?: unknown; name?: unknown };
      return {
        ...(typeof id === 'number' && Number.isSafeInteger(id) ? { id } : {}),
        name: typeof name === 'string' ? name : '',
      };
    }
  } catch {
    // fall through: a plain name typed into a form without JavaScript
  }
  return { name: value };
}

/** Each linked translation travels as one checkbox whose value is `{"id":12,"title":"…","language":"fr"}`. */
export function encodeTranslation(entry: TranslationEntry): string {
  return JSON.stringify({ id: entry.id, title: entry.title, language: entry.language });
}

function decodeTranslation(value: string): TranslationEntry {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object') {
      const { id, title, language } = parsed as { id?: unknown; title?: unknown; language?: unknown };
      if (typeof id === 'number') {
        return { id, title: typeof title === 'string' ? title : '', language: typeof language === 'string' ? language : null };
      }
    }
  } catch {
    // reported by the schema below
  }
  return /^\d{1,9}$/.test(value) ? { id: Number(value), title: '', language: null } : { id: Number.NaN, title: value, language: null };
}

/** The form's values from a submitted FormData (browser and server alike). */
export function readPublicationForm(formData: FormData): PublicationFormValues {
  const list = (name: string) => formData.getAll(name).map(text).filter((v) => v !== '').slice(0, MAX_LIST + 1);
  return {
    title: text(formData.get('title')),
    summary: text(formData.get('summary')),
    year: text(formData.get('year')),
    category: text(formData.get('category')),
    newCategory: text(formData.get('newCategory')),
    newCategoryFr: text(formData.get('newCategoryFr')),
    newCategoryEs: text(formData.get('newCategoryEs')),
    countries: list('countries'),
    regions: list('regions'),
    authors: list('authors').map(decodeAuthor),
    url: text(formData.get('url')),
    languages: list('languages'),
    translations: list('translations').map(decodeTranslation),
    translationAdd: text(formData.get('translationAdd')),
    status: text(formData.get('status')),
    version: text(formData.get('version')),
    publishAnyway: text(formData.get('publishAnyway')),
  };
}

const unique = <T>(values: T[], key: (v: T) => string = String) => new Set(values.map(key)).size === values.length;

export const PublicationFormSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, { error: 'Enter a title.' })
      .max(TITLE_MAX, { error: `Keep the title under ${TITLE_MAX} characters.` }),
    summary: z
      .string()
      .trim()
      .min(1, { error: 'Enter a summary.' })
      .max(SUMMARY_MAX, { error: `Keep the summary under ${SUMMARY_MAX.toLocaleString('en')} characters.` }),
    year: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value === '') return null;
        const year = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
        const max = maxPublicationYear();
        if (!Number.isInteger(year) || year < MIN_PUBLICATION_YEAR || year > max) {
          ctx.addIssue({ code: 'custom', message: `Enter a year between ${MIN_PUBLICATION_YEAR} and ${max}, or leave it empty.` });
          return z.NEVER;
        }
        return year;
      }),
    category: z.string().trim().max(100),
    newCategory: z.string().trim().max(100, { error: 'Keep the category name under 100 characters.' }),
    newCategoryFr: z.string().trim().max(100, { error: 'Keep the French category name under 100 characters.' }),
    newCategoryEs: z.string().trim().max(100, { error: 'Keep the Spanish category name under 100 characters.' }),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, { error: 'Choose countries from the list.' }))
      .max(MAX_LIST, { error: 'Too many countries.' })
      .refine((v) => unique(v), { error: 'Each country can be chosen once.' }),
    regions: z
      .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Choose regions from the list.' }))
      .max(MAX_LIST, { error: 'Too many regions.' })
      .refine((v) => unique(v), { error: 'Each region can be chosen once.' }),
    authors: z
      .array(
        z.object({
          id: z.int().positive().optional(),
          name: z.string().trim().min(1, { error: 'Give every author a name.' }).max(NAME_MAX, { error: `Keep author names under ${NAME_MAX} characters.` }),
        }),
      )
      .max(MAX_LIST, { error: 'Too many authors.' })
      .refine((v) => unique(v, (a) => (a.id === undefined ? `name:${a.name.trim().toLowerCase()}` : `id:${a.id}`)), {
        error: 'Each author can be listed once.',
      }),
    url: z
      .string()
      .trim()
      .max(URL_MAX, { error: `Keep the address under ${URL_MAX.toLocaleString('en')} characters.` })
      .transform((value, ctx) => {
        if (value === '') return null;
        let url: URL | null = null;
        try {
          url = new URL(value);
        } catch {
          // reported below
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
          ctx.addIssue({ code: 'custom', message: 'Enter a web address starting with https:// or http://, or leave it empty.' });
          return z.NEVER;
        }
        // The parsed form: spaces, quotes and angle brackets percent-encoded, the host in lower case.
        return url.href;
      }),
    languages: z
      .array(z.string().refine((code) => LANGUAGE_CODES.includes(code), { error: 'Choose languages from the list.' }))
      .max(MAX_LANGUAGES, { error: 'Too many languages.' })
      .refine((v) => unique(v), { error: 'Each language can be chosen once.' }),
    translations: z
      .array(z.object({ id: z.int({ error: 'Choose translations from the suggestions.' }).positive(), title: z.string(), language: z.string().nullable() }))
      .max(MAX_TRANSLATIONS - 1, { error: `A work can have at most ${MAX_TRANSLATIONS} translations.` })
      .refine((v) => unique(v, (t) => String(t.id)), { error: 'Each translation can be linked once.' }),
    translationAdd: z.string().trim().max(TITLE_MAX, { error: 'Enter the address or the exact title of one publication.' }),
    status: z.enum(PUBLICATION_STATUSES, { error: 'Choose draft or published.' }),
    publishAnyway: z.string().trim().max(1000, { error: 'Keep the reason under 1,000 characters.' }),
    version: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value === '') return null;
        if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
          ctx.addIssue({ code: 'custom', message: 'Reload the page and try again.' });
          return z.NEVER;
        }
        return Number(value);
      }),
  })
  .superRefine((form, ctx) => {
    if (form.category === NEW_CATEGORY && form.newCategory === '') {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'Enter a name for the new category.' });
    } else if (form.category !== NEW_CATEGORY && form.category !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(form.category)) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'Choose a category from the list.' });
    }
  })
  .transform(({ category, newCategory, newCategoryFr, newCategoryEs, translations, translationAdd, ...rest }) => ({
    ...rest,
    translations: translations.map((t) => t.id),
    translationAdd: translationAdd === '' ? null : translationAdd,
    category:
      category === NEW_CATEGORY
        ? ({ kind: 'new', name: newCategory, nameFr: newCategoryFr || null, nameEs: newCategoryEs || null } as const)
        : category === ''
          ? null
          : ({ kind: 'existing', slug: category } as const),
  }));

export type PublicationFormData = z.output<typeof PublicationFormSchema>;

const sameList = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const authorKey = (a: AuthorEntry) => (a.id === undefined ? `name:${a.name.trim().toLowerCase()}` : `id:${a.id}`);

/**
 * "Re-apply my changes" after someone else saved: every field the editor changed since `base` keeps the
 * editor's value; every other field takes the value saved since (`theirs`), so their work is kept too.
 */
export function reapplyChanges(base: PublicationFormValues, mine: PublicationFormValues, theirs: PublicationFormValues): PublicationFormValues {
  const changed = {
    title: mine.title.trim() !== base.title.trim(),
    summary: mine.summary.trim() !== base.summary.trim(),
    year: mine.year.trim() !== base.year.trim(),
    category:
      mine.category !== base.category ||
      (mine.category === NEW_CATEGORY &&
        (['newCategory', 'newCategoryFr', 'newCategoryEs'] as const).some((f) => mine[f].trim() !== base[f].trim())),
    countries: !sameList(mine.countries, base.countries),
    regions: !sameList(mine.regions, base.regions),
    authors: mine.authors.map(authorKey).join('|') !== base.authors.map(authorKey).join('|'),
    url: mine.url.trim() !== base.url.trim(),
    languages: mine.languages.join('|') !== base.languages.join('|'),
    translations: !sameList(mine.translations.map((t) => String(t.id)), base.translations.map((t) => String(t.id))) || mine.translationAdd.trim() !== '',
    status: mine.status !== base.status,
  };
  return {
    title: changed.title ? mine.title : theirs.title,
    summary: changed.summary ? mine.summary : theirs.summary,
    year: changed.year ? mine.year : theirs.year,
    category: changed.category ? mine.category : theirs.category,
    newCategory: changed.category ? mine.newCategory : theirs.newCategory,
    newCategoryFr: changed.category ? mine.newCategoryFr : theirs.newCategoryFr,
    newCategoryEs: changed.category ? mine.newCategoryEs : theirs.newCategoryEs,
    countries: changed.countries ? mine.countries : theirs.countries,
    regions: changed.regions ? mine.regions : theirs.regions,
    authors: changed.authors ? mine.authors : theirs.authors,
    url: changed.url ? mine.url : theirs.url,
    languages: changed.languages ? mine.languages : theirs.languages,
    translations: changed.translations ? mine.translations : theirs.translations,
    translationAdd: changed.translations ? mine.translationAdd : '',
    status: changed.status ? mine.status : theirs.status,
    version: theirs.version,
    // A reason given for the text as it was: asked again of the text as it now is.
    publishAnyway: '',
  };
}

export const PUBLICATION_FIELDS = ['title', 'summary', 'year', 'category', 'countries', 'regions', 'authors', 'url', 'languages', 'translations', 'status'] as const;
export type PublicationField = (typeof PUBLICATION_FIELDS)[number];
export type PublicationFieldErrors = Partial<Record<PublicationField | 'version', string[]>>;

/** Field errors keyed by form field, in the form's order. */
export function publicationFieldErrors(error: z.ZodError): PublicationFieldErrors {
  const flat = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const errors: PublicationFieldErrors = {};
  for (const field of [...PUBLICATION_FIELDS, 'version'] as const) {
    const messages =
      field === 'category'
        ? [...(flat.category ?? []), ...(flat.newCategory ?? []), ...(flat.newCategoryFr ?? []), ...(flat.newCategoryEs ?? [])]
        : field === 'translations'
          ? [...(flat.translations ?? []), ...(flat.translationAdd ?? [])]
          : flat[field];
    if (messages && messages.length > 0) errors[field] = messages;
  }
  return errors;
}
