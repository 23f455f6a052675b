import type en from '@/messages/en.json';
import type { Locale } from './routing';

// Typed keys: a message the code asks for that English lacks fails `tsc` (the other locales are checked by
// lib/i18n/messages.test.ts).
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
