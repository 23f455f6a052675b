import { recordAudit } from '@/lib/audit';
import type { Db, PrismaClient } from '@/lib/prisma-client';
import { publicationChanged } from '@/lib/publications/changes';
import { upsertPublication } from '@/lib/publications/save';
import { setTranslations } from '@/lib/publications/translations';
import { makePlan, type Plan } from './plan';
import type { SourceRecord } from './types';

export type ApplyOptions = {
  status?: 'draft' | 'published';
  /** The fingerprint of the dry run the user saw: the apply aborts if the plan is no longer the same. */
  expectFingerprint?: string | null;
  /** Problems with the file: any of them aborts the apply. */
  fileProblems?: number;
  onProgress?: (phase: 'normalize' | 'plan' | 'apply', done: number, total: number) => void;
};

export type ApplyOutcome =
  | { applied: true; plan: Plan; normalizeMs: number; planMs: number }
  | { applied: false; plan: Plan; reason: string; normalizeMs: number; planMs: number };

class Abort extends Error {}

/**
 * Links the publications of one planned group, keeping the translations they had: each member's change is
 * audited (as the import's, no one's in particular) and logged like a staff save.
 */
async function linkGroup(db: Db, slugs: string[]): Promise<void> {
  const rows = await db.publication.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, title: true, translationGroupId: true } });
  const [self, ...rest] = slugs.map((slug) => rows.find((r) => r.slug === slug)!);
  if (!self) return;
  const had = self.translationGroupId === null ? [] : await db.publication.findMany({ where: { translationGroupId: self.translationGroupId }, select: { id: true } });
  const listed = [...new Set([...rest.map((r) => r.id), ...had.map((r) => r.id)])].filter((id) => id !== self.id);
  const result = await setTranslations(db, null, self.id, listed);
  if (!result.ok) throw new Abort(`Nothing was written: translations ${slugs.join(', ')}: ${result.messages.join(' ')}`);
  const own = result.changes.find((c) => c.id === self.id);
  if (!own) return;
  await db.publication.update({ where: { id: self.id }, data: { version: { increment: 1 } } });
  await recordAudit(db, { actor: null, action: 'update', entity: 'publication', entityId: self.id, label: self.title, changes: { translations: { before: own.before, after: own.after } } });
  await publicationChanged(db, self.id);
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Writes an import in one transaction. The plan is made again inside it, against the catalogue as it is
 * at that moment, and every create and update goes through upsertPublication (which also refreshes search).
 * A problem with the file, a rejected record or a plan other than the previewed one aborts it: nothing is written.
 */
export async function applyImport(db: PrismaClient, records: readonly SourceRecord[], options: ApplyOptions = {}): Promise<ApplyOutcome> {
  let plan: Plan | null = null;
  let normalizeMs = 0;
  let planMs = 0;
  try {
    await db.$transaction(
      async (tx) => {
        const planStarted = performance.now();
        const made = await makePlan(tx, records, options);
        plan = made.plan;
        normalizeMs = made.normalizeMs;
        planMs = performance.now() - planStarted - normalizeMs;
        const rejected = made.plan.records.filter((r) => r.action === 'rejected').length;
        if (options.fileProblems) throw new Abort('Nothing was written: the file has problems (above).');
        if (rejected > 0) throw new Abort(`Nothing was written: ${plural(rejected, 'record')} rejected (below). Fix ${rejected === 1 ? 'it' : 'them'} and import the file again.`);
        if (options.expectFingerprint && options.expectFingerprint !== made.plan.fingerprint) {
          throw new Abort('Nothing was written: the catalogue changed since the preview, so the import would no longer do what it showed. Preview it again.');
        }
        let done = 0;
        for (const write of made.plan.writes) {
          await upsertPublication(tx, write);
          done++;
          if (done % 100 === 0 || done === made.plan.writes.length) options.onProgress?.('apply', done, made.plan.writes.length);
        }
        for (const slugs of made.plan.groups) await linkGroup(tx, slugs);
      },
      // One transaction for the whole file: generous limits, since 100,000 records take minutes.
      { timeout: Math.max(60_000, records.length * 100), maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof Abort && plan) return { applied: false, plan, reason: error.message, normalizeMs, planMs };
    throw error;
  }
  return { applied: true, plan: plan!, normalizeMs, planMs };
}
