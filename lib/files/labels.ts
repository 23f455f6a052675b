import { kindOf } from './detect';

/** A file's kind as readers name it. */
export function kindLabel(mediaType: string): string {
  return { pdf: 'PDF', docx: 'Word', text: 'Text' }[kindOf(mediaType) ?? 'text'];
}

/** "2.4 MB", "380 KB", in the locale's digits. */
export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  const format = (n: number, digits: number) => n.toLocaleString(locale, { maximumFractionDigits: digits });
  return mb >= 1 ? `${format(mb, 1)} MB` : `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
}
