import { getTranslations } from 'next-intl/server';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { CITATION_STYLES } from '@/lib/citation/styles';

const DOWNLOADS = [
  { path: '/api/publications.csv', format: 'CSV' },
  { path: '/api/publications.json', format: 'JSON' },
  { path: '/api/publications.bib', format: 'BibTeX' },
  { path: '/api/publications.ris', format: 'RIS' },
  { path: '/api/publications.csl.json', format: 'CSL-JSON' },
] as const;

/** Downloads of the whole result set (every page, not just this one), with the page's filters and sort. */
export async function ExportLinks({ params }: { params: CatalogueParams }) {
  const t = await getTranslations('Export');
  const styleName = await getTranslations('Cite.styles');
  const href = (path: string) => catalogueHref(params, { findCountry: '', findAuthor: '' }, path);
  const linkClass = 'text-brand-700 underline';
  const references = href('/api/publications.html');
  return (
    <>
      {DOWNLOADS.map(({ path, format }) => (
        <a key={path} className={linkClass} href={href(path)} download>
          {t('allAs', { format })}
        </a>
      ))}
      <span>
        {t('allAsReferences')}{' '}
        {CITATION_STYLES.map((style, i) => (
          <span key={style}>
            {i > 0 && ' · '}
            <a className={linkClass} href={`${references}${references.includes('?') ? '&' : '?'}style=${style}`}>
              {styleName(style)}
            </a>
          </span>
        ))}
      </span>
    </>
  );
}
