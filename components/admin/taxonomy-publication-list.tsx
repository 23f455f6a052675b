import Link from 'next/link';
import type { PublicationRef } from '@/lib/taxonomy/admin';

/** The publications filed under a taxonomy entry, linking to their edit pages. */
export function TaxonomyPublicationList({ publications, total }: { publications: PublicationRef[]; total: number }) {
  if (total === 0) return <p className="text-sm text-slate-600">No publication is filed here.</p>;
  return (
    <>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {publications.map((p) => (
          <li key={p.id}>
            <Link href={`/admin/publications/${p.id}/edit`} className="text-brand-700 hover:underline">
              {p.title}
            </Link>
            {p.status !== 'published' && <span className="ml-2 text-xs uppercase text-slate-500">{p.status}</span>}
          </li>
        ))}
      </ul>
      {total > publications.length && (
        <p className="mt-2 text-sm text-slate-600">…and {total - publications.length} more.</p>
      )}
    </>
  );
}
