import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import chicagoAuthorDate from 'style-chicago';
import type { Locale } from '@/lib/i18n/locales';
import type { CslItem } from './csl';
import { CITATION_STYLES, STYLE_LABELS, type CitationStyle } from './styles';

/**
 * Every citation format, produced by citation-js (0.8.2) from CSL-JSON: BibTeX, RIS, CSL-JSON, and
 * references formatted by citeproc-js in APA 7, Chicago author-date and Harvard. citation-js's
 * configuration is global to the process; this module is the only one that touches it.
 *
 * Styles: plugin-csl ships `apa` (APA Style 7th edition) and `harvard1` (Cite Them Right 12th edition,
 * the common Harvard). Chicago author-date comes from npm's `style-chicago` (the CSL project's
 * chicago-author-date style, CMOS 17th edition, as citeproc-js's JSON form of the XML, CC BY-SA 3.0): the
 * one npm package that ships that official style in a form citeproc-js reads. It is a 2018 snapshot;
 * the CSL repository has since moved to the 18th edition.
 */

export { CITATION_STYLES, STYLE_LABELS, type CitationStyle };

const STYLE_TEMPLATES: Record<CitationStyle, string> = {
  apa: 'apa',
  chicago: 'chicago-author-date',
  harvard: 'harvard1',
};

const csl = plugins.config.get('@csl');
if (!csl.styles.has('chicago-author-date')) csl.styles.add('chicago-author-date', chicagoAuthorDate);

const bibtex = plugins.config.get('@bibtex');
// Citation keys are the slugs: unique in the catalogue, so a result set's keys never collide.
bibtex.format.useIdAsLabel = true;
// Slugs are made of a-z, 0-9 and '-', all allowed in a key; citation-js's check would drop the hyphens.
bibtex.format.checkLabel = false;
// UTF-8 output. citation-js's ASCII mode (its default) drops every character it has no LaTeX command for:
// Cyrillic, Arabic and Chinese titles and names would vanish. In UTF-8 mode it escapes nothing, so the
// LaTeX special characters are escaped here first (latexText), with the commands its parser reads back.
bibtex.format.asciiOnly = false;

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  $: '\\textdollar{}',
  _: '\\textunderscore{}',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
};

function latexText(text: string): string {
  return text.replace(/[\\{}~^$_&%#]/g, (c) => LATEX_SPECIALS[c]!);
}

/** The item with its text fields ready for citation-js's UTF-8 BibTeX output. */
function forBibtex(item: CslItem): CslItem {
  return {
    ...item,
    title: latexText(item.title),
    author: item.author?.map((name) =>
      'literal' in name
        ? { literal: latexText(name.literal) }
        : { family: latexText(name.family), ...(name.given && { given: latexText(name.given) }) },
    ),
    ...(item.publisher && { publisher: latexText(item.publisher) }),
    ...(item.abstract && { abstract: latexText(item.abstract) }),
    ...(item.note && { note: latexText(item.note) }),
    // Written verbatim into `url = {…}`: a brace (legal in a URL's query) would end the field early.
    ...(item.URL && { URL: item.URL.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D')) }),
  };
}

/**
 * BibTeX, in BibLaTeX's dialect (citation-js's `biblatex` output: @report, @book, @article, `date`): its
 * classic-BibTeX output has no `language` or `abstract` field, and drops them.
 */
export function toBibtex(items: CslItem[]): string {
  if (items.length === 0) return '';
  return String(new Cite(items.map(forBibtex)).format('biblatex'));
}

/**
 * RIS. citation-js maps each item to its RIS tags; the lines are written here because its text output
 * breaks every value after 70 characters onto a continuation line, which RIS readers (citation-js's own
 * parser included) join back with a space: a long title or URL would come back with spaces inside words.
 * A value's own line breaks become spaces, since a RIS value is one line.
 */
export function toRis(items: CslItem[]): string {
  if (items.length === 0) return '';
  const entries = new Cite(items).format('ris', { format: 'object' }) as Record<string, string | string[]>[];
  return entries
    .map((entry, index) => {
      // citation-js cuts ID to 20 characters: slugs sharing a start would collide in a reference manager.
      const lines = [`TY  - ${entry.TY}`, `ID  - ${items[index]!.id}`];
      for (const [tag, value] of Object.entries(entry)) {
        if (tag === 'TY' || tag === 'ID') continue;
        for (const one of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(one).replace(/\s*[\r\n]+\s*/g, ' ')}`);
      }
      lines.push('ER  - ');
      return `${lines.join('\r\n')}\r\n`;
    })
    .join('\r\n');
}

/** CSL-JSON: an array of items. */
export function toCslJson(items: CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/**
 * Formatted references, one per item, in the order given (a result set keeps the catalogue's order; a
 * bibliography sorted by the style would be sorted only within each streamed batch).
 */
/** citeproc's locale for each interface language (plugin-csl ships these three): "Available at", "n.d.", quotes. */
const CSL_LOCALES: Record<Locale, string> = { en: 'en-US', fr: 'fr-FR', es: 'es-ES' };

export function formatReferences(items: CslItem[], style: CitationStyle, format: 'text' | 'html', locale: Locale = 'en'): string[] {
  if (items.length === 0) return [];
  const entries = new Cite(items.map(withoutPublisherAsAuthor)).format('bibliography', {
    template: STYLE_TEMPLATES[style],
    format,
    lang: CSL_LOCALES[locale],
    nosort: true,
    asEntryArray: true,
  }) as [string, string][];
  return entries.map(([, entry]) => entry.trim());
}

/**
 * A reference whose publisher is its own author names it once (APA 7 §9.25; Chicago and Harvard alike):
 * "IOM. (2025). Title." rather than "IOM. (2025). Title. IOM."
 */
function withoutPublisherAsAuthor(item: CslItem): CslItem {
  const authors = (item.author ?? []).map((a) => ('literal' in a ? a.literal : null));
  if (!item.publisher || authors.length === 0 || authors.some((a) => a === null) || item.publisher !== authors.join('; ')) return item;
  return { ...item, publisher: undefined };
}

/** One item's reference. */
export function formatReference(item: CslItem, style: CitationStyle, format: 'text' | 'html', locale: Locale = 'en'): string {
  return formatReferences([item], style, format, locale)[0]!;
}
