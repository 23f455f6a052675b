import { z } from 'zod';

/** The staff publications table's URL: every value whitelisted or clamped, so any query string yields a page. */

export const ADMIN_SORTS = [
  { value: 'updated', label: 'Recently changed' },
  { value: 'title', label: 'Title' },
  { value: 'newest', label: 'Year, newest first' },
  { value: 'oldest', label: 'Year, oldest first' },
] as const;
export type AdminSort = (typeof ADMIN_SORTS)[number]['value'];

export const ADMIN_STATUSES = [
  { value: 'all', label: 'All' },
  { value: 'published', label: 'Published' },
  { value: 'draft', label: 'Draft' },
] as const;
export type AdminStatus = (typeof ADMIN_STATUSES)[number]['value'];

export const ADMIN_PAGE_SIZE = 25;

export type AdminListParams = { q: string; status: AdminStatus; category: string; year: number | null; sort: AdminSort; page: number };

const first = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .catch(undefined)
  .transform((v) => (Array.isArray(v) ? v[0] : v) ?? '');

export const AdminListParamsSchema = z.object({
  q: first.transform((v) => v.replace(/\s+/g, ' ').trim().slice(0, 200)),
  status: first.transform((v) => ADMIN_STATUSES.find((s) => s.value === v)?.value ?? 'all'),
  category: first.transform((v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) && v.length <= 100 ? v : '')),
  year: first.transform((v) => (/^\d{4}$/.test(v.trim()) ? Math.min(2100, Math.max(1900, Number(v))) : null)),
  sort: first.transform((v) => ADMIN_SORTS.find((s) => s.value === v)?.value ?? 'updated'),
  page: first.transform((v) => {
    const page = Number.parseInt(v, 10);
    return Number.isFinite(page) ? Math.min(10_000, Math.max(1, page)) : 1;
  }),
});

export function parseAdminListParams(input: Record<string, string | string[] | undefined>): AdminListParams {
  return AdminListParamsSchema.parse(input);
}

export const DEFAULT_ADMIN_PARAMS: AdminListParams = parseAdminListParams({});

/** The table's URL for `params` with `changes` applied; any change but the page goes back to page 1. */
export function adminListHref(params: AdminListParams, changes: Partial<AdminListParams> = {}): string {
  const next = { ...params, page: 1, ...changes };
  const search = new URLSearchParams();
  if (next.q) search.set('q', next.q);
  if (next.status !== 'all') search.set('status', next.status);
  if (next.category) search.set('category', next.category);
  if (next.year !== null) search.set('year', String(next.year));
  if (next.sort !== 'updated') search.set('sort', next.sort);
  if (next.page > 1) search.set('page', String(next.page));
  const query = search.toString();
  return query ? `/admin?${query}` : '/admin';
}
