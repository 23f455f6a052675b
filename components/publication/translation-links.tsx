import { getLocale } from 'next-intl/server';
import { localePath } from '@/lib/i18n/routing';
import { endonym } from '@/lib/languages';

/**
 * Links to the same work in other languages, each named in its own language (a French reader looks for
 * "Français", not "French"), with `lang` so it is read out in that language and `hreflang` for the page it
 * opens. The pages they open are in the reader's interface language, like this one.
 */
export async function TranslationLinks({ label, translations, className = '' }: { label: string; translations: { slug: string; language: string }[]; className?: string }) {
  if (translations.length === 0) return null;
  const locale = await getLocale();
  return (
    <p className={className}>
      <span className="text-slate-600">{label}</span>{' '}
      {/* One order on every member's page: by language code. */}
      {[...translations].sort((a, b) => (a.language < b.language ? -1 : 1)).map((t, i) => (
        <span key={t.slug}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <a href={localePath(locale, `/publications/${t.slug}`)} hrefLang={t.language} lang={t.language} className="text-brand-700 underline hover:text-brand-800">
            {endonym(t.language)}
          </a>
        </span>
      ))}
    </p>
  );
}
