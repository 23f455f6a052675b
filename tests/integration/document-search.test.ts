import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { searchPublications } from '@/lib/data/catalogue';
import { attachFile, detachFile } from '@/lib/files/files';
import { upsertPublication, type PublicationInput } from '@/lib/publications/save';
import { dialect } from '@/lib/sql/dialect';
import { makeDocx, makePdf } from '@/tests/fixtures/documents';

const actor = { id: 1, name: 'Test editor' };
const run = <T>(write: (tx: typeof prisma) => Promise<T>) => prisma.$transaction((tx) => write(tx as typeof prisma), { timeout: 60_000 });
const search = (q: string) => searchPublications(parseCatalogueParams(new URLSearchParams({ q })));
const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text);
const matchFullText = (q: string) => dialect(prisma).matchFullText(prisma, q);

let counter = 0;
function record(fields: Partial<PublicationInput> = {}): Promise<number> {
  counter++;
  return upsertPublication(prisma, {
    slug: `document-search-${counter}`,
    title: `Document search record ${counter}`,
    summary: 'A record for the document search tests.',
    year: 2022,
    category: 'report',
    countries: [],
    regions: [],
    authors: [],
    languages: ['en'],
    ...fields,
  });
}

async function attach(id: number, bytes: Buffer, fileName = 'report.pdf', language?: string) {
  const result = await attachFile(run, prisma, id, { bytes, fileName, language }, actor);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe('search inside attached documents', () => {
  it('finds a record by its document words, says the page, and snippets that page only', async () => {
    const id = await record();
    const pages = Array.from({ length: 16 }, (_, i) => `Page ${i + 1} of the survey on fishing crews and recruitment agencies.`);
    pages[13] = 'On this page the inspectors found marsupialcove debt bondage among the fishing crews.';
    await attach(id, makePdf(pages));
    const result = await search('marsupialcove');
    expect(result.items.map((i) => i.slug)).toEqual(['document-search-1']);
    const document = result.items[0]!.snippets!.document!;
    expect(document.page).toBe(14);
    expect(marked(document.snippet)).toEqual(['marsupialcove']);
    expect(text(document.snippet)).toContain('inspectors found marsupialcove debt bondage');
    expect(text(document.snippet)).not.toContain('Page 13');
    expect(await matchFullText('marsupialcove')).toEqual([id]);
    // A phrase within the page matches; across pages 14 and 15 it does not.
    expect((await search('"marsupialcove debt bondage"')).total).toBe(1);
    expect((await search('"fishing crews page 15"')).total).toBe(0);
  });

  it('says nothing of the document when the card already shows every matching word', async () => {
    const id = await record({ title: 'Kookaburrahill labour survey' });
    await attach(id, makePdf(['Kookaburrahill is named on page one too.']));
    const [item] = (await search('kookaburrahill')).items;
    expect(item!.snippets!.document).toBeNull();
  });

  it('ranks a title match above a record found only by its document', async () => {
    const inDocument = await record({ summary: 'Nothing about it here.' });
    await attach(inDocument, makePdf([`Echidnaridge ${'echidnaridge '.repeat(60)}`]));
    const inTitle = await record({ title: 'Echidnaridge inspection report' });
    const result = await search('echidnaridge');
    expect(result.items.map((i) => i.slug)).toEqual([`document-search-${counter}`, `document-search-${counter - 1}`]);
    expect(result.items[1]!.snippets!.document).toMatchObject({ page: 1 });
    expect((await matchFullText('echidnaridge')).sort()).toEqual([inDocument, inTitle].sort());
  });

  it('gives no page for a DOCX, and stems a French document in French', async () => {
    const docx = await record();
    await attach(docx, makeDocx(['A handbook chapter on wombatvale shelters.']), 'handbook.docx');
    const french = await record({ languages: ['en'] });
    await attach(french, makePdf(['Les travailleurs saisonniers de platypusbourg.']), 'rapport.pdf', 'fr');
    expect((await search('wombatvale')).items[0]!.snippets!.document).toMatchObject({ page: null });
    const saisonnier = await search('saisonnier platypusbourg');
    expect(saisonnier.items.map((i) => i.slug)).toEqual([`document-search-${counter}`]);
    expect(saisonnier.items[0]!.snippets!.document!.page).toBe(1);
    expect(marked(saisonnier.items[0]!.snippets!.document!.snippet)).toEqual(['saisonniers', 'platypusbourg']);
    expect(await matchFullText('saisonnier platypusbourg')).toEqual([french]);
  });

  it('never finds a draft by its document, and forgets a document once detached', async () => {
    const draft = await record({ status: 'draft' });
    await attach(draft, makePdf(['Bilbyheath appears only in a draft.']));
    expect((await search('bilbyheath')).total).toBe(0);
    expect(await matchFullText('bilbyheath')).toEqual([]);

    const id = await record();
    const fileId = await attach(id, makePdf(['Numbatgrove in the only file.']));
    expect((await search('numbatgrove')).total).toBe(1);
    expect(await run((tx) => detachFile(tx, id, fileId, actor))).toBe(true);
    expect((await search('numbatgrove')).total).toBe(0);
    expect(await matchFullText('numbatgrove')).toEqual([]);
    // Published later, the draft's document is searchable with it.
    await upsertPublication(prisma, { slug: 'document-search-' + String(counter - 1), title: 'Now public', summary: 'x', year: 2022, category: 'report', countries: [], regions: [], authors: [], languages: ['en'] });
    expect((await search('bilbyheath')).total).toBe(1);
    expect(await matchFullText('bilbyheath')).toEqual([draft]);
  });
});
