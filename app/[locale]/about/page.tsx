import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { searchPublications } from '@/lib/data/catalogue';
import { FEED_FORMAT_NAMES } from '@/lib/catalogue/metadata';
import { FEED_LINK_TYPES, FEED_PATHS, type FeedFormat } from '@/lib/feeds/links';
import { languageAlternates } from '@/lib/i18n/alternates';
import { localeOf, localePath } from '@/lib/i18n/routing';
import { siteOrigin } from '@/lib/site-url';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOf((await params).locale);
  const t = await getTranslations({ locale, namespace: 'About' });
  const origin = await siteOrigin();
  return {
    title: t('title'),
    description: t('description'),
    alternates: { canonical: `${origin}${localePath(locale, '/about')}`, languages: languageAlternates('/about', origin) },
  };
}

// Route handlers and the API's own pages, reached as documents (plain links, like every link of the site).
const OAI_BASE = '/oai';
const OAI_IDENTIFY = `${OAI_BASE}?verb=Identify`;
const API_DOCS = '/api';
const SITEMAP = '/sitemap.xml';

const FEED_FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

const linkClass = 'text-brand-700 underline hover:text-brand-800';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="scroll-mt-4 border-t border-slate-200 pt-6">
      <h2 id={`${id}-heading`} className="text-xl font-semibold tracking-tight">
        {title}
      </h2>
      <div className="mt-3 space-y-3 leading-relaxed text-slate-800">{children}</div>
    </section>
  );
}

/** What the catalogue holds, where its records come from, how to cite it and how machines read it. */
export default async function AboutPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('About');
  const site = await getTranslations('Site');
  const format = await getFormatter();
  const origin = await siteOrigin();
  // The whole catalogue's counts, from the index the catalogue page searches.
  const { total, facetSizes } = await searchPublications(parseCatalogueParams(new URLSearchParams()), locale);
  const home = `${origin}${localePath(locale, '/')}`;
  const code = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-sm break-all';

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-lg leading-relaxed text-slate-700">{t('lead')}</p>

      <dl className="my-8 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {(
          [
            ['publications', total],
            ['countries', facetSizes.country],
            ['authors', facetSizes.author],
            ['languages', facetSizes.language],
          ] as const
        ).map(([key, count]) => (
          <div key={key} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 text-center shadow-sm">
            <dt className="text-sm text-slate-600">{t(`count.${key}`)}</dt>
            <dd className="order-first text-2xl font-bold tabular-nums text-brand-800">{format.number(count)}</dd>
          </div>
        ))}
      </dl>

      <div className="space-y-8">
        <Section id="holdings" title={t('holdingsTitle')}>
          <p>{t('holdings')}</p>
          <p>
            {t.rich('browse', {
              link: (text) => (
                <a href={localePath(locale, '/')} className={linkClass}>
                  {text}
                </a>
              ),
            })}
          </p>
        </Section>

        <Section id="sources" title={t('sourcesTitle')}>
          <p>{t('sources')}</p>
          <p>{t('curation')}</p>
        </Section>

        <Section id="cite" title={t('citeTitle')}>
          <p>{t('citeIntro')}</p>
          <blockquote className="rounded-md border-l-4 border-brand-600 bg-white px-4 py-3 shadow-sm">
            {t('citation', { name: site('name'), url: home })}
          </blockquote>
          <p>{t('citeRecords')}</p>
        </Section>

        <Section id="feeds" title={t('feedsTitle')}>
          <p>{t('feeds')}</p>
          <ul className="list-disc space-y-1 pl-6">
            {FEED_FORMATS.map((feed) => (
              <li key={feed}>
                <a href={localePath(locale, FEED_PATHS[feed])} type={FEED_LINK_TYPES[feed]} className={linkClass}>
                  {FEED_FORMAT_NAMES[feed]}
                </a>
              </li>
            ))}
          </ul>
          <h3 className="pt-2 font-semibold">{t('harvestTitle')}</h3>
          <p>
            {t.rich('oai', {
              url: () => <code className={code}>{origin + OAI_BASE}</code>,
              link: (text) => (
                <a href={OAI_IDENTIFY} className={linkClass}>
                  {text}
                </a>
              ),
            })}
          </p>
          <p>
            {t.rich('api', {
              link: (text) => (
                <a href={API_DOCS} className={linkClass}>
                  {text}
                </a>
              ),
            })}
          </p>
          <p>
            {t.rich('sitemap', {
              link: (text) => (
                <a href={SITEMAP} className={linkClass}>
                  {text}
                </a>
              ),
            })}
          </p>
        </Section>
      </div>
    </main>
  );
}
