import { recordAudit } from '@/lib/audit';
import { addPreparedFile, releaseStoredFiles, type PreparedFile } from '@/lib/files/files';
import type { Db, PrismaClient } from '@/lib/prisma-client';
import { publicationChanged } from '@/lib/publications/changes';
import { upsertPublication } from '@/lib/publications/save';
import { setTranslations } from '@/lib/publications/translations';
import { asNamed, prepareImportFiles, type ImportFiles } from './files';
import { makePlan, type Plan } from './plan';
import type { SourceRecord } from './types';

export type ApplyOptions = {
  status?: 'draft' | 'published';
  /** The fingerprint of the dry run the user saw: the apply aborts if the plan is no longer the same. */
  expectFingerprint?: string | null;
  /** Problems with the file: any of them aborts the apply. */
  fileProblems?: number;
  onProgress?: (phase: 'normalize' | 'plan' | 'apply', done: number, total: number) => void;
  /** The files the records name, checked (lib/import/files.ts); null when the import has no folder. */
  files?: ImportFiles | null;
  /** Write the records that can be written and leave the rejected ones out; by default one rejects the file. */
  skipRejected?: boolean;
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
 * A problem with the file, a rejected record (unless `skipRejected`) or a plan other than the previewed one
 * aborts it: nothing is written.
 */
export async function applyImport(db: PrismaClient, records: readonly SourceRecord[], options: ApplyOptions = {}): Promise<ApplyOutcome> {
  let plan: Plan | null = null;
  let normalizeMs = 0;
  let planMs = 0;
  // Files are extracted and stored before the transaction, as planned outside it; the plan made inside
  // it must name the same files, or the import aborts like any other change since the preview.
  let prepared = new Map<string, PreparedFile>();
  if (options.files && options.files.byPath.size > 0) {
    const ahead = await makePlan(db, records, { status: options.status, files: options.files });
    if ((options.skipRejected || ahead.plan.records.every((r) => r.action !== 'rejected')) && !options.fileProblems) {
      prepared = await prepareImportFiles(db, options.files, ahead.plan.attachments);
    }
  }
  try {
    await db.$transaction(
      async (tx) => {
        const planStarted = performance.now();
        const made = await makePlan(tx, records, { status: options.status, onProgress: options.onProgress, files: options.files });
        plan = made.plan;
        normalizeMs = made.normalizeMs;
        planMs = performance.now() - planStarted - normalizeMs;
        const rejected = made.plan.records.filter((r) => r.action === 'rejected').length;
        if (options.fileProblems) throw new Abort('Nothing was written: the file has problems (above).');
        if (rejected > 0 && !options.skipRejected) throw new Abort(`Nothing was written: ${plural(rejected, 'record')} rejected (below). Fix ${rejected === 1 ? 'it' : 'them'} and import the file again.`);
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
        if (made.plan.attachments.length > 0) {
          const ids = new Map((await tx.publication.findMany({ where: { slug: { in: made.plan.attachments.map((a) => a.slug) } }, select: { id: true, slug: true } })).map((p) => [p.slug, p.id]));
          for (const attachment of made.plan.attachments) {
            const ready = prepared.get(attachment.sha256);
            if (!ready) throw new Abort('Nothing was written: the files changed since the preview. Preview it again.');
            await addPreparedFile(tx, ids.get(attachment.slug)!, asNamed(ready, attachment.file), null, attachment.title);
          }
        }
      },
      // One transaction for the whole file: generous limits, since 100,000 records take minutes.
      { timeout: Math.max(60_000, records.length * 100), maxWait: 30_000 },
    );
  } catch (error) {
    // What was stored for files no record now names goes again (bytes another record has stay).
    const digests = [...prepared.values()].flatMap((f) => [f.sha256, f.coverSha256]);
    if (digests.length > 0) await db.$transaction((tx) => releaseStoredFiles(tx, digests));
    if (error instanceof Abort && plan) return { applied: false, plan, reason: error.message, normalizeMs, planMs };
    throw error;
  }
  return { applied: true, plan: plan!, normalizeMs, planMs };
}
