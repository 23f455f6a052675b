import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { CITATION_STYLES, formatReference, toBibtex, toCsl, toRis, type CitablePublication } from '@/lib/citation';
import { originFrom } from '@/lib/site-url';

// Format names, the same in every language.
const DOWNLOADS = [
  { file: 'cite.bib', format: 'BibTeX (.bib)' },
  { file: 'cite.ris', format: 'RIS (.ris)' },
  { file: 'cite.json', format: 'CSL-JSON (.json)' },
] as const;

/**
 * "Cite this publication": the reference in APA, Chicago and Harvard, the BibTeX and RIS records, and
 * their downloads. Every format sits in a <details> of one group (opening one closes the others) with its
 * text in a read-only text area to copy from: no JavaScript needed.
 */
export async function CiteBox({ publication }: { publication: CitablePublication }) {
  const t = await getTranslations('Cite');
  const locale = await getLocale();
  const item = toCsl(publication, { origin: originFrom(await headers()) });
  const base = `/publications/${encodeURIComponent(publication.slug)}`;
  const references = CITATION_STYLES.map((style) => ({
    style,
    label: t(`styles.${style}`),
    // citeproc-js escapes the record's text in its HTML output (tested in lib/citation/citation.test.ts).
    // In the page's language: citeproc's words ("Disponible sur", "Consulté le") and quotation marks.
    html: formatReference(item, style, 'html', locale),
    text: formatReference(item, style, 'text', locale),
  }));
  const records = [
    { id: 'bibtex', label: 'BibTeX', text: toBibtex([item]).trim() },
    { id: 'ris', label: 'RIS', text: toRis([item]).trim() },
  ];
  const summaryClass = 'cursor-pointer py-2 font-semibold text-brand-700 hover:text-brand-800';
  const textClass = 'mt-2 block w-full rounded border border-slate-300 bg-slate-50 p-2 font-mono text-sm text-slate-800';

  return (
    <section aria-labelledby="cite-heading" className="pt-4">
      <h2 id="cite-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        {t('heading')}
      </h2>
      <div className="mt-2 divide-y divide-slate-200">
        {references.map((ref, i) => (
          <details key={ref.style} name="cite-format" open={i === 0} data-style={ref.style}>
            <summary className={summaryClass}>{ref.label}</summary>
            <div className="pb-3">
              {/* Long addresses wrap: a phone's page must not scroll sideways. */}
              <div className="leading-relaxed [overflow-wrap:anywhere]" dangerouslySetInnerHTML={{ __html: ref.html }} />
              <label className="mt-2 block text-sm text-slate-600" htmlFor={`cite-${ref.style}`}>
                {t('plainText', { style: ref.label })}
              </label>
              <textarea id={`cite-${ref.style}`} readOnly rows={3} className={textClass} value={ref.text} />
            </div>
          </details>
        ))}
        {records.map((record) => (
          <details key={record.id} name="cite-format">
            <summary className={summaryClass}>{record.label}</summary>
            <div className="pb-3">
              <label className="sr-only" htmlFor={`cite-${record.id}`}>
                {t('record', { format: record.label })}
              </label>
              <textarea
                id={`cite-${record.id}`}
                readOnly
                rows={Math.min(record.text.split('\n').length, 16)}
                className={`${textClass} whitespace-pre`}
                value={record.text}
              />
            </div>
          </details>
        ))}
      </div>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="text-slate-600">{t('download')}</span>
        {DOWNLOADS.map(({ file, format }) => (
          <a key={file} className="text-brand-700 underline" href={`${base}/${file}`} download>
            {format}
          </a>
        ))}
      </p>
    </section>
  );
}
