import { getLocale, getTranslations } from 'next-intl/server';
import type { GroupedTranslation, PublicationItem, Snippets } from '@/lib/data/catalogue';
import type { CatalogueParams } from '@/lib/catalogue/params';
import { publicationHref } from '@/lib/catalogue/url';
import { TranslationLinks } from '@/components/publication/translation-links';
import { languageName, summaryLang, titleLang } from '@/lib/languages';
import { localePath } from '@/lib/i18n/routing';
import { excerpt } from '@/lib/text';
import { DocumentMatchLine } from './document-match';
import { Highlighted } from './highlighted';

const EXCERPT_LENGTH = 280;

// Twenty per page, each sent twice (HTML and RSC payload): the look is in globals.css (.card).
export async function PublicationCard({
  publication,
  snippets,
  translations = [],
  from = null,
}: {
  publication: PublicationItem;
  snippets: Snippets | null;
  /** The other matching publications of its work, when the catalogue groups translations. */
  translations?: GroupedTranslation[];
  /** The search it is a result of: its link carries it, for the record page's "Back to results". */
  from?: CatalogueParams | null;
}) {
  const { slug, title, summary, year, category, countries, regions, authors, languages } = publication;
  const locale = await getLocale();
  const t = await getTranslations('Card');
  const places = countries.length > 0 ? countries.map((c) => c.name) : regions.map((r) => r.name);
  return (
    <article className="card">
      <h3>
        <a href={localePath(locale, publicationHref(slug, from))} lang={titleLang(languages, locale)}>
          {snippets ? <Highlighted segments={snippets.title} /> : title}
        </a>
      </h3>
      <p className="meta">
        <span>{year ?? t('yearUnknown')}</span>
        {category && <span className="category">{category.name}</span>}
        {places.length > 0 && <span>{places.join(', ')}</span>}
        {languages.length > 0 && <span>{languages.map((code) => languageName(code, locale)).join(', ')}</span>}
      </p>
      {authors.length > 0 && <p>{authors.map((a) => a.name).join('; ')}</p>}
      <p lang={summaryLang(locale)} className="summary">
        {snippets ? <Highlighted segments={snippets.summary} /> : excerpt(summary, EXCERPT_LENGTH)}
      </p>
      {snippets?.document && <DocumentMatchLine match={snippets.document} />}
      <TranslationLinks label={t('alsoIn')} translations={translations} className="mt-2 text-sm" />
    </article>
  );
}
