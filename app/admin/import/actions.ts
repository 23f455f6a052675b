'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { NOT_ALLOWED, authorize } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { MAX_IMPORT_BYTES, runImport } from '@/lib/import';
import { findUpload, saveUpload } from '@/lib/import/uploads';

export type UploadState = { message?: string; fieldErrors?: { file?: string[]; status?: string[] } };

const UploadSchema = z.object({
  file: z
    .instanceof(File, { error: 'Choose a file to import.' })
    .refine((f) => f.size > 0, { error: 'The file is empty: choose a CSV, JSON or listing file.' })
    .refine((f) => f.size <= MAX_IMPORT_BYTES, { error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` }),
  status: z.enum(['published', 'draft'], { error: 'Choose published or draft.' }),
});

export async function uploadImport(_previous: UploadState, formData: FormData): Promise<UploadState> {
  const user = await authorize('editor', 'import.upload');
  if (!user) return { message: NOT_ALLOWED };
  const parsed = UploadSchema.safeParse({ file: formData.get('file'), status: formData.get('status') });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };

  let id: string;
  try {
    const { file, status } = parsed.data;
    id = await saveUpload(prisma, {
      userId: user.id,
      fileName: file.name.slice(0, 200) || 'upload',
      status,
      content: new Uint8Array(await file.arrayBuffer()),
    });
  } catch {
    return { message: 'The file could not be stored. Try again.' };
  }
  redirect(`/admin/import?upload=${id}`);
}

const ApplySchema = z.object({
  upload: z.string().regex(/^[\w-]{10,64}$/),
  fingerprint: z.string().min(1).max(200),
  skipRejected: z.literal('1').optional(),
});

/** Writes the previewed import, all or nothing (or all but the rejected records, when asked), unless the plan changed since the preview. */
export async function applyImportUpload(formData: FormData): Promise<void> {
  const user = await authorize('editor', 'import.apply');
  if (!user) redirect('/sign-in?next=%2Fadmin%2Fimport');
  const parsed = ApplySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect('/admin/import');
  const upload = await findUpload(prisma, parsed.data.upload, user.id);
  if (!upload) redirect('/admin/import');

  const report = await runImport(prisma, new Uint8Array(upload.content), {
    fileName: upload.fileName,
    status: upload.status === 'draft' ? 'draft' : 'published',
    apply: true,
    expectFingerprint: parsed.data.fingerprint,
    skipRejected: parsed.data.skipRejected === '1',
  });
  const applied = report.mode === 'applied';
  if (applied) {
    await prisma.$transaction(async (tx) => {
      await recordAudit(tx, {
        actor: user,
        action: 'import',
        entity: 'import',
        entityId: upload.id,
        label: upload.fileName,
        changes: { created: report.totals.create, updated: report.totals.update, unchanged: report.totals.unchanged, rejected: report.totals.rejected },
      });
      await tx.importUpload.delete({ where: { id: upload.id } });
    });
    revalidatePath('/', 'layout');
  }
  redirect(
    applied
      ? `/admin/import?applied=${report.totals.create}-${report.totals.update}-${report.totals.unchanged}-${report.totals.rejected}`
      : `/admin/import?upload=${upload.id}&failed=1`,
  );
}
