import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { searchPublications } from '@/lib/data/catalogue';
import { createPrismaClient } from '@/lib/prisma-client';
import { deletePublication, upsertPublication, type PublicationInput } from '@/lib/publications/save';
import { dialect } from '@/lib/sql/dialect';
import { testProvider } from '@/tests/setup/databases';

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

describe('spelling variants', () => {
  it('finds British and American spellings alike, on both databases, with highlights on either', async () => {
    await upsertPublication(prisma, publication({ title: 'Wombatvale labor inspection', summary: 'Nothing else.' }));
    await upsertPublication(prisma, publication({ title: 'Wombatvale labour inspection', summary: 'Nothing else.' }));
    await upsertPublication(prisma, publication({ title: 'Wombatvale laboratory', summary: 'Another word.' }));
    for (const q of ['wombatvale labor', 'wombatvale labour', 'wombatvale laboring', '"wombatvale labor inspection"']) {
      const result = await search(`q=${encodeURIComponent(q)}`);
      expect(result.items.map((i) => i.title).sort(), q).toEqual(['Wombatvale labor inspection', 'Wombatvale labour inspection']);
      expect((await matchFullText(prisma, q)).length, q).toBe(2);
      // Each title marks its own spelling.
      for (const item of result.items) {
        const spelling = item.title.split(' ')[1]!;
        expect(item.snippets?.title.filter((s) => s.mark).map((s) => s.text).join(' '), q).toContain(spelling);
      }
    }
    expect((await search('q=wombatvale+-labor')).items.map((i) => i.title)).toEqual(['Wombatvale laboratory']);
  });
});

describe('spelling correction', () => {
  it('searches the closest frequent word for a word that finds nothing, with exact counts, unless literal', async () => {
    const right = await search('q=trafficking+victims');
    const typo = await search('q=trafficing+victims');
    expect(typo.correction).toEqual({ q: 'trafficking victims', words: [{ from: 'trafficing', to: 'trafficking' }] });
    expect(typo.total).toBe(right.total);
    expect(typo.items.map((i) => i.slug)).toEqual(right.items.map((i) => i.slug));
    expect(typo.facets.country).toEqual(right.facets.country);
    // What was typed stays the query of the page (its links correct again); highlights mark the word searched.
    expect(typo.params.q).toBe('trafficing victims');
    expect(typo.items[0]!.snippets?.title.concat(typo.items[0]!.snippets.summary).some((s) => s.mark && /traffick/i.test(s.text))).toBe(true);
    const literal = await search('q=trafficing+victims&literal=1');
    expect(literal.correction).toBeNull();
    expect(literal.total).toBe(0);
    expect(literal.suggestions).toContain('trafficking victims');
    expect((await search('q=trafficking')).correction).toBeNull();
  });

  it('corrects within the current filters and keeps up with writes', async () => {
    const filtered = await search('q=trafficing&country=RS');
    expect(filtered.correction?.q).toBe('trafficking');
    expect(filtered.total).toBe((await search('q=trafficking&country=RS')).total);
    expect((await search('q=quolltundra')).correction).toBeNull();
    for (let i = 0; i < 10; i++) await upsertPublication(prisma, publication({ title: `Quolltundra survey ${i}` }));
    expect((await search('q=quoltundra')).correction?.q).toBe('quolltundra');
    expect((await search('q=quoltundra')).total).toBe(10);
    for (let i = 0; i < 10; i++) expect(await deletePublication(prisma, `quolltundra-survey-${i}`)).toBe(true);
    expect((await search('q=quoltundra')).correction).toBeNull();
  });

  it('suggests queries that find something when nothing matches', async () => {
    const none = await search('q=zzqqxx+victms&literal=1');
    expect(none.total).toBe(0);
    expect(none.suggestions).toEqual([]);
    const one = await search('q=referrral+mechanisms&literal=1');
    expect(one.total).toBe(0);
    expect(one.suggestions[0]).toBe('referral mechanisms');
    for (const q of one.suggestions) expect((await search(`q=${encodeURIComponent(q)}&literal=1`)).total, q).toBeGreaterThan(0);
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

  it('stems a title in its language, in memory and in the database, through creates, language changes and deletes', async () => {
    // The same title in three languages: which record a word finds depends on its title's language.
    const title = 'Kiwibay: les traites des personnes, trabajadoras protegidas';
    const both = async (q: string) => {
      const memory = (await search(`q=${encodeURIComponent(q)}`)).items.map((i) => i.slug).sort();
      const database = await matchFullText(prisma, q);
      return { memory, database: database.sort((a, b) => a - b) };
    };
    const fr = await upsertPublication(prisma, publication({ slug: 'kiwibay-fr', title, languages: ['fr'] }));
    const es = await upsertPublication(prisma, publication({ slug: 'kiwibay-es', title, languages: ['es', 'en'] }));
    const en = await upsertPublication(prisma, publication({ slug: 'kiwibay-en', title, languages: ['en', 'fr'] }));
    const expectBoth = async (q: string, slugs: string[], ids: number[]) =>
      expect(await both(`kiwibay ${q}`), q).toEqual({ memory: [...slugs].sort(), database: [...ids].sort((a, b) => a - b) });
    const expectStems = async () => {
      // French: "traites" and "traitement" are one stem ("trait"); English Porter keeps them apart.
      await expectBoth('traitement', ['kiwibay-fr'], [fr]);
      // Spanish: "trabajadoras", "trabajar" and "trabajo" are one stem ("trabaj"), "protegidas" and "proteger" another.
      await expectBoth('trabajar', ['kiwibay-es'], [es]);
      await expectBoth('"trabajo proteger"', ['kiwibay-es'], [es]);
    };
    await expectStems();
    await expectBoth('"trabajadoras protegidas"', ['kiwibay-en', 'kiwibay-es', 'kiwibay-fr'], [en, es, fr]);
    await expectBoth('-trabajar', ['kiwibay-en', 'kiwibay-fr'], [en, fr]);
    await expectBoth('traite des personnes', ['kiwibay-en', 'kiwibay-es', 'kiwibay-fr'], [en, es, fr]);
    // Prefixes match the words as written, in any language.
    await expectBoth('protegi*', ['kiwibay-en', 'kiwibay-es', 'kiwibay-fr'], [en, es, fr]);
    // Highlighting follows the title's language.
    const french = (await search('q=kiwibay+traitement')).items.find((i) => i.slug === 'kiwibay-fr')!;
    expect(french.snippets!.title.filter((s) => s.mark).map((s) => s.text)).toEqual(['Kiwibay', 'traites']);

    // Stems the migrations could not write (a database from before them) are written after every migration run.
    if (testProvider() === 'sqlite') {
      await prisma.$executeRaw`DELETE FROM "PublicationStems"`;
      expect(await matchFullText(prisma, 'kiwibay traitement')).toEqual([]);
    }
    await dialect(prisma).completeSearchRows(prisma);
    await expectStems();

    // A title whose language changes is stemmed anew.
    await upsertPublication(prisma, publication({ slug: 'kiwibay-fr', title, languages: ['es'] }));
    await expectBoth('traitement', [], []);
    await expectBoth('trabajar', ['kiwibay-es', 'kiwibay-fr'], [es, fr]);
    await upsertPublication(prisma, publication({ slug: 'kiwibay-fr', title, languages: ['fr'], status: 'draft' }));
    await expectBoth('trabajar', ['kiwibay-es'], [es]);
    expect(await deletePublication(prisma, 'kiwibay-es')).toBe(true);
    await expectBoth('trabajar', [], []);
    await deletePublication(prisma, 'kiwibay-en');
    await deletePublication(prisma, 'kiwibay-fr');
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
