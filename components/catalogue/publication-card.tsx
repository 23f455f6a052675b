import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { GroupedTranslation, PublicationItem, Snippets } from '@/lib/data/catalogue';
import { TranslationLinks } from '@/components/publication/translation-links';
import { languageName, summaryLang, titleLang } from '@/lib/languages';
import { localePath } from '@/lib/i18n/routing';
import { excerpt } from '@/lib/text';
import { Highlighted } from './highlighted';

const EXCERPT_LENGTH = 280;

export async function PublicationCard({
  publication,
  snippets,
  translations = [],
}: {
  publication: PublicationItem;
  snippets: Snippets | null;
  /** The other matching publications of its work, when the catalogue groups translations. */
  translations?: GroupedTranslation[];
}) {
  const { slug, title, summary, year, category, countries, regions, authors, languages } = publication;
  const locale = await getLocale();
  const t = await getTranslations('Card');
  const places = countries.length > 0 ? countries.map((c) => c.name) : regions.map((r) => r.name);
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="text-lg font-semibold leading-snug">
        <Link href={localePath(locale, `/publications/${slug}`)} lang={titleLang(languages, locale)} className="text-brand-800 hover:underline">
          {snippets ? <Highlighted segments={snippets.title} /> : title}
        </Link>
      </h3>
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
        <span>{year ?? t('yearUnknown')}</span>
        {category && <span className="rounded bg-slate-100 px-1.5 text-slate-700">{category.name}</span>}
        {places.length > 0 && <span>{places.join(', ')}</span>}
        {languages.length > 0 && <span>{languages.map((code) => languageName(code, locale)).join(', ')}</span>}
      </p>
      {authors.length > 0 && <p className="mt-1 text-sm text-slate-700">{authors.map((a) => a.name).join('; ')}</p>}
      <p lang={summaryLang(locale)} className="mt-2 text-sm leading-relaxed text-slate-800">
        {snippets ? <Highlighted segments={snippets.summary} /> : excerpt(summary, EXCERPT_LENGTH)}
      </p>
      <TranslationLinks label={t('alsoIn')} translations={translations} className="mt-2 text-sm" />
    </article>
  );
}
