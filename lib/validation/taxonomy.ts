import { z } from 'zod';

const Id = z.coerce.number().int().positive();

export const TaxonNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name.' })
  .max(200, { error: 'Use at most 200 characters.' });

/** The value catalogue URLs use (`?category=policy-brief`). */
export const TaxonSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, { error: 'Use at most 80 characters.' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Use lower-case letters, digits and single hyphens, e.g. policy-brief.' });

/** A French or Spanish name: blank means none (the public pages show the English one), stored as null. */
export const TranslatedNameSchema = z
  .string()
  .trim()
  .pipe(z.union([z.literal(''), TaxonNameSchema]))
  .transform((name) => name || null);

/** Categories and regions keep French and Spanish names too; one left out of the form keeps the stored one. */
const TranslatedNames = { nameFr: TranslatedNameSchema.optional(), nameEs: TranslatedNameSchema.optional() };

/** A new category or region; a blank slug is made from the name. */
export const TaxonCreateSchema = z.object({
  name: TaxonNameSchema,
  slug: z.union([z.literal(''), TaxonSlugSchema]).optional(),
  ...TranslatedNames,
});

/** A new name, and the slug: unchanged unless the admin edits it (changing it breaks links to the old one). */
export const TaxonRenameSchema = z.object({
  id: Id,
  name: TaxonNameSchema,
  slug: TaxonSlugSchema,
});

/** Renaming a category or region: its French and Spanish names as well. */
export const TranslatedTaxonRenameSchema = TaxonRenameSchema.extend(TranslatedNames);

/** Merge `id` into `intoId`: its publications move over and it is deleted. */
export const TaxonMergeSchema = z
  .object({
    id: Id,
    intoId: z.coerce.number().int().positive({ error: 'Choose the one to keep.' }),
    confirm: z.literal('on', { error: 'Tick the box to confirm.' }),
  })
  .refine((merge) => merge.id !== merge.intoId, { error: 'Choose a different one to keep.', path: ['intoId'] });

/** Adding a country to a region or removing it. */
export const MembershipSchema = z.object({
  regionId: Id,
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: 'Choose a country.' }),
});

/** An `[id]` route segment: digits only, else the page is not found. */
export const RouteIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);

/** The authors list's search params: a name filter and a page. */
export const AuthorListParamsSchema = z.object({
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 100) ?? '')
    .catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
