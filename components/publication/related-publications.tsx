import { getTranslations } from 'next-intl/server';
import type { RelatedPublication } from '@/lib/data/catalogue';
import { publicationHref } from '@/lib/catalogue/url';
import { localePath, type Locale } from '@/lib/i18n/routing';
import { titleLang } from '@/lib/languages';

/**
 * The related publications of a record's page: compact cards in the look of the results' (.card), each
 * title a plain link to the record's bare URL (no `from`: the reader left the results for this record).
 * Nothing when there are none.
 */
export async function RelatedPublications({ related, locale }: { related: RelatedPublication[]; locale: Locale }) {
  if (related.length === 0) return null;
  const t = await getTranslations('Publication');
  const card = await getTranslations('Card');
  return (
    <section aria-labelledby="related-heading" className="mt-8">
      <h2 id="related-heading" className="text-lg font-semibold">
        {t('related')}
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {related.map((p) => (
          <li key={p.slug} className="card">
            <h3 className="text-base">
              <a href={localePath(locale, publicationHref(p.slug))} lang={titleLang(p.languages, locale)}>
                {p.title}
              </a>
            </h3>
            <p className="meta">
              <span>{p.year ?? card('yearUnknown')}</span>
              {p.category && <span className="category">{p.category.name}</span>}
              {p.countries.length > 0 && <span>{p.countries.map((c) => c.name).join(', ')}</span>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
