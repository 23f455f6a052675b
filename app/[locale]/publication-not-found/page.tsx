import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { localePath } from '@/lib/i18n/routing';
import { MessagePage } from '@/components/site/message-page';

// Its title is app/not-found.tsx's: Next gives every response with status 404 the not-found metadata.
export const metadata: Metadata = { robots: { index: false } };

// Rendered per request so its scripts carry the CSP nonce.
export default async function PublicationNotFound() {
  await connection();
  const t = await getTranslations('Errors');
  return (
    <MessagePage
      title={t('publicationNotFoundTitle')}
      text={t('publicationNotFoundText')}
      link={{ href: localePath(await getLocale(), '/'), text: t('browse') }}
    />
  );
}
