import 'server-only';
import { prisma } from '@/lib/db';
import { HISTORY_PAGE_SIZE, type HistoryParams, type HistoryVocabulary } from '@/lib/history/params';

export type HistoryEntry = {
  id: number;
  at: Date;
  userId: number | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string;
  label: string;
  changes: string;
};

export type HistoryFilterValue = { value: string; label: string; count: number };
export type HistoryFilters = { entities: HistoryFilterValue[]; actions: HistoryFilterValue[]; users: HistoryFilterValue[] };

/** Every entity, action and user the log holds, with counts: the filters' values and the URL's whitelist. */
export async function listHistoryFilters(): Promise<HistoryFilters & { vocabulary: HistoryVocabulary }> {
  const [entities, actions, users] = await Promise.all([
    prisma.auditEntry.groupBy({ by: ['entity'], _count: { _all: true }, orderBy: { entity: 'asc' } }),
    prisma.auditEntry.groupBy({ by: ['action'], _count: { _all: true }, orderBy: { action: 'asc' } }),
    prisma.auditEntry.groupBy({ by: ['userId', 'userName'], where: { userId: { not: null } }, _count: { _all: true } }),
  ]);
  // A user renamed since shows under their current name where they still exist, else the newest one logged.
  const current = new Map(
    (await prisma.user.findMany({ where: { id: { in: users.map((u) => u.userId!) } }, select: { id: true, name: true } })).map(
      (u) => [u.id, u.name],
    ),
  );
  const byUser = new Map<number, HistoryFilterValue>();
  for (const u of users) {
    const id = u.userId!;
    const seen = byUser.get(id);
    const label = current.get(id) ?? u.userName ?? `User ${id}`;
    byUser.set(id, { value: String(id), label, count: (seen?.count ?? 0) + u._count._all });
  }
  const userValues = [...byUser.values()].sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return {
    entities: entities.map((e) => ({ value: e.entity, label: e.entity, count: e._count._all })),
    actions: actions.map((a) => ({ value: a.action, label: a.action, count: a._count._all })),
    users: userValues,
    vocabulary: {
      entities: entities.map((e) => e.entity),
      actions: actions.map((a) => a.action),
      userIds: [...byUser.keys()],
    },
  };
}

/** One page of the log, newest first; the page is clamped to the pages there are. */
export async function listHistory(
  params: HistoryParams,
): Promise<{ items: HistoryEntry[]; total: number; page: number; pageCount: number }> {
  const where = {
    ...(params.entity && { entity: params.entity }),
    ...(params.entity && params.entityId && { entityId: params.entityId }),
    ...(params.action && { action: params.action }),
    ...(params.user !== null && { userId: params.user }),
  };
  const total = await prisma.auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const items = await prisma.auditEntry.findMany({
    where,
    orderBy: { id: 'desc' },
    skip: (page - 1) * HISTORY_PAGE_SIZE,
    take: HISTORY_PAGE_SIZE,
  });
  return { items, total, page, pageCount };
}
