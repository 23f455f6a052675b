import { encodeAuthor, type AuthorEntry } from '@/lib/validation/publication-form';

/** A filled-in publication form, as the browser would send it. */
export function publicationFormData(fields: {
  title?: string;
  summary?: string;
  year?: string;
  category?: string;
  newCategory?: string;
  newCategoryFr?: string;
  newCategoryEs?: string;
  countries?: string[];
  regions?: string[];
  authors?: AuthorEntry[];
  url?: string;
  languages?: string[];
  status?: string;
  version?: number | string;
  reapplyVersion?: number;
  publishAnyway?: string;
}): FormData {
  const form = new FormData();
  form.set('title', fields.title ?? 'A test publication');
  form.set('summary', fields.summary ?? 'What it is about.');
  form.set('year', fields.year ?? '2024');
  form.set('category', fields.category ?? 'report');
  form.set('newCategory', fields.newCategory ?? '');
  if (fields.newCategoryFr !== undefined) form.set('newCategoryFr', fields.newCategoryFr);
  if (fields.newCategoryEs !== undefined) form.set('newCategoryEs', fields.newCategoryEs);
  for (const code of fields.countries ?? []) form.append('countries', code);
  for (const slug of fields.regions ?? []) form.append('regions', slug);
  for (const author of fields.authors ?? []) form.append('authors', encodeAuthor(author));
  form.set('url', fields.url ?? '');
  for (const code of fields.languages ?? []) form.append('languages', code);
  form.set('status', fields.status ?? 'published');
  if (fields.version !== undefined) form.set('version', String(fields.version));
  if (fields.reapplyVersion !== undefined) form.set('reapplyVersion', String(fields.reapplyVersion));
  if (fields.publishAnyway !== undefined) form.set('publishAnyway', fields.publishAnyway);
  return form;
}
