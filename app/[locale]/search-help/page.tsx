import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { localeOf, localePath } from '@/lib/i18n/routing';
import { SearchHelpList } from '@/components/catalogue/search-help';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: localeOf((await params).locale), namespace: 'SearchHelp' });
  return { title: t('heading') };
}

// Rendered per request so its scripts carry the CSP nonce.
export default async function SearchHelpPage({ params }: Props) {
  await connection();
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('SearchHelp');
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('heading')}</h1>
      <p className="mt-2 text-slate-700">{t('intro')}</p>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <SearchHelpList />
      </div>
      <p className="mt-4">
        <a href={localePath(locale, '/')} className="text-brand-700 underline">
          {t('back')}
        </a>
      </p>
    </main>
  );
}
