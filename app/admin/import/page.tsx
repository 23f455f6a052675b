import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { runImport } from '@/lib/import';
import { findUpload } from '@/lib/import/uploads';
import { ImportReport } from '@/components/import/import-report';
import { ImportUploadForm } from '@/components/admin/import-upload-form';
import { primaryButtonClass } from '@/components/admin/styles';
import { applyImportUpload } from './actions';

export const metadata: Metadata = { title: 'Import' };

type Props = { searchParams: Promise<{ upload?: string; applied?: string; failed?: string }> };

export default async function ImportPage({ searchParams }: Props) {
  const user = await requirePageUser('editor', '/admin/import');
  const { upload: uploadId, applied, failed } = await searchParams;
  const upload = typeof uploadId === 'string' ? await findUpload(prisma, uploadId, user.id) : null;
  // The preview is a dry run of the stored file: it writes nothing.
  const report = upload
    ? await runImport(prisma, new Uint8Array(upload.content), {
        fileName: upload.fileName,
        status: upload.status === 'draft' ? 'draft' : 'published',
      })
    : null;
  const counts = typeof applied === 'string' ? applied.split('-').map(Number) : null;

  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">Import publications</h1>
      {counts && (counts.length === 3 || counts.length === 4) && counts.every(Number.isInteger) && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          Import applied: {counts[0]} created, {counts[1]} updated, {counts[2]} unchanged
          {counts[3] ? `; ${counts[3]} rejected ${counts[3] === 1 ? 'record' : 'records'} left out` : ''}.{' '}
          <Link href="/" className="underline">
            See the catalogue
          </Link>
        </p>
      )}
      {failed && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          Nothing was written: the file has problems, or the catalogue changed since the preview. Read the report below.
        </p>
      )}
      {report && upload ? (
        <>
          <ImportReport report={report} />
          <div className="flex flex-wrap items-center gap-4">
            {report.fingerprint && report.totals.rejected === 0 && report.problems.length === 0 ? (
              <form action={applyImportUpload}>
                <input type="hidden" name="upload" value={upload.id} />
                <input type="hidden" name="fingerprint" value={report.fingerprint} />
                <button type="submit" className={primaryButtonClass}>
                  Apply import
                </button>
              </form>
            ) : report.fingerprint && report.problems.length === 0 && report.totals.create + report.totals.update > 0 ? (
              // All or nothing stays the default: leaving records out is a choice the importer makes here.
              <form action={applyImportUpload} className="space-y-2">
                <p className="text-red-800">
                  {report.totals.rejected} {report.totals.rejected === 1 ? 'record is' : 'records are'} rejected (above): fix the file and upload it
                  again, or apply the others without {report.totals.rejected === 1 ? 'it' : 'them'}.
                </p>
                <input type="hidden" name="upload" value={upload.id} />
                <input type="hidden" name="fingerprint" value={report.fingerprint} />
                <input type="hidden" name="skipRejected" value="1" />
                <button type="submit" className={primaryButtonClass}>
                  Apply without the {report.totals.rejected} rejected {report.totals.rejected === 1 ? 'record' : 'records'}
                </button>
              </form>
            ) : (
              <p className="text-red-800">Fix the problems above and upload the file again: nothing can be applied.</p>
            )}
            <Link href="/admin/import" className="text-brand-700 underline">
              Upload another file
            </Link>
          </div>
        </>
      ) : (
        <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <ImportUploadForm />
        </div>
      )}
    </main>
  );
}
