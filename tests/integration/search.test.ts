import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { searchPublications } from '@/lib/data/catalogue';
import { createPrismaClient } from '@/lib/prisma-client';
import { deletePublication, upsertPublication, type PublicationInput } from '@/lib/publications/save';
import { dialect } from '@/lib/sql/dialect';

const matchFullText = (db: Parameters<ReturnType<typeof dialect>['matchFullText']>[0], q: string) => dialect(db).matchFullText(db, q);

const search = (query: string) => searchPublications(parseCatalogueParams(new URLSearchParams(query)));
const titles = async (query: string) => (await search(query)).items.map((i) => i.title);

function publication(fields: Partial<PublicationInput> & { title: string }): PublicationInput {
  return { summary: 'A test record.', year: 2020, category: 'report', countries: [], regions: [], authors: [], ...fields };
}

describe('search semantics on the sample data', () => {
  it('stems English words', async () => {
    const trafficked = await search('q=trafficked');
    const trafficking = await search('q=trafficking');
    expect(trafficked.total).toBe(trafficking.total);
    expect(trafficked.total).toBeGreaterThan(20);
  });

  it('ignores case and accents', async () => {
    expect(await titles('q=ETUDE+regionale')).toContain(
      'Étude régionale comparative Législations sur la traite des personnes: Burkina Faso, Mali, Maroc, Mauritanie, Niger, Sénégal, Tchad, Tunisie',
    );
  });

  it('matches an exact phrase only in that order', async () => {
    const phrase = await search('q=%22referral+mechanisms%22');
    const reversed = await search('q=%22mechanisms+referral%22');
    expect(phrase.total).toBeGreaterThan(0);
    expect(reversed.total).toBe(0);
  });

  it('excludes words, matches prefixes and ORs alternatives', async () => {
    const all = (await search('q=trafficking')).total;
    const withoutLabour = (await search('q=trafficking+-labour')).total;
    const labour = (await search('q=trafficking+labour')).total;
    expect(withoutLabour + labour).toBe(all);
    expect((await search('q=referr*')).total).toBeGreaterThanOrEqual((await search('q=referral')).total);
    const either = (await search('q=albania+OR+mali')).total;
    expect(either).toBeGreaterThan((await search('q=albania')).total);
    expect(either).toBeGreaterThan((await search('q=mali')).total);
  });

  it('searches author, country, region and category names', async () => {
    expect(await titles('q=liu')).toEqual(['National Referral Mechanisms for Victims of Human Trafficking: Deficiencies and Future Development']);
    expect((await search('q=herzegovina')).items.every((i) => i.countries.some((c) => c.code === 'BA') || /herzegovina/i.test(i.summary))).toBe(true);
  });

  it('sorts by relevance with a text query and highlights safely', async () => {
    const result = await search('q=handbook');
    expect(result.params.sort).toBe('relevance');
    const first = result.items[0]!;
    expect(first.title.toLowerCase()).toContain('handbook');
    expect(first.snippets?.title.some((s) => s.mark && /handbook/i.test(s.text))).toBe(true);
  });

  it('never errors on malformed queries', async () => {
    for (const q of ['"unbalanced', '-', '*', 'OR', 'NEAR/3(', 'a:b^c', "'; DROP TABLE \"Publication\";--", 'x'.repeat(5000), '"" -"" OR']) {
      await expect(search(`q=${encodeURIComponent(q)}`)).resolves.toBeDefined();
    }
  });
});

describe('search stays in step with writes', () => {
  it('finds a title hit above a summary-only hit', async () => {
    await upsertPublication(prisma, publication({ title: 'Quokkaforest annual review', summary: 'Nothing else.', year: 2001 }));
    await upsertPublication(prisma, publication({ title: 'An unrelated title', summary: 'A long summary that mentions quokkaforest once among many other words.', year: 2024 }));
    expect(await titles('q=quokkaforest')).toEqual(['Quokkaforest annual review', 'An unrelated title']);
  });

  it('indexes creates, updates and deletes, in memory and in FTS5', async () => {
    const id = await upsertPublication(prisma, publication({ title: 'Wombatlagoon study', authors: ['Zed Tester'] }));
    expect(await titles('q=wombatlagoon')).toEqual(['Wombatlagoon study']);
    expect(await matchFullText(prisma, 'wombatlagoon')).toEqual([id]);
    expect(await titles('q=zed+tester')).toEqual(['Wombatlagoon study']);

    await upsertPublication(prisma, publication({ slug: 'wombatlagoon-study', title: 'Platypusriver study' }));
    expect(await titles('q=wombatlagoon')).toEqual([]);
    expect(await titles('q=platypusriver')).toEqual(['Platypusriver study']);
    expect(await matchFullText(prisma, 'wombatlagoon')).toEqual([]);
    expect(await matchFullText(prisma, 'platypusriver')).toEqual([id]);

    expect(await deletePublication(prisma, 'wombatlagoon-study')).toBe(true);
    expect(await titles('q=platypusriver')).toEqual([]);
    expect(await matchFullText(prisma, 'platypusriver')).toEqual([]);
  });

  it('never matches a phrase across two fields, in memory or in the database', async () => {
    const id = await upsertPublication(prisma, publication({ title: 'Numbatcreek survey of forced', summary: 'Labour on farms.', authors: ['Bilbyhill Institute'] }));
    for (const q of ['"forced labour"', '"labour bilbyhill"', '"farms bilbyhill"']) {
      expect(await titles(`q=${encodeURIComponent(`numbatcreek ${q}`)}`), q).toEqual([]);
      expect((await matchFullText(prisma, `numbatcreek ${q}`)), q).toEqual([]);
    }
    // …while a phrase inside one field still matches.
    expect(await titles(`q=${encodeURIComponent('"survey of forced"')}`)).toEqual(['Numbatcreek survey of forced']);
    expect(await matchFullText(prisma, '"survey of forced" numbatcreek')).toEqual([id]);
  });

  it('sees writes made by another process on the same database', async () => {
    const other = createPrismaClient();
    try {
      const before = (await search('')).total;
      await upsertPublication(other, publication({ title: 'Echidnavalley report', countries: ['RS'] }));
      expect(await titles('q=echidnavalley')).toEqual(['Echidnavalley report']);
      expect((await search('')).total).toBe(before + 1);
      expect((await search('country=RS&q=echidnavalley')).facets.country.find((f) => f.value === 'RS')?.count).toBe(1);
      await deletePublication(other, 'echidnavalley-report');
      expect((await search('')).total).toBe(before);
    } finally {
      await other.$disconnect();
    }
  });
});
