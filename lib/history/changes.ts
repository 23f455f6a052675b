/** One field of an audit entry, as the history shows it: before → after (null where there is no side). */
export type ChangeRow = { field: string; before: unknown; after: unknown; added?: string[]; removed?: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** { before, after } and nothing else: the shape diffFields writes for one field. */
function isFieldChange(value: unknown): value is { before?: unknown; after?: unknown } {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'before' || k === 'after');
}

function listDelta(before: unknown, after: unknown): Pick<ChangeRow, 'added' | 'removed'> {
  if (!Array.isArray(before) || !Array.isArray(after)) return {};
  const b = before.map(String);
  const a = after.map(String);
  return { added: a.filter((v) => !b.includes(v)), removed: b.filter((v) => !a.includes(v)) };
}

/**
 * Reads an audit entry's `changes` JSON. Updates store `{ field: { before, after } }`; creates and deletes
 * store the whole record, shown as after (create) or before (delete) of each field. Anything else
 * (malformed JSON, a bare value) is shown as one row rather than failing the page.
 */
export function readChanges(action: string, json: string): ChangeRow[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [{ field: 'changes', before: null, after: json }];
  }
  if (!isRecord(value)) return value === null ? [] : [{ field: 'changes', before: null, after: value }];
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([, v]) => isFieldChange(v))) {
    return entries.map(([field, v]) => {
      const { before = null, after = null } = v as { before?: unknown; after?: unknown };
      return { field, before, after, ...listDelta(before, after) };
    });
  }
  return entries.map(([field, v]) =>
    action === 'delete' ? { field, before: v, after: null } : { field, before: null, after: v },
  );
}

/** One value as text: lists joined, nothing as a dash. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => (isRecord(v) ? JSON.stringify(v) : String(v))).join('; ');
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}
