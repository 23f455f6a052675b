import { z } from 'zod';

const MergedSchema = z.object({ merged: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined) });

/** The confirmation a merge redirects to (`?merged=<publications moved>`). */
export function MergedNotice({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const { merged } = MergedSchema.parse(searchParams);
  if (merged === undefined) return null;
  return (
    <p role="status" className="max-w-2xl rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
      Merged: {merged} publication{merged === 1 ? '' : 's'} moved here.
    </p>
  );
}
