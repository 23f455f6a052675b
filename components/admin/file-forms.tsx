'use client';

import { useActionState, useId } from 'react';
import { detachFileAction, updateFileAction, type FileState } from '@/app/admin/publications/actions';
import { LanguageOptions } from '@/components/admin/language-options';
import { FieldError, FormFeedback } from '@/components/admin/admin-form-feedback';
import { inputClass, labelClass, smallButtonClass } from '@/components/admin/styles';

type Option = { value: string; label: string };

/** The label and language of one attached file. */
export function FileEditForm({ publicationId, file, languages }: { publicationId: number; file: { id: number; label: string; language: string | null; fileName: string }; languages: Option[] }) {
  const [state, action, pending] = useActionState<FileState, FormData>(updateFileAction.bind(null, publicationId), {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-2 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
      <input type="hidden" name="fileId" value={file.id} />
      <div>
        <label htmlFor={`${id}-label`} className={labelClass}>
          Label<span className="sr-only"> of {file.fileName}</span>
        </label>
        <input id={`${id}-label`} name="label" defaultValue={file.label} maxLength={200} className={inputClass}
          aria-invalid={!!errors.label} aria-describedby={errors.label ? `${id}-label-error` : undefined} />
        <FieldError id={`${id}-label-error`} errors={errors.label} />
      </div>
      <div>
        <label htmlFor={`${id}-language`} className={labelClass}>
          Language<span className="sr-only"> of {file.fileName}</span>
        </label>
        <select id={`${id}-language`} name="language" defaultValue={file.language ?? ''} className={inputClass}
          aria-invalid={!!errors.language} aria-describedby={errors.language ? `${id}-language-error` : undefined}>
          <LanguageOptions languages={languages} />
        </select>
        <FieldError id={`${id}-language-error`} errors={errors.language} />
      </div>
      <button type="submit" disabled={pending} className={`${smallButtonClass} sm:mb-2`}>
        Save<span className="sr-only"> {file.fileName}</span>
      </button>
      <div className="sm:col-span-3">
        <FormFeedback state={state} />
      </div>
    </form>
  );
}

/** Removing a file takes a second click, inside a disclosure that says what happens. */
export function FileRemoveForm({ publicationId, file }: { publicationId: number; file: { id: number; fileName: string } }) {
  const [state, action, pending] = useActionState<FileState, FormData>(detachFileAction.bind(null, publicationId), {});
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-700">
        Remove…<span className="sr-only"> {file.fileName}</span>
      </summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="fileId" value={file.id} />
        <p className="text-slate-600">The file leaves this record (and the catalogue, if no other record has it). Its text is no longer searched.</p>
        <button type="submit" disabled={pending} className="rounded border border-red-300 bg-white px-2 py-0.5 text-red-800 hover:bg-red-50">
          Remove {file.fileName}
        </button>
        <FormFeedback state={state} />
      </form>
    </details>
  );
}
