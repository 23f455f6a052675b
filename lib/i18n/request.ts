import { getRequestConfig } from 'next-intl/server';
import { MESSAGES } from './messages';
import { localeOf } from './locales';

// The locale comes from the [locale] segment (or the proxy's header); staff pages, outside it, are English.
export default getRequestConfig(async ({ requestLocale, locale: explicit }) => {
  const requested = explicit ?? (await requestLocale);
  const locale = localeOf(requested);
  return { locale, messages: MESSAGES[locale] };
});
