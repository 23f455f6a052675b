import { getLocale, getTranslations } from 'next-intl/server';
import { EMPTY_PARAMS } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import { localePath } from '@/lib/i18n/routing';

/** What the query parser (lib/search/query.ts) really supports, each with an example that searches it. */
const ROWS = [
  { key: 'words', example: 'child labour' },
  { key: 'phrase', example: '"forced labour"' },
  { key: 'exclude', example: 'trafficking -sexual' },
  { key: 'prefix', example: 'exploit*' },
  { key: 'or', example: 'albania OR kosovo' },
  { key: 'spelling', example: 'organization' },
] as const;

export async function SearchHelpList() {
  const t = await getTranslations('SearchHelp');
  const locale = await getLocale();
  return (
    <>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
        {ROWS.map(({ key, example }) => (
          <div key={key} className="contents">
            <dt>
              <a href={localePath(locale, catalogueHref(EMPTY_PARAMS, { q: example }))} className="font-mono text-brand-700 underline">
                {example}
              </a>
            </dt>
            <dd className="text-slate-700">{t(key)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-slate-700">{t('where')}</p>
    </>
  );
}

/** The tips as a disclosure beside the search box (works without JavaScript). */
export async function SearchHelp() {
  const t = await getTranslations('SearchHelp');
  return (
    <details className="mt-2 text-sm" id="search-help">
      <summary className="cursor-pointer text-brand-700 underline">{t('summary')}</summary>
      <div className="mt-2 rounded-md border border-slate-200 bg-white p-3">
        <SearchHelpList />
      </div>
    </details>
  );
}

/** A link to the page of search tips (from a page that found nothing). */
export async function SearchHelpLink({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <a href={localePath(locale, '/search-help')} className="text-brand-700 underline">
      {children}
    </a>
  );
}
