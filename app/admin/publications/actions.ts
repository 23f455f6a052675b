'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authorize, NOT_ALLOWED } from '@/lib/auth/authorize';
import { findAuthors, findPublications, getPublicationForEdit, type TranslationCandidate } from '@/lib/data/admin-publications';
import { prisma } from '@/lib/db';
import { detachFile, updateFile } from '@/lib/files/files';
import { LANGUAGE_CODES } from '@/lib/normalize/languages';
import { z } from 'zod';
import { createPublication, deletePublicationAsStaff, updatePublication, type WriteResult } from '@/lib/publications/admin';
import type { PublicationSnapshot } from '@/lib/publications/snapshot';
import {
  PublicationFormSchema,
  publicationFieldErrors,
  readPublicationForm,
  type PublicationFieldErrors,
  type PublicationFormValues,
} from '@/lib/validation/publication-form';

export type PublicationConflict = PublicationSnapshot & {
  version: number;
  savedBy: string | null;
  savedAt: string | null;
  /** The stored version as the form shows it, for "Re-apply my changes". */
  values: PublicationFormValues;
};

export type PublicationFormState = {
  fieldErrors?: PublicationFieldErrors;
  message?: string;
  /** What the user sent, handed back so nothing typed is lost. */
  values?: PublicationFormValues;
  /** Someone saved since the form was opened: what is stored now. Null when it was deleted. */
  conflict?: PublicationConflict | null;
  /** The safeguarding check's findings that stopped a save making the publication public. */
  safeguarding?: string[];
};

export type DeleteState = { message?: string; conflict?: boolean };

const SAVE_FAILED = 'The publication could not be saved. Nothing was changed; please try again.';

async function failure(id: number | null, result: Exclude<WriteResult, { ok: true }>, values: PublicationFormValues): Promise<PublicationFormState> {
  if (result.reason === 'invalid' && result.safeguarding) {
    return {
      fieldErrors: result.fieldErrors,
      safeguarding: result.safeguarding,
      message: 'This publication may show personal data to the public: it was not saved.',
      values: { ...values, publishAnyway: '' },
    };
  }
  if (result.reason === 'invalid') return { fieldErrors: result.fieldErrors, message: 'Check the fields marked below.', values };
  const stored = id === null ? null : await getPublicationForEdit(id);
  const current = result.current;
  if (!current || !stored) {
    return { values, conflict: null, message: 'This publication was deleted after you opened it. Your changes were not saved.' };
  }
  const by = current.lastChange?.by;
  return {
    values,
    message: `Someone else${by ? ` (${by})` : ''} saved this publication after you opened it. Your changes were not saved.`,
    conflict: {
      ...current,
      savedBy: by ?? null,
      savedAt: current.lastChange?.at.toISOString() ?? null,
      values: stored.values,
    },
  };
}

/** Public pages read the database on every request; this drops any copy Next.js or a browser kept. */
function refreshPublicPages(slug: string) {
  revalidatePath('/');
  revalidatePath(`/publications/${slug}`);
  revalidatePath('/api/publications');
  revalidatePath('/admin', 'layout');
}

export async function createPublicationAction(_previous: PublicationFormState, formData: FormData): Promise<PublicationFormState> {
  const user = await authorize('editor', 'publication.create');
  if (!user) return { message: NOT_ALLOWED };

  const values = readPublicationForm(formData);
  const parsed = PublicationFormSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: publicationFieldErrors(parsed.error), message: 'Check the fields marked below.', values };

  let result: WriteResult;
  try {
    result = await createPublication(prisma, user, parsed.data, { mayPublishAnyway: user.role === 'admin' });
  } catch (error) {
    console.error('publication.create failed', error);
    return { message: SAVE_FAILED, values };
  }
  if (!result.ok) return failure(null, result, values);

  refreshPublicPages(result.slug);
  redirect(`/admin/publications/${result.id}/edit?saved=created`);
}

export async function updatePublicationAction(
  id: number,
  _previous: PublicationFormState,
  formData: FormData,
): Promise<PublicationFormState> {
  const user = await authorize('editor', 'publication.update');
  if (!user) return { message: NOT_ALLOWED };

  const values = readPublicationForm(formData);
  const parsed = PublicationFormSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: publicationFieldErrors(parsed.error), message: 'Check the fields marked below.', values };
  if (!Number.isSafeInteger(id) || parsed.data.version === null) return { message: 'Reload the page and try again.', values };

  let result: WriteResult;
  try {
    result = await updatePublication(prisma, user, id, parsed.data.version, parsed.data, { mayPublishAnyway: user.role === 'admin' });
  } catch (error) {
    console.error('publication.update failed', error);
    return { message: SAVE_FAILED, values };
  }
  if (!result.ok) return failure(id, result, values);

  refreshPublicPages(result.slug);
  redirect(`/admin/publications/${result.id}/edit?saved=updated`);
}

export async function deletePublicationAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  const user = await authorize('editor', 'publication.delete');
  if (!user) return { message: NOT_ALLOWED };

  const id = Number(formData.get('id'));
  const version = Number(formData.get('version'));
  if (!Number.isSafeInteger(id) || !Number.isSafeInteger(version)) return { message: 'Reload the page and try again.' };
  if (formData.get('confirm') !== 'yes') return { message: 'Tick “I confirm” to delete this publication.' };

  let result: WriteResult;
  try {
    result = await deletePublicationAsStaff(prisma, user, id, version);
  } catch (error) {
    console.error('publication.delete failed', error);
    return { message: 'The publication could not be deleted. Please try again.' };
  }
  if (!result.ok) {
    return {
      conflict: true,
      message:
        result.reason === 'conflict' && result.current
          ? 'Someone saved this publication after you opened this page. Nothing was deleted: reload to see the latest version, then confirm again.'
          : 'This publication no longer exists.',
    };
  }

  refreshPublicPages(result.slug);
  redirect('/admin?deleted=1');
}

/** The author type-ahead: staff only, like every other action. */
export async function searchAuthorsAction(query: string): Promise<{ id: number; name: string }[]> {
  const user = await authorize('editor', 'author.search');
  if (!user || typeof query !== 'string') return [];
  return findAuthors(query);
}

/** The translations type-ahead: staff only. */
export async function searchPublicationsAction(query: string): Promise<TranslationCandidate[]> {
  const user = await authorize('editor', 'publication.search');
  if (!user || typeof query !== 'string') return [];
  return findPublications(query);
}

export type FileState = { ok?: boolean; message?: string; fieldErrors?: { label?: string[]; language?: string[] } };

const FileEditSchema = z.object({
  fileId: z.coerce.number().int().positive(),
  label: z.string().trim().max(200, { error: 'At most 200 characters.' }),
  language: z.union([z.literal(''), z.enum(LANGUAGE_CODES as [string, ...string[]], { error: 'Choose a language from the list.' })]),
});

/** Changes a file's label and language (bound to the publication's id). */
export async function updateFileAction(publicationId: number, _previous: FileState, formData: FormData): Promise<FileState> {
  const user = await authorize('editor', 'publications.update-file');
  if (!user) return { message: NOT_ALLOWED };
  const parsed = FileEditSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  let changed: boolean;
  try {
    changed = await prisma.$transaction((tx) => updateFile(tx, publicationId, parsed.data.fileId, { label: parsed.data.label, language: parsed.data.language || null }, user));
  } catch {
    return { message: 'The file could not be changed. Nothing was saved; please try again.' };
  }
  if (!changed) return { message: 'This file is no longer on the publication. Reload the page.' };
  revalidatePath(`/admin/publications/${publicationId}/edit`);
  return { ok: true, message: 'Saved.' };
}

/** Takes a file off the publication (bound to the publication's id); its bytes go when no other record has them. */
export async function detachFileAction(publicationId: number, _previous: FileState, formData: FormData): Promise<FileState> {
  const user = await authorize('editor', 'publications.detach-file');
  if (!user) return { message: NOT_ALLOWED };
  const parsed = z.object({ fileId: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: 'Choose a file to remove.' };
  let removed: boolean;
  try {
    removed = await prisma.$transaction((tx) => detachFile(tx, publicationId, parsed.data.fileId, user), { timeout: 30_000 });
  } catch {
    return { message: 'The file could not be removed. Nothing was changed; please try again.' };
  }
  if (!removed) return { message: 'This file is no longer on the publication. Reload the page.' };
  redirect(`/admin/publications/${publicationId}/edit?upload=removed#files`);
}
