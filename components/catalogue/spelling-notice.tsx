import { getLocale, getTranslations } from 'next-intl/server';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { catalogueHref } from '@/lib/catalogue/url';
import type { QueryCorrection } from '@/lib/search/correct';
import { localePath } from '@/lib/i18n/routing';

/** "Showing results for trafficking — search instead for trafficing": the correction searched, and a link to the words as typed. */
export async function SpellingNotice({ params, correction }: { params: CatalogueParams; correction: QueryCorrection | null }) {
  if (correction === null) return null;
  const t = await getTranslations('Spelling');
  const locale = await getLocale();
  const literal = localePath(locale, catalogueHref(params, { literal: true }));
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="spelling-correction">
      {t.rich('showingFor', {
        corrected: () => <em className="font-semibold">{correction.q}</em>,
      })}{' '}
      —{' '}
      {t.rich('searchInstead', {
        link: () => (
          <a href={literal} rel="nofollow" className="text-brand-700 underline">
            <em>{params.q}</em>
          </a>
        ),
      })}
    </p>
  );
}

/** "Did you mean …?": queries one word away that find something (links keeping the filters). */
export async function DidYouMean({ params, suggestions }: { params: CatalogueParams; suggestions: string[] }) {
  if (suggestions.length === 0) return null;
  const t = await getTranslations('Spelling');
  const locale = await getLocale();
  return (
    <p className="mt-2" data-testid="did-you-mean">
      {t('didYouMean')}{' '}
      {suggestions.map((q, i) => (
        <span key={q}>
          {i > 0 && ', '}
          {/* A suggestion is searched as written: it was chosen because those words find something. */}
          <a href={localePath(locale, catalogueHref(params, { q, literal: true }))} rel="nofollow" className="font-medium text-brand-700 underline">
            {q}
          </a>
        </span>
      ))}
      ?
    </p>
  );
}
