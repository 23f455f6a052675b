import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { localePath } from '@/lib/i18n/routing';
import { MessagePage } from '@/components/site/message-page';

// No robots tag here: Next adds noindex to every response whose status is not 200.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Errors'))('goneTitle') };
}

// Answered with 410 Gone by proxy.ts for a publication that was in the catalogue and is no longer, so that
// search engines and harvesters drop it. Rendered per request so its scripts carry the CSP nonce.
export default async function PublicationGone() {
  await connection();
  const t = await getTranslations('Errors');
  return <MessagePage title={t('goneTitle')} text={t('goneText')} link={{ href: localePath(await getLocale(), '/'), text: t('browse') }} />;
}
