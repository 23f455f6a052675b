import { FieldError } from '@/components/admin/admin-form-feedback';
import { describedBy, hintClass, inputClass, labelClass } from '@/components/admin/styles';

type Errors = { password?: string[]; confirm?: string[] };

/** A new password and its confirmation, with the policy's hint: shared by the account page and reset links. */
export function NewPasswordFields({ id, errors, minLength }: { id: string; errors: Errors; minLength: number }) {
  const err = (field: keyof Errors) => (errors[field] ? `${id}-${field}-error` : undefined);
  return (
    <>
      <div>
        <label htmlFor={`${id}-password`} className={labelClass}>
          New password
        </label>
        <input id={`${id}-password`} name="password" type="password" required autoComplete="new-password"
          aria-invalid={!!errors.password} aria-describedby={describedBy(`${id}-password-hint`, err('password'))} className={inputClass} />
        <p id={`${id}-password-hint`} className={hintClass}>
          At least {minLength} characters and not a common password.
        </p>
        <FieldError id={`${id}-password-error`} errors={errors.password} />
      </div>
      <div>
        <label htmlFor={`${id}-confirm`} className={labelClass}>
          New password again
        </label>
        <input id={`${id}-confirm`} name="confirm" type="password" required autoComplete="new-password"
          aria-invalid={!!errors.confirm} aria-describedby={err('confirm')} className={inputClass} />
        <FieldError id={`${id}-confirm-error`} errors={errors.confirm} />
      </div>
    </>
  );
}
