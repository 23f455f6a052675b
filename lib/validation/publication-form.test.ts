import { describe, expect, it } from 'vitest';
import {
  encodeAuthor,
  encodeTranslation,
  maxPublicationYear,
  NEW_CATEGORY,
  PublicationFormSchema,
  publicationFieldErrors,
  readPublicationForm,
  reapplyChanges,
} from './publication-form';

function formData(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const valid: [string, string][] = [
  ['title', '  A handbook  '],
  ['summary', 'About it.'],
  ['year', '2020'],
  ['category', 'handbook'],
  ['countries', 'RS'],
  ['countries', 'AL'],
  ['regions', 'south-eastern-europe'],
  ['authors', encodeAuthor({ id: 3, name: 'IOM' })],
  ['authors', encodeAuthor({ name: 'A New Person' })],
  ['url', ' https://example.org/report.pdf '],
  ['languages', 'fr'],
  ['languages', 'en'],
  ['status', 'draft'],
  ['version', '4'],
];

const parse = (entries: [string, string][]) => PublicationFormSchema.safeParse(readPublicationForm(formData(entries)));
const errorsOf = (entries: [string, string][]) => {
  const result = parse(entries);
  return result.success ? {} : publicationFieldErrors(result.error);
};
const replace = (name: string, value: string): [string, string][] => [...valid.filter(([n]) => n !== name), [name, value]];

describe('PublicationFormSchema', () => {
  it('reads a filled-in form: trimmed text, ordered lists, authors by id or name', () => {
    const result = parse(valid);
    expect(result.success && result.data).toEqual({
      title: 'A handbook',
      summary: 'About it.',
      year: 2020,
      category: { kind: 'existing', slug: 'handbook' },
      countries: ['RS', 'AL'],
      regions: ['south-eastern-europe'],
      authors: [{ id: 3, name: 'IOM' }, { name: 'A New Person' }],
      url: 'https://example.org/report.pdf',
      languages: ['fr', 'en'],
      translations: [],
      translationAdd: null,
      status: 'draft',
      version: 4,
      publishAnyway: '',
    });
  });

  it('reads linked translations by id and refuses one linked twice', () => {
    const entry = encodeTranslation({ id: 7, title: 'Manuel', language: 'fr' });
    const result = parse([...valid, ['translations', entry], ['translationAdd', '  manuel-2020 ']]);
    expect(result.success && result.data.translations).toEqual([7]);
    expect(result.success && result.data.translationAdd).toBe('manuel-2020');
    expect(errorsOf([...valid, ['translations', entry], ['translations', entry]]).translations).toEqual(['Each translation can be linked once.']);
    expect(errorsOf([...valid, ['translations', '{"title":"x"}']]).translations).toHaveLength(1);
  });

  it('gives the messages shown beside each field', () => {
    expect(errorsOf(replace('title', '   ')).title).toEqual(['Enter a title.']);
    expect(errorsOf(replace('title', 'x'.repeat(501))).title).toEqual(['Keep the title under 500 characters.']);
    expect(errorsOf(replace('summary', '')).summary).toEqual(['Enter a summary.']);
    const max = maxPublicationYear();
    for (const year of ['3000', '1899', String(max + 1), '20x0', '2020.5']) {
      expect(errorsOf(replace('year', year)).year).toEqual([`Enter a year between 1900 and ${max}, or leave it empty.`]);
    }
    expect(errorsOf(replace('status', 'archived')).status).toEqual(['Choose draft or published.']);
    expect(errorsOf([...valid, ['countries', 'RS']]).countries).toEqual(['Each country can be chosen once.']);
    expect(errorsOf([...valid, ['countries', 'Serbia']]).countries).toEqual(['Choose countries from the list.']);
    expect(errorsOf([...valid, ['authors', encodeAuthor({ id: 3, name: 'IOM' })]]).authors).toEqual(['Each author can be listed once.']);
    expect(errorsOf(replace('category', NEW_CATEGORY)).category).toEqual(['Enter a name for the new category.']);
    for (const url of ['example.org/report', 'javascript:alert(1)', 'ftp://example.org/a.pdf', 'https://', `https://example.org/${'a'.repeat(2000)}`]) {
      expect(errorsOf(replace('url', url)).url, url).toHaveLength(1);
    }
    expect(errorsOf(replace('url', 'mailto:a@example.org')).url).toEqual(['Enter a web address starting with https:// or http://, or leave it empty.']);
    expect(errorsOf([...valid, ['languages', 'fr']]).languages).toEqual(['Each language can be chosen once.']);
    expect(errorsOf([...valid, ['languages', 'French']]).languages).toEqual(['Choose languages from the list.']);
    expect(errorsOf([...valid, ['languages', 'xx']]).languages).toEqual(['Choose languages from the list.']);
  });

  it('takes an empty document address as none', () => {
    const result = parse(replace('url', '  '));
    expect(result.success && result.data.url).toBeNull();
  });

  it('takes an empty year as unknown, a new category by name, and no version for a new record', () => {
    const entries: [string, string][] = [
      ...valid.filter(([n]) => !['year', 'category', 'version'].includes(n)),
      ['year', ''],
      ['category', NEW_CATEGORY],
      ['newCategory', ' Evaluation '],
    ];
    const result = parse(entries);
    expect(result.success && result.data).toMatchObject({ year: null, category: { kind: 'new', name: 'Evaluation' }, version: null });
  });

  it('re-applies the editor’s changes over a newer save, keeping the fields only the other person changed', () => {
    const base = readPublicationForm(formData(valid));
    const mine = { ...base, summary: 'Mine', authors: [{ name: 'A New Person' }, { id: 3, name: 'IOM' }] };
    const theirs = { ...base, title: 'Theirs', summary: 'Theirs too', countries: ['AL'], version: '5' };
    expect(reapplyChanges(base, mine, theirs)).toEqual({
      ...base,
      title: 'Theirs',
      summary: 'Mine',
      countries: ['AL'],
      authors: [{ name: 'A New Person' }, { id: 3, name: 'IOM' }],
      version: '5',
    });
  });
});
