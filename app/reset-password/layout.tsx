import type { Metadata } from 'next';
import { SiteDocument } from '@/components/site/site-document';
import { MESSAGES } from '@/lib/i18n/messages';

export const metadata: Metadata = { title: { default: MESSAGES.en.Site.name, template: '%s · CT Publications Catalogue' } };

// The staff area is English only.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <SiteDocument locale="en">{children}</SiteDocument>;
}
