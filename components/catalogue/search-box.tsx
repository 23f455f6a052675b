import type { CatalogueParams } from '@/lib/catalogue/params';
import { HiddenParams } from './hidden-params';

export function SearchBox({ params }: { params: CatalogueParams }) {
  return (
    <form action="/" method="get" role="search" className="flex gap-2">
      <label htmlFor="q" className="sr-only">
        Search publications
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={params.q}
        maxLength={500}
        placeholder="Search titles and summaries…"
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <HiddenParams params={params} omit={['q']} />
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
      >
        Search
      </button>
    </form>
  );
}
