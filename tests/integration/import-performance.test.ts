import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport, type ImportProgress } from '@/lib/import';
import type { PrismaClient } from '@/lib/prisma-client';
import { emptyCatalogue } from './helpers/catalogues';
import { messyCsv } from './helpers/messy-csv';

// A 10,000-record CSV of messy values, generated into a temporary folder, imported into an empty catalogue.
// The figures are printed; the bounds are loose enough for a slow CI machine.
const N = 10_000;
const dir = mkdtempSync(path.join(tmpdir(), 'ct-catalogue-import-perf-'));
const file = path.join(dir, `messy-${N}.csv`);
let db: PrismaClient;

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe(`importing ${N.toLocaleString('en')} records`, () => {
  it('dry run, apply in one transaction, and a no-op re-import, with progress', { timeout: 300_000 }, async () => {
    writeFileSync(file, messyCsv(N));
    db = await emptyCatalogue();
    const bytes = readFileSync(file);
    const phases = new Set<string>();
    const onProgress = (p: ImportProgress) => phases.add(p.phase);

    let started = performance.now();
    const dry = await runImport(db, bytes, { fileName: path.basename(file), onProgress });
    const dryMs = performance.now() - started;
    expect(dry.totals).toMatchObject({ records: N, create: N, rejected: 0, unresolved: 0 });
    expect(await db.publication.count()).toBe(0);

    started = performance.now();
    const applied = await runImport(db, bytes, { apply: true, onProgress });
    const applyMs = performance.now() - started;
    expect(applied.mode).toBe('applied');
    expect(await db.publication.count()).toBe(N);
    expect([...phases].sort()).toEqual(['apply', 'normalize', 'plan']);

    started = performance.now();
    const again = await runImport(db, bytes, { apply: true });
    const againMs = performance.now() - started;
    expect(again.totals).toMatchObject({ unchanged: N, create: 0, update: 0 });

    console.log(
      [
        `import of ${N.toLocaleString('en')} records (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB CSV):`,
        `dry run ${seconds(dryMs)} (normalize ${seconds(dry.timings.normalizeMs)}, plan ${seconds(dry.timings.planMs)});`,
        `apply ${seconds(applyMs)} (writes ${seconds(applied.timings.applyMs ?? 0)});`,
        `re-import (no-op) ${seconds(againMs)}`,
      ].join(' '),
    );
    expect(dryMs).toBeLessThan(30_000);
    expect(applyMs).toBeLessThan(240_000);
  });
});
