import { getTranslations } from 'next-intl/server';
import type { DocumentMatch } from '@/lib/data/catalogue';
import { Highlighted } from './highlighted';

/** On a result card: where in the attached document the query matched, when the card shows no match of its own. */
export async function DocumentMatchLine({ match }: { match: DocumentMatch }) {
  const t = await getTranslations('Card');
  return (
    <p className="document-match mt-2 text-sm">
      <strong>{match.page === null ? t('foundInDocument') : t('foundInDocumentPage', { page: match.page })}</strong>{' '}
      <span lang={match.language ?? undefined}>
        <Highlighted segments={match.snippet} />
      </span>
    </p>
  );
}
