import type { ParsedFile, SourceRecord } from '../types';

/**
 * The source site's listing, as text copied from its pages (see /work/shared/seeds/ctic-listing-sample.txt):
 *
 *     <title>
 *     (blank line)
 *     <summary>
 *     Country            ← a label on its own line, then one value per line
 *     Albania
 *     Region
 *     …
 *     Year
 *     2014
 *     Category           ← always blank on the source site
 *     (blank line)
 *
 * Text before a record's title (page furniture such as "Skip to main content") is ignored and noted.
 * The listing has no category, languages or address: those fields are left as they are on update.
 */

const LABELS: Record<string, 'countries' | 'regions' | 'authors' | 'year' | 'category' | 'languages' | 'url'> = {
  country: 'countries',
  countries: 'countries',
  region: 'regions',
  regions: 'regions',
  author: 'authors',
  authors: 'authors',
  year: 'year',
  category: 'category',
  categories: 'category',
  language: 'languages',
  languages: 'languages',
  url: 'url',
  link: 'url',
};

function labelOf(line: string): (typeof LABELS)[string] | null {
  return LABELS[line.trim().replace(/:$/, '').toLowerCase()] ?? null;
}

/** True when the text looks like the listing: field labels on lines of their own. */
export function looksLikeListing(text: string): boolean {
  const lines = text.split('\n');
  const labels = new Set(lines.map(labelOf).filter(Boolean));
  return labels.has('year') && (labels.has('countries') || labels.has('regions'));
}

type Block = { line: number; lines: string[] };
type Fields = Partial<Record<(typeof LABELS)[string], string[]>>;

export function parseListingFile(text: string): ParsedFile {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const records: SourceRecord[] = [];
  const notes: string[] = [];
  let blocks: Block[] = [];
  let current: Block | null = null;
  let fields: Fields | null = null;
  let field: (typeof LABELS)[string] | null = null;
  let titleBlocks: Block[] = [];

  const finishRecord = () => {
    if (!fields) return;
    const [title, ...summary] = titleBlocks.length >= 2 ? [titleBlocks.at(-2)!, titleBlocks.at(-1)!] : splitSingle(titleBlocks[0]);
    const ignored = titleBlocks.slice(0, Math.max(0, titleBlocks.length - 2));
    for (const block of ignored) notes.push(`Ignored line ${block.line} (not part of a record): “${block.lines.join(' ')}”`);
    const errors: SourceRecord['errors'] = [];
    const single = (name: 'year' | 'category' | 'url') => {
      const values = fields![name];
      if (values === undefined) return undefined;
      if (values.length > 1) errors.push({ field: name, message: `${name} has ${values.length} values (${values.join(', ')}); it takes one` });
      return values[0];
    };
    const category = single('category');
    const url = single('url');
    records.push({
      index: records.length + 1,
      line: title?.line ?? null,
      errors,
      data: {
        title: title ? title.lines.join(' ') : '',
        summary: summary.map((b) => b?.lines.join('\n') ?? '').join('\n\n'),
        countries: fields.countries ?? [],
        regions: fields.regions ?? [],
        authors: fields.authors ?? [],
        year: single('year') ?? null,
        // The source leaves the category blank: blank means "not given", not "none".
        ...(category ? { category } : {}),
        ...(fields.languages ? { languages: fields.languages } : {}),
        ...(url ? { url } : {}),
      },
    });
    fields = null;
    field = null;
    titleBlocks = [];
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    const label = labelOf(line);
    if (label && (fields || blocks.length > 0 || current)) {
      if (!fields) {
        // The first label after some text: that text is the record's title and summary.
        if (current) blocks.push(current);
        current = null;
        titleBlocks = blocks;
        blocks = [];
        fields = {};
      }
      field = label;
      fields[label] ??= [];
      return;
    }
    if (line === '') {
      if (fields) {
        // A blank line ends the fields, unless more labels follow it (checked when they come).
        field = null;
        return;
      }
      if (current) blocks.push(current);
      current = null;
      return;
    }
    if (fields && field) {
      fields[field]!.push(line);
      return;
    }
    if (fields && !field) finishRecord();
    current ??= { line: lineNo, lines: [] };
    current.lines.push(line);
  });
  finishRecord();
  if (current) blocks.push(current);
  for (const block of blocks) notes.push(`Ignored line ${block.line} (text after the last record): “${block.lines.join(' ')}”`);
  if (records.length === 0) return { format: 'listing', records, problems: [{ message: 'No records found: the listing has no “Country”, “Region” or “Year” lines.' }], notes };
  return { format: 'listing', records, problems: [], notes };
}

function splitSingle(block: Block | undefined): [Block | undefined, Block | undefined] {
  if (!block) return [undefined, undefined];
  const [first, ...rest] = block.lines;
  return [{ line: block.line, lines: [first ?? ''] }, rest.length > 0 ? { line: block.line + 1, lines: rest } : undefined];
}
