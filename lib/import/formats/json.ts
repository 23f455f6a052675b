import { ImportFileSchema, JsonRecordSchema } from '../schema';
import type { FileProblem, ParsedFile, SourceRecord } from '../types';

function position(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(String(error));
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  return ` (line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')})`;
}

/** A JSON array of publication objects; unknown keys are ignored. */
export function parseJsonFile(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const problem: FileProblem = { message: `The file is not valid JSON${position(text, error)}: ${(error as Error).message}.` };
    return { format: 'json', records: [], problems: [problem], notes: [] };
  }
  const array = ImportFileSchema.safeParse(data);
  if (!array.success) return { format: 'json', records: [], problems: [{ message: array.error.issues[0]!.message }], notes: [] };
  if (array.data.length === 0) return { format: 'json', records: [], problems: [{ message: 'The file holds an empty array: no records.' }], notes: [] };

  const records: SourceRecord[] = array.data.map((item, i) => {
    const parsed = JsonRecordSchema.safeParse(item);
    if (parsed.success) {
      const { slug, language, languages, translationGroup, translation_of, ...rest } = parsed.data;
      const given = languages !== undefined ? languages : language;
      return {
        index: i + 1,
        line: null,
        errors: [],
        data: { ...rest, ...(given !== undefined && { languages: typeof given === 'string' ? [given] : given }), slug: slug ?? null, ...((translationGroup ?? translation_of)?.trim() && { translationGroup: (translationGroup ?? translation_of)!.trim() }) },
      };
    }
    const title = typeof item === 'object' && item !== null && typeof (item as { title?: unknown }).title === 'string' ? (item as { title: string }).title : '';
    const errors = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? 'record');
      const message =
        issue.path.length === 0
          ? 'must be an object with title, summary, countries, regions, authors, year, category, languages and url'
          : `${issue.path.join('.')} ${issue.message}`;
      return { field: (['title', 'summary', 'countries', 'regions', 'authors', 'year', 'category', 'languages', 'url', 'slug'].includes(field) ? field : field === 'files' ? 'files' : field === 'translationGroup' || field === 'translation_of' ? 'record' : field === 'language' ? 'languages' : 'record') as SourceRecord['errors'][number]['field'], message };
    });
    return {
      index: i + 1,
      line: null,
      errors,
      data: { title, summary: '', countries: [], regions: [], authors: [], year: null },
    };
  });
  return { format: 'json', records, problems: [], notes: [] };
}
