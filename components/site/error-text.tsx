'use client';

import { createContext, useContext } from 'react';

export type ErrorTexts = { title: string; text: string; tryAgain: string };

const ErrorTextContext = createContext<ErrorTexts | null>(null);

/**
 * The error page's three strings, in the page's language, handed down by the layout. The error page must
 * be a client component; this keeps next-intl's client runtime and message catalogue off every public page.
 */
export function ErrorTextProvider({ value, children }: { value: ErrorTexts; children: React.ReactNode }) {
  return <ErrorTextContext value={value}>{children}</ErrorTextContext>;
}

export function useErrorTexts(): ErrorTexts {
  const texts = useContext(ErrorTextContext);
  if (!texts) throw new Error('useErrorTexts outside ErrorTextProvider');
  return texts;
}
