import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { localePath } from '@/lib/i18n/routing';
import { MessagePage } from '@/components/site/message-page';
import { SiteDocument } from '@/components/site/site-document';

// Next gives every response with status 404 this file's metadata, in the reader's language.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Errors');
  const site = await getTranslations('Site');
  // The template applied here, as an absolute title: outside app/[locale] no layout applies it, inside (the
  // proxy's rewrite to a locale's publication-not-found page) its layout must not apply it a second time.
  return { title: { absolute: site('titleTemplate', { title: t('notFoundTitle') }) } };
}

/**
 * The 404 of every tree (an unknown path, or notFound() anywhere), so it renders its own document. Its
 * locale is the one the proxy read off the path (English outside app/[locale]). Rendered per request so
 * its scripts carry the CSP nonce.
 */
export default async function NotFound() {
  await connection();
  const locale = await getLocale();
  const t = await getTranslations('Errors');
  return (
    <SiteDocument locale={locale} switcher>
      <MessagePage title={t('notFoundTitle')} text={t('notFoundText')} link={{ href: localePath(locale, '/'), text: t('browse') }} />
    </SiteDocument>
  );
}
