export type CategoryDef = { slug: string; name: string };

export const CATEGORIES: readonly CategoryDef[] = [
  { slug: 'handbook', name: 'Handbook' },
  { slug: 'guidance', name: 'Guidance' },
  { slug: 'needs-assessment', name: 'Needs Assessment' },
  { slug: 'research-study', name: 'Research/Study' },
  { slug: 'legislation-analysis', name: 'Legislation analysis' },
  { slug: 'training-material', name: 'Training material' },
  { slug: 'report', name: 'Report' },
  { slug: 'policy-brief', name: 'Policy brief' },
  { slug: 'toolkit', name: 'Toolkit' },
];
