import { LanguageOptions } from '@/components/admin/language-options';
import { FileEditForm, FileRemoveForm } from '@/components/admin/file-forms';
import { hintClass, inputClass, labelClass, primaryButtonClass } from '@/components/admin/styles';
import type { FileSummary } from '@/lib/data/files';
import { hostedCoverPath, hostedFilePath } from '@/lib/files/hosted';
import { TEXT_STATUS_NOTICES, TEXT_STATUSES, type TextStatus } from '@/lib/files/extract';
import { formatBytes, kindLabel } from '@/lib/files/labels';

type Option = { value: string; label: string };

/** What the edit page's `upload` parameter says happened (codes only: a link cannot make the page say anything else). */
export function uploadNotice(upload: string | undefined, status: string | undefined, maxMb: number): { ok: boolean; text: string } | null {
  const refused: Record<string, string> = {
    'too-big': `The file is larger than the limit of ${maxMb} MB: nothing was attached.`,
    empty: 'The file is empty (0 bytes): nothing was attached.',
    'wrong-type': 'Only PDF, Word (.docx) and plain-text files can be attached (checked from the content, not the name): nothing was attached.',
    language: 'Choose the file’s language from the list: nothing was attached.',
    label: 'The label is longer than 200 characters: nothing was attached.',
    'no-file': 'Choose a file to attach.',
    unreadable: 'The upload arrived incomplete: nothing was attached. Try again.',
    gone: 'The publication no longer exists.',
  };
  if (upload === 'attached') {
    const known = (TEXT_STATUSES as readonly string[]).includes(status ?? '') ? (status as TextStatus) : 'ok';
    return { ok: known === 'ok', text: `The file was attached. ${TEXT_STATUS_NOTICES[known]}` };
  }
  if (upload === 'removed') return { ok: true, text: 'The file was removed.' };
  return upload && refused[upload] ? { ok: false, text: refused[upload] } : null;
}

/** The edit page's Files section: what is attached, and the upload form (a plain form: it works without JavaScript). */
export function PublicationFiles({
  publicationId,
  slug,
  files,
  languages,
  maxMb,
  notice,
}: {
  publicationId: number;
  slug: string;
  files: FileSummary[];
  languages: Option[];
  maxMb: number;
  notice: { ok: boolean; text: string } | null;
}) {
  return (
    <section id="files" aria-labelledby="files-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="files-heading" className="text-lg font-semibold">
        Files
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The publication itself: PDF, Word (.docx) or plain text, up to {maxMb} MB each. Their text is searched with the record;
        the first file is the main document, and a PDF’s first page becomes the record’s cover.
      </p>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={`mt-4 rounded-md border px-3 py-2 text-sm ${notice.ok ? 'border-green-300 bg-green-50 text-green-900' : 'border-amber-300 bg-amber-50 text-amber-900'}`}>
          {notice.text}
        </p>
      )}
      {files.length > 0 && (
        <ul className="mt-4 divide-y divide-slate-100" aria-label="Attached files">
          {files.map((file) => (
            <li key={file.id} className="flex gap-4 py-4">
              {file.coverSha256 ? (
                // eslint-disable-next-line @next/next/no-img-element -- a file of the catalogue's own, served by its route
                <img src={hostedCoverPath(slug, file)} alt={`First page of ${file.fileName}`} width={72} height={93} className="h-auto w-18 shrink-0 border border-slate-200" />
              ) : (
                <span aria-hidden="true" className="flex h-[93px] w-18 shrink-0 items-center justify-center border border-slate-200 bg-slate-50 text-xs text-slate-500">
                  {kindLabel(file.mediaType)}
                </span>
              )}
              <div className="min-w-0 flex-1 space-y-2">
                <p className="text-sm">
                  <a href={hostedFilePath(slug, file)} className="font-medium text-brand-700 underline">
                    {file.fileName}
                  </a>{' '}
                  <span className="text-slate-600">
                    {kindLabel(file.mediaType)}, {formatBytes(file.size, 'en')}
                    {file.pageCount !== null && `, ${file.pageCount} page${file.pageCount === 1 ? '' : 's'}`}
                    {file.position === 0 && ' · main document'}
                  </span>
                </p>
                <p className={`text-sm ${file.textStatus === 'ok' ? 'text-slate-600' : 'text-amber-800'}`}>{TEXT_STATUS_NOTICES[file.textStatus as TextStatus] ?? file.textStatus}</p>
                <FileEditForm publicationId={publicationId} file={file} languages={languages} />
                <FileRemoveForm publicationId={publicationId} file={file} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/admin/publications/${publicationId}/files`} encType="multipart/form-data" className="mt-6 space-y-3 border-t border-slate-200 pt-4">
        <h3 className="font-medium">Attach a file</h3>
        <div>
          <label htmlFor="upload-file" className={labelClass}>
            File
          </label>
          <input id="upload-file" name="file" type="file" required accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            aria-describedby="upload-file-hint" className="mt-1 block text-sm" />
          <p id="upload-file-hint" className={hintClass}>
            PDF, Word (.docx) or plain text, at most {maxMb} MB. Its text is extracted now, which can take a few seconds for a long report.
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="upload-label" className={labelClass}>
              Label (optional)
            </label>
            <input id="upload-label" name="label" maxLength={200} placeholder="Full report" className={inputClass} />
          </div>
          <div>
            <label htmlFor="upload-language" className={labelClass}>
              Language of the file
            </label>
            <select id="upload-language" name="language" defaultValue="" className={inputClass}>
              <LanguageOptions languages={languages} />
            </select>
          </div>
        </div>
        <button type="submit" className={primaryButtonClass}>
          Attach file
        </button>
      </form>
    </section>
  );
}
