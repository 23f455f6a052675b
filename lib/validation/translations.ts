import { z } from 'zod';
import { languageName } from '@/lib/languages';

/**
 * The rule of a translation group, checked on the group a save would make (the server reads its members
 * from the database first): a publication is not its own translation, and the members are told apart by
 * their main language, so every member has one and no two share it. The staff form, the import and the
 * tests all go through this schema, so they give the same messages.
 */

export const MAX_TRANSLATIONS = 50;

const MemberSchema = z.object({
  /** Null for a publication not saved yet. */
  id: z.int().positive().nullable(),
  title: z.string(),
  /** The main language (the first of its languages), null when it has none. */
  language: z.string().nullable(),
});
export type TranslationMember = z.infer<typeof MemberSchema>;

const quoted = (title: string) => `“${title.length > 80 ? `${title.slice(0, 79)}…` : title}”`;

export const TranslationGroupSchema = z
  .object({
    /** The publication being saved. */
    self: MemberSchema,
    /** Every other publication the group would hold. */
    others: z.array(MemberSchema).max(MAX_TRANSLATIONS - 1, { error: `A work can have at most ${MAX_TRANSLATIONS} translations.` }),
  })
  .superRefine(({ self, others }, ctx) => {
    if (others.length === 0) return;
    if (self.id !== null && others.some((o) => o.id === self.id)) {
      ctx.addIssue({ code: 'custom', path: ['others'], message: 'A publication cannot be a translation of itself.' });
      return;
    }
    if (self.language === null) {
      ctx.addIssue({ code: 'custom', path: ['others'], message: 'Choose this publication’s main language first: translations are told apart by it.' });
      return;
    }
    for (const other of others) {
      if (other.language === null) {
        ctx.addIssue({ code: 'custom', path: ['others'], message: `${quoted(other.title)} has no language yet: give it one before linking it as a translation.` });
      }
    }
    const seen = new Map<string, TranslationMember>([[self.language, self]]);
    for (const member of others) {
      if (member.language === null) continue;
      const first = seen.get(member.language);
      if (first) {
        const which = first === self ? 'this publication' : quoted(first.title);
        ctx.addIssue({
          code: 'custom',
          path: ['others'],
          message: `${quoted(member.title)} and ${which} are both in ${languageName(member.language)}: a work has one publication per language.`,
        });
      } else seen.set(member.language, member);
    }
  });

/** The group's problems as messages, or null when it may be saved. */
export function translationGroupProblems(self: TranslationMember, others: TranslationMember[]): string[] | null {
  const parsed = TranslationGroupSchema.safeParse({ self, others });
  return parsed.success ? null : parsed.error.issues.map((i) => i.message);
}
