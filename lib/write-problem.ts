import { Prisma } from '@/lib/generated/prisma/client';

/**
 * A write refused for a reason the person can act on (a taken email, the last admin, a merge into
 * itself). Thrown inside a transaction it also rolls the write back. `field` names the form field the
 * message belongs beside; without it the message goes above the form.
 */
export class WriteProblem extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'WriteProblem';
  }
}

/** What an admin Server Action returns to its form. `ok` marks `message` as a confirmation, not an error. */
export type FormState<Field extends string = string> = {
  fieldErrors?: Partial<Record<Field, string[]>>;
  message?: string;
  ok?: boolean;
};

/** A unique constraint refused the write (e.g. two admins creating the same slug at once). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * The form state for an error caught around a write: the problem's own message, or `fallback` for
 * anything unexpected (logged here; the person never sees a stack trace).
 */
export function stateFromError<Field extends string>(error: unknown, fallback: string): FormState<Field> {
  if (error instanceof WriteProblem) {
    return error.field
      ? ({ fieldErrors: { [error.field]: [error.message] } } as FormState<Field>)
      : { message: error.message };
  }
  if (isUniqueViolation(error)) return { message: 'Someone saved the same value a moment ago. Reload the page and try again.' };
  console.error(error);
  return { message: fallback };
}
