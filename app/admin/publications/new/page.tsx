import type { Metadata } from 'next';
import { createPublicationAction } from '@/app/admin/publications/actions';
import { PublicationForm } from '@/components/admin/publication-form';
import { requirePageUser } from '@/lib/auth/authorize';
import { getPublicationFormOptions } from '@/lib/data/admin-publications';
import { EMPTY_PUBLICATION_FORM } from '@/lib/validation/publication-form';

export const metadata: Metadata = { title: 'New publication' };

export default async function NewPublicationPage() {
  const user = await requirePageUser('editor', '/admin/publications/new');
  const options = await getPublicationFormOptions();
  return (
    <main className="max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight">New publication</h1>
      <p className="mt-1 text-sm text-slate-600">
        Start as a draft to keep it off the public catalogue until it is ready. Files (the PDF itself, other editions) are
        attached on the edit page once the record is saved.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <PublicationForm action={createPublicationAction} initial={EMPTY_PUBLICATION_FORM} options={options} canPublishAnyway={user.role === 'admin'} />
      </div>
    </main>
  );
}
