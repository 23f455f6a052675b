import { csvCell } from '@/lib/import/formats/csv-parse';

/**
 * A deterministic CSV of `n` publications written the way messy sources write them: country names,
 * aliases and codes in mixed case, regions by alias, authors in capitals or "Surname, Given", organisation
 * acronyms. Every title is distinct, so every record is a new publication.
 */

const COUNTRIES = ['Serbia', 'FYROM', 'Kosovo*', 'Turkey', 'Ivory Coast', 'Burma', 'Swaziland', 'DRC', 'Bosnia and Herzegovina', 'rs', 'NGA', 'Viet Nam', 'Allemagne', 'Moldova, Republic of', 'Thailand', 'Mexico', 'Brazil', 'Nepal'];
const REGIONS = ['South-Eastern Europe', 'Global', 'West Africa', 'Southeast Asia', 'Monde', 'Eastern Europe', 'South America', 'Middle East'];
const AUTHORS = ['IOM', 'UNODC', 'International Labour Organisation', 'JACQUELINE BERMAN', 'Berman, Jacqueline', 'Marika McAdam', 'Council of Europe (CoE)', 'Rebecca Surtees', 'Walk Free'];
const CATEGORIES = ['Handbook', 'report', 'Research/Study', 'Guidelines', '', 'toolkit'];
const LANGUAGES = ['en', 'English', 'fr', 'Español', ''];
const WORDS = 'trafficking labour exploitation referral protection assistance migrants children survivors prosecution identification prevention shelter reintegration border'.split(' ');

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

export function messyCsv(n: number): string {
  const lines = ['title,summary,countries,regions,authors,year,category,language,url'];
  for (let i = 0; i < n; i++) {
    const words = [pick(WORDS, i), pick(WORDS, i * 7 + 3), pick(WORDS, i * 13 + 5)];
    const title = `Study ${i + 1} on ${words.join(' and ')}`;
    const summary = `A synthetic record (${i + 1}) about ${words.join(', ')}. It exists to measure the importer on a large file; its values are written as messy sources write them.`;
    const countries = [pick(COUNTRIES, i), pick(COUNTRIES, i * 5 + 1)].join('; ');
    const regions = pick(REGIONS, i);
    const authors = [pick(AUTHORS, i), pick(AUTHORS, i * 3 + 2)].join('; ');
    const row = [title, summary, countries, regions, authors, String(1990 + (i % 35)), pick(CATEGORIES, i), pick(LANGUAGES, i), i % 4 === 0 ? `https://example.org/publications/${i + 1}` : ''];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
