import type { ImportReport } from './types';

/**
 * The report's findings grouped: the same change, unresolved value or review note in many records is
 * listed once, with the records it occurs in. Shared by the terminal report and the admin page.
 */

export type FindingGroup = { field: string; text: string; detail: string; records: number[] };

function group(items: { index: number; field: string; text: string; detail: string }[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const item of items) {
    const key = `${item.field}\u0000${item.text}\u0000${item.detail}`;
    const existing = groups.get(key);
    if (existing) existing.records.push(item.index);
    else groups.set(key, { field: item.field, text: item.text, detail: item.detail, records: [item.index] });
  }
  return [...groups.values()];
}

export function summarizeFindings(report: ImportReport): { changes: FindingGroup[]; unresolved: FindingGroup[]; review: FindingGroup[] } {
  return {
    changes: group(
      report.records.flatMap((r) => r.changes.map((c) => ({ index: r.index, field: c.field, text: `“${c.from}” → ${c.to}`, detail: `${c.rule}: ${c.reason}` }))),
    ),
    unresolved: group(
      report.records.flatMap((r) =>
        r.unresolved.map((u) => ({ index: r.index, field: u.field, text: `“${u.value}”`, detail: `${u.reason}${u.candidates ? ` (candidates: ${u.candidates.join(', ')})` : ''}` })),
      ),
    ),
    review: group(report.records.flatMap((r) => r.review.map((n) => ({ index: r.index, field: n.field, text: `“${n.value}”`, detail: n.note })))),
  };
}

/** "#1, #4, #9 and 312 more" */
export function recordList(indexes: readonly number[], shown = 12): string {
  const head = indexes.slice(0, shown).map((i) => `#${i}`);
  return indexes.length > shown ? `${head.join(', ')} and ${(indexes.length - shown).toLocaleString('en')} more` : head.join(', ');
}
