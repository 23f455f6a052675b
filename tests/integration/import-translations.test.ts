import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { getPublication, listAllPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { exportStream } from '@/lib/export/stream';
import { runImport } from '@/lib/import';
import type { PrismaClient } from '@/lib/prisma-client';
import { emptyCatalogue } from './helpers/catalogues';

const HEADER = 'title,summary,countries,regions,authors,year,category,languages,url,translationGroup';
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const slugsOf = async (slug: string) => (await getPublication(slug))?.translations.map((t) => t.slug) ?? null;

const opened: PrismaClient[] = [];
afterAll(async () => {
  for (const db of opened) await db.$disconnect();
});

describe('import: translation groups', () => {
  const file = csv(
    'Wombatland trafficking handbook,About it.,,,IOM,2022,,en,https://example.org/wombat,',
    'Manuel de Wombatland,À propos.,,,IOM,2022,,fr,https://example.org/wombat,',
    'Wombatland survey,About it.,,,IOM,2023,,en,,survey-w',
    'Encuesta de Wombatland,Sobre.,,,IOM,2023,,es,,survey-w',
    'Wombatland copy,About it.,,,IOM,2023,,en,https://example.org/same,',
    'Wombatland copy again,About it.,,,IOM,2023,,en,https://example.org/same,',
  );

  it('recognises a shared document address and a group column, shows them in the dry run, then links them', async () => {
    const dry = await runImport(prisma, file, { fileName: 'groups.csv' });
    expect(dry.totals).toMatchObject({ create: 6, rejected: 0 });
    expect(dry.records.map((r) => r.translations)).toEqual([
      ['manuel-de-wombatland'],
      ['wombatland-trafficking-handbook'],
      ['encuesta-de-wombatland'],
      ['wombatland-survey'],
      [],
      [],
    ]);
    expect(dry.records[4]!.review).toEqual([expect.objectContaining({ field: 'url', note: expect.stringContaining('not linked as translations') })]);
    expect(await prisma.publication.count({ where: { slug: 'manuel-de-wombatland' } })).toBe(0);

    const applied = await runImport(prisma, file, { fileName: 'groups.csv', apply: true, expectFingerprint: dry.fingerprint });
    expect(applied.mode).toBe('applied');
    expect(await slugsOf('wombatland-trafficking-handbook')).toEqual(['manuel-de-wombatland']);
    expect(await slugsOf('encuesta-de-wombatland')).toEqual(['wombatland-survey']);
    expect(await slugsOf('wombatland-copy')).toEqual([]);
    const audited = await prisma.auditEntry.findMany({ where: { entity: 'publication', label: { in: ['Wombatland survey', 'Encuesta de Wombatland'] } } });
    expect(audited.map((a) => JSON.parse(a.changes) as unknown)).toEqual(expect.arrayContaining([{ translations: { before: [], after: ['wombatland-survey'] } }]));

    // Again: nothing to do.
    const again = await runImport(prisma, file, { fileName: 'groups.csv' });
    expect(again.totals).toMatchObject({ create: 0, update: 0, unchanged: 6 });
  });

  it('links a record to a catalogue publication named by slug, keeping the translations it has', async () => {
    const more = csv('Guía de Wombatland,Sobre.,,,IOM,2022,,es,,wombatland-trafficking-handbook');
    const dry = await runImport(prisma, more);
    expect(dry.records[0]!.translations).toEqual(['wombatland-trafficking-handbook']);
    await runImport(prisma, more, { apply: true, expectFingerprint: dry.fingerprint });
    expect(await slugsOf('wombatland-trafficking-handbook')).toEqual(['guia-de-wombatland', 'manuel-de-wombatland']);
  });

  it('rejects a named group with two publications in one language', async () => {
    const report = await runImport(prisma, csv('Kiwi one,S.,,,IOM,2022,,en,,kiwi', 'Kiwi two,S.,,,IOM,2022,,en,,kiwi'));
    expect(report.records.map((r) => r.action)).toEqual(['rejected', 'rejected']);
    expect(report.records[0]!.errors[0]!.message).toMatch(/both in English: a work has one publication per language/);
  });

  it('writes the group in the export, and importing the export links the members again', async () => {
    const params = parseCatalogueParams(new URLSearchParams('q=wombatland'));
    const text = await new Response(exportStream('csv', listAllPublications(params))).text();
    expect(text.split('\r\n')[0]).toMatch(/,translationGroup$/);
    const db = await emptyCatalogue();
    opened.push(db);
    const report = await runImport(db, text, { apply: true });
    expect(report.mode).toBe('applied');
    const rows = await db.publication.findMany({ where: { slug: { in: ['wombatland-survey', 'encuesta-de-wombatland', 'wombatland-copy'] } }, select: { slug: true, translationGroupId: true } });
    const group = (slug: string) => rows.find((r) => r.slug === slug)!.translationGroupId;
    expect(group('wombatland-survey')).not.toBeNull();
    expect(group('encuesta-de-wombatland')).toBe(group('wombatland-survey'));
    expect(group('wombatland-copy')).toBeNull();
  });
});
