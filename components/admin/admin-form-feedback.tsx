import { errorClass } from '@/components/admin/styles';
import type { FormState } from '@/lib/write-problem';

/** The form-level message: an alert when refused, a status line when done. */
export function FormFeedback({ state, id }: { state: FormState; id?: string }) {
  if (!state.message) return null;
  return state.ok ? (
    <p id={id} role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      {state.message}
    </p>
  ) : (
    <p id={id} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.message}
    </p>
  );
}

/** A field's first error, with the id its input names in aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.[0]) return null;
  return (
    <p id={id} className={errorClass}>
      {errors[0]}
    </p>
  );
}
