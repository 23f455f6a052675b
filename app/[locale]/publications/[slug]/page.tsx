import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { cache } from 'react';
import { getPublicationPage } from '@/lib/data/catalogue';
import { backToResultsHref, catalogueHref } from '@/lib/catalogue/url';
import { EMPTY_PARAMS, parseFromParam } from '@/lib/catalogue/params';
import { isPdfUrl } from '@/lib/documents';
import { hostedCoverPath, mainPdf, type HostedFile } from '@/lib/files/hosted';
import { formatBytes, kindLabel } from '@/lib/files/labels';
import { languageAlternates } from '@/lib/i18n/alternates';
import { localeOf, localePath, type Locale } from '@/lib/i18n/routing';
import { languageName, summaryLang, titleLang } from '@/lib/languages';
import { excerpt } from '@/lib/text';
import { CiteBox } from '@/components/publication/cite-box';
import { RelatedPublications } from '@/components/publication/related-publications';
import { TranslationLinks } from '@/components/publication/translation-links';
import { recordUrl } from '@/lib/citation/csl';
import {
  DUBLIN_CORE_SCHEMA,
  dublinCoreTags,
  highwireTags,
  jsonForScript,
  openGraphTypeOf,
  publicationJsonLd,
} from '@/lib/metadata/publication';
import { requestNonce, siteOrigin } from '@/lib/site-url';

// generateMetadata and the page read the same record (and its related publications) once per request.
const loadPublication = cache((slug: string, locale: Locale) => getPublicationPage(slug, locale));

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  /** Only `from` is read: the search the reader came from (lib/catalogue/params.ts `parseFromParam`). */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};


const DESCRIPTION_LENGTH = 200;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const route = await params;
  const publication = (await loadPublication(route.slug, localeOf(route.locale)))?.publication;
  if (!publication) return {};
  const origin = await siteOrigin();
  // The record's URL (Highwire, Dublin Core) is the unprefixed one in every language; the page's canonical is its own,
  // without `from`: the page reached from a search is the same record.
  const pageUrl = recordUrl(origin, publication.slug);
  const path = new URL(pageUrl).pathname;
  const canonical = new URL(localePath(localeOf(route.locale), path), origin).toString();
  const description = excerpt(publication.summary, DESCRIPTION_LENGTH);
  const siteName = (await getTranslations({ locale: localeOf(route.locale), namespace: 'Site' }))('name');
  return {
    title: publication.title,
    description,
    alternates: { canonical, languages: languageAlternates(path, origin) },
    // No published time or locale: OpenGraph wants a full date (the record has a year) and a language with
    // its territory (en_US; the record has ISO 639-1 codes). Highwire and Dublin Core carry both.
    openGraph: {
      ...(openGraphTypeOf(publication.category?.slug ?? null) === 'book'
        ? { type: 'book', authors: publication.authors.map((a) => a.name) }
        : { type: 'article', authors: publication.authors.map((a) => a.name), modifiedTime: publication.updatedAt.toISOString() }),
      url: canonical,
      title: publication.title,
      description,
      siteName,
    },
    twitter: { card: 'summary', title: publication.title, description },
    // Highwire Press tags first: Zotero and Google Scholar read them in document order.
    other: { ...highwireTags(publication, pageUrl), ...dublinCoreTags(publication, pageUrl) },
  };
}

function LinkList({ label, links }: { label: string; links: { href: string; text: string }[] }) {
  if (links.length === 0) return null;
  return (
    <div className="py-3 sm:grid sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-semibold text-slate-600">{label}</dt>
      <dd className="mt-1 sm:mt-0">
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href} className="text-brand-700 underline hover:text-brand-800">
                {link.text}
              </a>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

export default async function PublicationPage({ params, searchParams }: Props) {
  const route = await params;
  const locale = localeOf(route.locale);
  setRequestLocale(locale);
  const loaded = await loadPublication(route.slug, locale);
  if (!loaded) notFound();
  const { publication, related } = loaded;
  const from = parseFromParam(await searchParams);
  const t = await getTranslations('Publication');
  const catalogue = (changes: Parameters<typeof catalogueHref>[1]) => localePath(locale, catalogueHref(EMPTY_PARAMS, changes));
  const { title, summary, year, category, countries, regions, authors, languages, url } = publication;
  const pdf = url !== null && isPdfUrl(url);
  const hosted = publication.files;
  const main = mainPdf(hosted) ?? hosted[0] ?? null;
  const coverOf = main?.hasCover ? main : null;
  const fileFacts = (file: HostedFile) =>
    [
      t('fileDetails', { kind: kindLabel(file.mediaType), size: formatBytes(file.size, locale) }),
      file.pageCount !== null && t('filePages', { count: file.pageCount }),
      file.language && t('fileLanguage', { language: languageName(file.language, locale) }),
    ]
      .filter(Boolean)
      .join(', ');
  const origin = await siteOrigin();
  const jsonLd = jsonForScript(publicationJsonLd(publication, recordUrl(origin, publication.slug), origin));

  const documentButton = 'flex w-full flex-col items-center justify-center rounded-md bg-brand-700 px-4 py-2.5 text-center font-semibold text-white hover:bg-brand-800';

  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <link rel="schema.DC" href={DUBLIN_CORE_SCHEMA} />
      <script type="application/ld+json" nonce={await requestNonce()} dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <a href={localePath(locale, from ? backToResultsHref(from) : '/')} className="text-brand-700 underline">
          {from ? t('backToResults') : t('backToCatalogue')}
        </a>
      </nav>
      {/*
        Wide screens: the record on the left, the document and its citation in a column beside it (globals.css,
        .record-layout). Narrow ones, in document order: title, document, the record, citation.
      */}
      <article className="record-layout mt-4 grid gap-x-8 gap-y-6">
        <header className="record-header">
          <h1 lang={titleLang(languages, locale)} className="text-2xl font-bold leading-tight tracking-tight text-slate-900 sm:text-3xl">
            {title}
          </h1>
          {authors.length > 0 && (
            <p className="mt-2 text-lg text-slate-700">
              {authors.map((a, i) => (
                <span key={a.slug}>
                  {i > 0 && '; '}
                  <a href={catalogue({ author: [a.slug] })} className="hover:underline">
                    {a.name}
                  </a>
                </span>
              ))}
            </p>
          )}
          <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
            {year !== null && <span>{year}</span>}
            {category && <span className="rounded bg-slate-200/70 px-1.5 text-slate-800">{category.name}</span>}
          </p>
          <TranslationLinks label={t('alsoAvailableIn')} translations={publication.translations} className="mt-3" />
          <p className="print-only mt-2 text-sm">{recordUrl(origin, publication.slug)}</p>
        </header>

        {(main || url) && (
          <section aria-label={t('document')} className="record-document rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            {coverOf && (
              // eslint-disable-next-line @next/next/no-img-element -- the catalogue's own file route, no optimizer here
              <img
                src={hostedCoverPath(publication.slug, coverOf)}
                alt={t('coverAlt', { title })}
                width={180}
                height={233}
                className="mx-auto mb-4 hidden h-auto w-[180px] border border-slate-200 shadow-sm sm:block"
              />
            )}
            {main ? (
              <a href={main.path} className={documentButton}>
                {t('mainDocument')}
                <span className="text-sm font-normal">({fileFacts(main)})</span>
              </a>
            ) : (
              url && (
                <a href={url} rel="noopener noreferrer" className={documentButton}>
                  {t('getDocument')}
                  <span className="text-sm font-normal">{pdf ? t('pdf') : `(${new URL(url).hostname})`}</span>
                </a>
              )
            )}
          </section>
        )}

        <div className="record-body min-w-0 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
              {t('summary')}
            </h2>
            <p lang={summaryLang(locale)} className="mt-2 max-w-prose whitespace-pre-line text-[1.0625rem] leading-relaxed">
              {summary}
            </p>
          </section>
          {hosted.length > 0 && (
            <section aria-labelledby="files-heading" className="mt-6">
              <h2 id="files-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
                {t('files')}
              </h2>
              <ul className="mt-2 space-y-1">
                {hosted.map((file) => (
                  <li key={file.id}>
                    <a href={file.path} className="text-brand-700 underline hover:text-brand-800" {...(file.language && { hrefLang: file.language })}>
                      {file.label}
                    </a>{' '}
                    <span className="text-sm text-slate-600">({fileFacts(file)})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <dl className="mt-6 divide-y divide-slate-200 border-t border-slate-200">
            <LinkList
              label={t('year')}
              links={year === null ? [] : [{ href: catalogue({ year: [year] }), text: String(year) }]}
            />
            <LinkList
              label={t('category')}
              links={category ? [{ href: catalogue({ category: [category.slug] }), text: category.name }] : []}
            />
            <LinkList
              label={t('countries', { count: countries.length })}
              links={countries.map((c) => ({ href: catalogue({ country: [c.code] }), text: c.name }))}
            />
            <LinkList
              label={t('regions', { count: regions.length })}
              links={regions.map((r) => ({ href: catalogue({ region: [r.slug] }), text: r.name }))}
            />
            <LinkList
              label={t('authors', { count: authors.length })}
              links={authors.map((a) => ({ href: catalogue({ author: [a.slug] }), text: a.name }))}
            />
            <LinkList
              label={t('languages', { count: languages.length })}
              links={languages.map((code) => ({ href: catalogue({ language: [code] }), text: languageName(code, locale) }))}
            />
            {url && (
              <div className="py-3 sm:grid sm:grid-cols-[10rem_1fr] sm:gap-4">
                <dt className="text-sm font-semibold text-slate-600">{t('source')}</dt>
                <dd className="break-all">
                  <a href={url} rel="noopener noreferrer" className="text-brand-700 underline">
                    {url}
                  </a>
                </dd>
              </div>
            )}
          </dl>
        </div>

        <div className="record-cite rounded-lg border border-slate-200 bg-white px-4 pb-2 shadow-sm">
          <CiteBox publication={publication} />
        </div>
      </article>
      <RelatedPublications related={related} locale={locale} />
    </main>
  );
}
