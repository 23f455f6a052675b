import { getTranslations } from 'next-intl/server';
import { pageWindow } from '@/lib/pagination';

const linkClass = 'rounded border border-slate-300 bg-white px-3 py-1 text-brand-700 hover:bg-brand-50';

/** Previous / numbered / next page links; `href` builds each page's URL. */
export async function PageLinks({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations('Pagination');
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center justify-center gap-1 text-sm">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev" className={linkClass}>
          {t('previous')}
        </a>
      )}
      {pageWindow(page, pageCount).map((p, i) =>
        p === 'gap' ? (
          <span key={`gap-${i}`} className="px-2 text-slate-500">
            …
          </span>
        ) : p === page ? (
          <span key={p} aria-current="page" className="rounded bg-brand-700 px-3 py-1 font-medium text-white">
            {p}
          </span>
        ) : (
          <a key={p} href={href(p)} aria-label={t('page', { page: p })} className={linkClass}>
            {p}
          </a>
        ),
      )}
      {page < pageCount && (
        <a href={href(page + 1)} rel="next" className={linkClass}>
          {t('next')}
        </a>
      )}
    </nav>
  );
}
