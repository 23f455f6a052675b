export { entryType, recordUrl, toCsl, type CitablePublication, type CslItem, type CslType } from './csl';
export { cslName, displayName, isOrganisation, type CslName } from './names';
export {
  CITATION_STYLES,
  STYLE_LABELS,
  formatReference,
  formatReferences,
  toBibtex,
  toCslJson,
  toRis,
  type CitationStyle,
} from './format';
