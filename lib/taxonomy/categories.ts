export type CategoryDef = { slug: string; name: string; nameFr: string; nameEs: string };

// French and Spanish as the UN agencies' publication lists name these kinds of document.
export const CATEGORIES: readonly CategoryDef[] = [
  { slug: 'handbook', name: 'Handbook', nameFr: 'Manuel', nameEs: 'Manual' },
  { slug: 'guidance', name: 'Guidance', nameFr: 'Lignes directrices', nameEs: 'Orientaciones' },
  { slug: 'needs-assessment', name: 'Needs Assessment', nameFr: 'Évaluation des besoins', nameEs: 'Evaluación de necesidades' },
  { slug: 'research-study', name: 'Research/Study', nameFr: 'Recherche/Étude', nameEs: 'Investigación/Estudio' },
  { slug: 'legislation-analysis', name: 'Legislation analysis', nameFr: 'Analyse législative', nameEs: 'Análisis legislativo' },
  { slug: 'training-material', name: 'Training material', nameFr: 'Matériel de formation', nameEs: 'Material de formación' },
  { slug: 'report', name: 'Report', nameFr: 'Rapport', nameEs: 'Informe' },
  { slug: 'policy-brief', name: 'Policy brief', nameFr: "Note d'orientation", nameEs: 'Resumen de políticas' },
  { slug: 'toolkit', name: 'Toolkit', nameFr: 'Boîte à outils', nameEs: 'Conjunto de herramientas' },
];
