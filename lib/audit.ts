import type { Db } from '@/lib/prisma-client';

export type AuditActor = { id: number; name: string } | null;
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Records who did what; call inside the transaction of the write it describes. */
export async function recordAudit(
  db: Db,
  entry: { actor: AuditActor; action: string; entity: string; entityId: string | number; label: string; changes?: unknown },
): Promise<void> {
  await db.auditEntry.create({
    data: {
      userId: entry.actor?.id ?? null,
      userName: entry.actor?.name ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      label: entry.label.slice(0, 300),
      changes: JSON.stringify(entry.changes ?? {}),
    },
  });
}

/** The fields whose values differ between two snapshots, with before → after. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}
