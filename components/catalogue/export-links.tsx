import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { CITATION_STYLES, STYLE_LABELS } from '@/lib/citation/styles';

/** Downloads of the whole result set (every page, not just this one), with the page's filters and sort. */
export function ExportLinks({ params }: { params: CatalogueParams }) {
  const href = (path: string) => catalogueHref(params, { findCountry: '', findAuthor: '' }, path);
  const linkClass = 'text-brand-700 underline';
  return (
    <>
      <a className={linkClass} href={href('/api/publications.csv')} download>
        All results as CSV
      </a>
      <a className={linkClass} href={href('/api/publications.json')} download>
        All results as JSON
      </a>
      <a className={linkClass} href={href('/api/publications.bib')} download>
        All results as BibTeX
      </a>
      <a className={linkClass} href={href('/api/publications.ris')} download>
        All results as RIS
      </a>
      <a className={linkClass} href={href('/api/publications.csl.json')} download>
        All results as CSL-JSON
      </a>
      <span>
        All results as references:{' '}
        {CITATION_STYLES.map((style, i) => {
          const path = href('/api/publications.html');
          return (
            <span key={style}>
              {i > 0 && ' · '}
              <a className={linkClass} href={`${path}${path.includes('?') ? '&' : '?'}style=${style}`}>
                {STYLE_LABELS[style]}
              </a>
            </span>
          );
        })}
      </span>
    </>
  );
}
