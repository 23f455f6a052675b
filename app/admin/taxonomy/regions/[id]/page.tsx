import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { getRegion, listCountries } from '@/lib/taxonomy/admin';
import { RouteIdSchema } from '@/lib/validation/taxonomy';
import { renameRegionAction } from '../../actions';
import { TaxonomyAddCountryForm, TaxonomyRemoveCountryButton } from '@/components/admin/taxonomy-membership-forms';
import { TaxonomyPublicationList } from '@/components/admin/taxonomy-publication-list';
import { TaxonomyRenameForm } from '@/components/admin/taxonomy-rename-form';

export const metadata: Metadata = { title: 'Region' };

export default async function RegionPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  await requirePageUser('admin', `/admin/taxonomy/regions/${encodeURIComponent(raw)}`);
  const id = RouteIdSchema.safeParse(raw);
  if (!id.success) notFound();
  const [region, countries] = await Promise.all([getRegion(prisma, id.data), listCountries(prisma)]);
  if (!region) notFound();
  const members = new Set(region.countries.map((c) => c.code));
  return (
    <main className="space-y-8">
      <div>
        <p className="text-sm">
          <Link href="/admin/taxonomy" className="text-brand-700 underline">
            Taxonomy
          </Link>{' '}
          › Region
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{region.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{region.slug}</span> · {region.countries.length} countr
          {region.countries.length === 1 ? 'y' : 'ies'} · {region.publicationCount} tagged publication(s) ·{' '}
          <Link href={`/?region=${encodeURIComponent(region.slug)}`} className="text-brand-700 underline">
            In the catalogue
          </Link>{' '}
          ·{' '}
          <Link href={`/admin/history?entity=region&entityId=${region.id}`} className="text-brand-700 underline">
            History
          </Link>
        </p>
      </div>

      <section aria-labelledby="rename-heading" className="max-w-2xl space-y-3">
        <h2 id="rename-heading" className="text-lg font-semibold">
          Rename
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <TaxonomyRenameForm noun="region" taxon={region} action={renameRegionAction} />
        </div>
      </section>

      <section aria-labelledby="countries-heading" className="max-w-2xl space-y-3">
        <h2 id="countries-heading" className="text-lg font-semibold">
          Countries in this region
        </h2>
        <p className="text-sm text-slate-600">
          Filtering the catalogue by this region also finds the publications of these countries.
        </p>
        {region.countries.length === 0 ? (
          <p className="text-sm text-slate-600">No country is in this region yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {region.countries.map((country) => (
              <li key={country.code} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span>
                  {country.name} <span className="font-mono text-slate-500">{country.code}</span>
                </span>
                <TaxonomyRemoveCountryButton regionId={region.id} country={country} />
              </li>
            ))}
          </ul>
        )}
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <TaxonomyAddCountryForm regionId={region.id} countries={countries.filter((c) => !members.has(c.code))} />
        </div>
      </section>

      <section aria-labelledby="publications-heading" className="space-y-3">
        <h2 id="publications-heading" className="text-lg font-semibold">
          Publications tagged with this region
        </h2>
        <TaxonomyPublicationList publications={region.publications} total={region.publicationCount} />
      </section>
    </main>
  );
}
