import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { languageAlternates } from '@/lib/i18n/alternates';
import { REQUEST_PATH_HEADER } from '@/lib/i18n/request-path';
import { isLocale, LOCALES, splitLocale } from '@/lib/i18n/routing';
import { siteOrigin } from '@/lib/site-url';
import { ErrorTextProvider } from '@/components/site/error-text';
import { SiteDocument } from '@/components/site/site-document';

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Site' });
  // Every page's language versions; the catalogue and record pages replace these with their canonical query's.
  const url = new URL((await headers()).get(REQUEST_PATH_HEADER) ?? '/', 'http://catalogue.invalid');
  return {
    title: { default: t('name'), template: t('titleTemplate', { title: '%s' }) },
    description: t('description'),
    alternates: { languages: languageAlternates(splitLocale(url.pathname).path + url.search, await siteOrigin()) },
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Errors' });
  return (
    <SiteDocument locale={locale} switcher>
      {/* The one client component of the public pages, the error page, gets its three strings, not next-intl. */}
      <ErrorTextProvider value={{ title: t('errorTitle'), text: t('errorText'), tryAgain: t('tryAgain') }}>{children}</ErrorTextProvider>
    </SiteDocument>
  );
}
