'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authorize, NOT_ALLOWED } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import {
  addCountryToRegion,
  createCategory,
  createRegion,
  mergeAuthors,
  mergeCategories,
  removeCountryFromRegion,
  renameAuthor,
  renameCategory,
  renameRegion,
  type MergeResult,
} from '@/lib/taxonomy/admin';
import {
  MembershipSchema,
  TaxonCreateSchema,
  TaxonMergeSchema,
  TaxonRenameSchema,
  TranslatedTaxonRenameSchema,
} from '@/lib/validation/taxonomy';
import { stateFromError, type FormState } from '@/lib/write-problem';

// Each action: check the caller (admin only) → validate → write inside try → revalidate/redirect after the try.

/** Create and rename forms; `values` keeps what was typed when the form is refused. */
export type TaxonFormState = FormState<'id' | 'name' | 'slug' | 'nameFr' | 'nameEs'> & { values?: TaxonFormValues };
/** What was typed; the French and Spanish names only on the forms of categories and regions. */
type TaxonFormValues = { name: string; slug: string; nameFr?: string; nameEs?: string };
export type MergeFormState = FormState<'id' | 'intoId' | 'confirm'>;
export type MembershipFormState = FormState<'regionId' | 'country'>;

const TAXONOMY = '/admin/taxonomy';

/** Names show on every catalogue page, so a taxonomy write refreshes them all (and the admin pages). */
function revalidateNames(): void {
  revalidatePath('/', 'layout');
}

function typed(formData: FormData): TaxonFormValues {
  const value = (key: string) => {
    const v = formData.get(key);
    return typeof v === 'string' ? v.slice(0, 1000) : undefined;
  };
  return { name: value('name') ?? '', slug: value('slug') ?? '', nameFr: value('nameFr'), nameEs: value('nameEs') };
}

async function create(
  kind: 'category' | 'region',
  formData: FormData,
  write: typeof createCategory,
): Promise<TaxonFormState> {
  const actor = await authorize('admin', `taxonomy.${kind}.create`);
  if (!actor) return { message: NOT_ALLOWED };

  const values = typed(formData);
  const parsed = TaxonCreateSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  let name: string;
  try {
    ({ name } = await write(prisma, actor, parsed.data));
  } catch (error) {
    return { ...stateFromError(error, `The ${kind} could not be created. Try again.`), values };
  }
  revalidateNames();
  return { ok: true, message: `Created “${name}”.` };
}

export async function createCategoryAction(_previous: TaxonFormState, formData: FormData): Promise<TaxonFormState> {
  return create('category', formData, createCategory);
}

export async function createRegionAction(_previous: TaxonFormState, formData: FormData): Promise<TaxonFormState> {
  return create('region', formData, createRegion);
}

async function rename(
  kind: 'category' | 'region' | 'author',
  formData: FormData,
  write: typeof renameCategory,
): Promise<TaxonFormState> {
  const actor = await authorize('admin', `taxonomy.${kind}.rename`);
  if (!actor) return { message: NOT_ALLOWED };

  const values = typed(formData);
  const schema = kind === 'author' ? TaxonRenameSchema : TranslatedTaxonRenameSchema;
  const parsed = schema.safeParse({ ...values, id: formData.get('id') });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  try {
    await write(prisma, actor, parsed.data);
  } catch (error) {
    return { ...stateFromError(error, `The ${kind} could not be renamed. Try again.`), values };
  }
  revalidateNames();
  return { ok: true, message: 'Saved.' };
}

export async function renameCategoryAction(_previous: TaxonFormState, formData: FormData): Promise<TaxonFormState> {
  return rename('category', formData, renameCategory);
}

export async function renameRegionAction(_previous: TaxonFormState, formData: FormData): Promise<TaxonFormState> {
  return rename('region', formData, renameRegion);
}

export async function renameAuthorAction(_previous: TaxonFormState, formData: FormData): Promise<TaxonFormState> {
  return rename('author', formData, renameAuthor);
}

async function merge(
  kind: 'category' | 'author',
  formData: FormData,
  write: typeof mergeCategories,
): Promise<MergeFormState> {
  const actor = await authorize('admin', `taxonomy.${kind}.merge`);
  if (!actor) return { message: NOT_ALLOWED };

  const parsed = TaxonMergeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };

  let result: MergeResult;
  try {
    result = await write(prisma, actor, parsed.data);
  } catch (error) {
    return stateFromError(error, `The ${kind === 'category' ? 'categories' : 'authors'} could not be merged. Try again.`);
  }
  revalidateNames();
  // The merged entry is gone: show the one that was kept.
  redirect(`${TAXONOMY}/${kind === 'category' ? 'categories' : 'authors'}/${result.into.id}?merged=${result.moved}`);
}

export async function mergeCategoriesAction(_previous: MergeFormState, formData: FormData): Promise<MergeFormState> {
  return merge('category', formData, mergeCategories);
}

export async function mergeAuthorsAction(_previous: MergeFormState, formData: FormData): Promise<MergeFormState> {
  return merge('author', formData, mergeAuthors);
}

async function membership(add: boolean, formData: FormData): Promise<MembershipFormState> {
  const actor = await authorize('admin', add ? 'taxonomy.region.add-country' : 'taxonomy.region.remove-country');
  if (!actor) return { message: NOT_ALLOWED };

  const parsed = MembershipSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };

  try {
    await (add ? addCountryToRegion : removeCountryFromRegion)(prisma, actor, parsed.data);
  } catch (error) {
    return stateFromError(error, 'The region could not be changed. Try again.');
  }
  revalidateNames();
  return { ok: true, message: add ? 'Country added.' : 'Country removed.' };
}

export async function addCountryToRegionAction(
  _previous: MembershipFormState,
  formData: FormData,
): Promise<MembershipFormState> {
  return membership(true, formData);
}

export async function removeCountryFromRegionAction(
  _previous: MembershipFormState,
  formData: FormData,
): Promise<MembershipFormState> {
  return membership(false, formData);
}
