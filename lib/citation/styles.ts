/** The formatted reference styles offered (names in URLs), without loading citation-js. */
export const CITATION_STYLES = ['apa', 'chicago', 'harvard'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const STYLE_LABELS: Record<CitationStyle, string> = {
  apa: 'APA 7',
  chicago: 'Chicago (author-date)',
  harvard: 'Harvard',
};
