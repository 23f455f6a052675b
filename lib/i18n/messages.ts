import { createTranslator } from 'next-intl';
import en from '@/messages/en.json' with { type: 'json' };
import es from '@/messages/es.json' with { type: 'json' };
import fr from '@/messages/fr.json' with { type: 'json' };
import type { Locale } from './routing';

/** Every locale's messages (a few kilobytes each): pages get them through next-intl, other code through `translator`. */
export const MESSAGES: Record<Locale, typeof en> = { en, fr, es };

type Namespace = keyof typeof en;

/** Messages of one namespace outside React: feeds, metadata helpers, tests. */
export function translator<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
