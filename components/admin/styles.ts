export const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-700 aria-[invalid=true]:border-red-600';
export const labelClass = 'block text-sm font-medium';
export const errorClass = 'mt-1 text-sm text-red-700';
export const hintClass = 'mt-1 text-sm text-slate-600';
export const smallButtonClass =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 disabled:opacity-40';
export const primaryButtonClass =
  'rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 disabled:opacity-60';
export const optionClass = 'cursor-pointer px-3 py-1.5 text-sm aria-selected:bg-brand-100 hover:bg-brand-50';

/** Ids a field is described by: its hint and its error, whichever it has. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(' ') : undefined;
}
