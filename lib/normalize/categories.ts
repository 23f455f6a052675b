import { CATEGORIES } from '@/lib/taxonomy/categories';
import type { ChangeRule } from './findings';
import { nameKey } from './keys';

/** Category names → the catalogue's category slugs (lib/taxonomy/categories.ts). */

const ALIASES: readonly (readonly [names: readonly string[], slug: string, rule: ChangeRule, note: string])[] = [
  [['Manual', 'Handbooks', 'Guidebook'], 'handbook', 'alias', 'another word for a handbook'],
  [['Manuel', 'Manuel pratique'], 'handbook', 'translation', 'French name'],
  [['Manual práctico', 'Manuales'], 'handbook', 'translation', 'Spanish name'],
  [['Guidelines', 'Guide', 'Guidance note', 'Guidance notes'], 'guidance', 'alias', 'another word for guidance'],
  [['Lignes directrices', 'Orientations', 'Note d’orientation'], 'guidance', 'translation', 'French name'],
  [['Directrices', 'Orientaciones', 'Guía'], 'guidance', 'translation', 'Spanish name'],
  [['Assessment', 'Needs assessments', 'Situation assessment', 'Rapid assessment'], 'needs-assessment', 'alias', 'another name for a needs assessment'],
  [['Évaluation des besoins'], 'needs-assessment', 'translation', 'French name'],
  [['Evaluación de necesidades', 'Diagnóstico'], 'needs-assessment', 'translation', 'Spanish name'],
  [['Research', 'Study', 'Research study', 'Research paper', 'Studies', 'Academic research'], 'research-study', 'alias', 'another name for research'],
  [['Étude', 'Recherche'], 'research-study', 'translation', 'French name'],
  [['Estudio', 'Investigación'], 'research-study', 'translation', 'Spanish name'],
  [['Legal analysis', 'Legislative analysis', 'Law review', 'Legislation review', 'Legal review'], 'legislation-analysis', 'alias', 'another name for a legislation analysis'],
  [['Analyse juridique', 'Analyse législative'], 'legislation-analysis', 'translation', 'French name'],
  [['Análisis jurídico', 'Análisis legislativo'], 'legislation-analysis', 'translation', 'Spanish name'],
  [['Training materials', 'Training manual', 'Training module', 'Training curriculum', 'Curriculum'], 'training-material', 'alias', 'another name for training material'],
  [['Matériel de formation', 'Module de formation'], 'training-material', 'translation', 'French name'],
  [['Material de capacitación', 'Material de formación'], 'training-material', 'translation', 'Spanish name'],
  [['Reports', 'Annual report', 'Global report'], 'report', 'alias', 'another name for a report'],
  [['Rapport'], 'report', 'translation', 'French name'],
  [['Informe'], 'report', 'translation', 'Spanish name'],
  [['Policy paper', 'Brief', 'Issue brief', 'Policy note', 'Briefing paper'], 'policy-brief', 'alias', 'another name for a policy brief'],
  [['Note de politique', 'Note d’orientation politique'], 'policy-brief', 'translation', 'French name'],
  [['Nota de política', 'Documento de política'], 'policy-brief', 'translation', 'Spanish name'],
  [['Tool kit', 'Tool', 'Tools', 'Toolbox'], 'toolkit', 'alias', 'another name for a toolkit'],
  [['Boîte à outils', 'Outil'], 'toolkit', 'translation', 'French name'],
  [['Caja de herramientas', 'Herramienta'], 'toolkit', 'translation', 'Spanish name'],
  // The document types publishers of the field use (IOM, UNODC, OSCE, ILO, the US TIP Office, GRETA, NGOs'
  // libraries), each under the catalogue category it belongs to.
  [['Practitioner guide', 'Practitioners’ guide', "Practitioner's guide", 'Practical guide', 'Field guide', 'Operational manual', 'Reference guide'], 'handbook', 'alias', 'a practical manual'],
  [['Standard operating procedures', 'SOPs', 'SOP', 'Protocol', 'Recommendations', 'Principles', 'Code of conduct', 'Model guidelines'], 'guidance', 'alias', 'a kind of guidance'],
  [['Situation analysis', 'Baseline assessment', 'Risk assessment', 'Vulnerability assessment', 'Gap analysis'], 'needs-assessment', 'alias', 'a kind of assessment'],
  [['Conference paper', 'Working paper', 'Discussion paper', 'Journal article', 'Article', 'Academic paper', 'Thesis', 'Dissertation', 'Book chapter', 'Baseline study', 'Survey', 'Mapping study', 'Literature review', 'Index', 'Statistics', 'Statistical report'], 'research-study', 'alias', 'a kind of research'],
  [['Model law', 'Legislative guide', 'Legal commentary', 'Commentary', 'Legal framework review', 'Compendium of legislation'], 'legislation-analysis', 'alias', 'a kind of legal analysis'],
  [['Training guide', 'Training course', 'E-learning', 'E-learning course', 'Facilitator guide', "Facilitator's guide", 'Course material', 'Learning module'], 'training-material', 'alias', 'a kind of training material'],
  [['General report', 'Country report', 'Country narrative', 'Country narratives', 'Thematic report', 'Progress report', 'Situation report', 'Evaluation', 'Evaluation report', 'Review/Evaluation', 'Programme evaluation', 'Monitoring report', 'Proceedings', 'Conference proceedings', 'Meeting report'], 'report', 'alias', 'a kind of report'],
  [['Fact sheet', 'Factsheet', 'Position paper', 'Policy recommendations', 'Briefing note', 'Info note', 'Infographic'], 'policy-brief', 'alias', 'a kind of brief'],
  [['Checklist', 'Screening tool', 'Indicators', 'Assessment tool', 'Self-assessment tool', 'Template', 'Templates'], 'toolkit', 'alias', 'a kind of tool'],
  [['Guide pratique'], 'handbook', 'translation', 'French name'],
  [['Guía práctica'], 'handbook', 'translation', 'Spanish name'],
  [['Procédures opérationnelles standard', 'Procédures opérationnelles normalisées'], 'guidance', 'translation', 'French name'],
  [['Procedimientos operativos estándar', 'Protocolo'], 'guidance', 'translation', 'Spanish name'],
  [['Document de travail', 'Article scientifique'], 'research-study', 'translation', 'French name'],
  [['Documento de trabajo', 'Artículo'], 'research-study', 'translation', 'Spanish name'],
  [['Rapport de pays', 'Rapport d’évaluation', 'Rapport annuel'], 'report', 'translation', 'French name'],
  [['Informe de país', 'Informe de evaluación', 'Informe anual'], 'report', 'translation', 'Spanish name'],
  [['Fiche d’information', 'Note d’information'], 'policy-brief', 'translation', 'French name'],
  [['Hoja informativa', 'Ficha informativa', 'Nota informativa'], 'policy-brief', 'translation', 'Spanish name'],
  [['Liste de contrôle', 'Outil d’évaluation'], 'toolkit', 'translation', 'French name'],
  [['Lista de verificación', 'Herramienta de evaluación'], 'toolkit', 'translation', 'Spanish name'],
];

const index = new Map<string, { slug: string; rule: ChangeRule; reason: string }>();
for (const c of CATEGORIES) {
  index.set(nameKey(c.name), { slug: c.slug, rule: 'case', reason: 'the same name written differently' });
  index.set(nameKey(c.slug), { slug: c.slug, rule: 'case', reason: 'the category’s slug' });
}
for (const [names, slug, rule, reason] of ALIASES) {
  for (const name of names) if (!index.has(nameKey(name))) index.set(nameKey(name), { slug, rule, reason });
}

const EXACT = new Map(CATEGORIES.flatMap((c) => [[c.slug, c.slug] as const, [c.name, c.slug] as const]));
export const CATEGORY_NAMES: ReadonlyMap<string, string> = new Map(CATEGORIES.map((c) => [c.slug, c.name]));

export type CategoryResolution =
  | { kind: 'category'; slug: string; exact: boolean; rule: ChangeRule; reason: string }
  | { kind: 'unknown' };

export function resolveCategory(value: string): CategoryResolution {
  const text = value.trim();
  const exact = EXACT.get(text);
  if (exact) return { kind: 'category', slug: exact, exact: true, rule: 'case', reason: '' };
  const entry = index.get(nameKey(text));
  return entry ? { kind: 'category', exact: false, ...entry } : { kind: 'unknown' };
}
