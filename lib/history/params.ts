import { z } from 'zod';

export const HISTORY_PAGE_SIZE = 50;

/** The global audit log's filters, as applied: every value is one the log actually holds. */
export type HistoryParams = {
  entity: string | null;
  /** Only with `entity`: one record's history (e.g. a category's). */
  entityId: string | null;
  action: string | null;
  user: number | null;
  page: number;
};

/** The values the log holds, which the URL's values are checked against. */
export type HistoryVocabulary = { entities: string[]; actions: string[]; userIds: number[] };

const one = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 100) || undefined)
  .catch(undefined);

const RawSchema = z.object({ entity: one, entityId: one, action: one, user: one, page: one });

/** Parses the page's search params once: unknown values are dropped, the page is a positive integer (clamped later). */
export function parseHistoryParams(raw: Record<string, string | string[] | undefined>, known: HistoryVocabulary): HistoryParams {
  const p = RawSchema.parse(raw);
  const entity = p.entity && known.entities.includes(p.entity) ? p.entity : null;
  const user = p.user && /^\d{1,9}$/.test(p.user) && known.userIds.includes(Number(p.user)) ? Number(p.user) : null;
  const page = p.page && /^\d{1,6}$/.test(p.page) ? Math.max(1, Number(p.page)) : 1;
  return {
    entity,
    entityId: entity && p.entityId && /^[\w.-]{1,64}$/.test(p.entityId) ? p.entityId : null,
    action: p.action && known.actions.includes(p.action) ? p.action : null,
    user,
    page,
  };
}

/** The log's URL with some filters changed; changing a filter goes back to page 1. */
export function historyHref(params: HistoryParams, changes: Partial<HistoryParams> = {}): string {
  const next = { ...params, ...changes };
  if (!('page' in changes)) next.page = 1;
  if (!next.entity) next.entityId = null;
  const search = new URLSearchParams();
  if (next.entity) search.set('entity', next.entity);
  if (next.entityId) search.set('entityId', next.entityId);
  if (next.action) search.set('action', next.action);
  if (next.user !== null) search.set('user', String(next.user));
  if (next.page > 1) search.set('page', String(next.page));
  const query = search.toString();
  return query ? `/admin/history?${query}` : '/admin/history';
}
