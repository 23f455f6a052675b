// Integration: the import and export command lines, run as the npm scripts run them, on this test file's
// own copy of the sample database.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '@/lib/import';
import { createPrismaClient } from '@/lib/prisma-client';
import { createEmptyDatabase } from '@/tests/setup/databases';

const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'ct-import-cli-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LISTING = path.resolve('tests/fixtures/ctic-listing-sample.txt');

async function cli(command: 'import' | 'export' | 'migrate', args: string[], env: Record<string, string> = {}) {
  const [file, ...pre] = command === 'export' ? [process.execPath, '--conditions=react-server', '--import', 'tsx'] : ['node_modules/.bin/tsx'];
  try {
    const { stdout, stderr } = await run(file!, [...pre, `scripts/${command}.ts`, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import', () => {
  it('prints a dry-run report of the source listing and writes nothing', async () => {
    const { code, stdout } = await cli('import', [LISTING]);
    expect(code).toBe(0);
    expect(stdout).toContain('Import of ctic-listing-sample.txt (listing, 9.0 kB) — dry run');
    expect(stdout).toContain('Dry run, nothing written: 0 records to create, 7 to update, 0 unchanged, 0 rejected.');
    expect(stdout).toContain('countries: “Bosnia + Herzegovina” → BA (Bosnia and Herzegovina)');
    expect(stdout).toMatch(/authors: “Phil Marshal”\s+\(close to the author “Phil Marshall”/);
    expect(stdout).toContain('Run again with --apply to write these changes.');
  });

  it('prints the report as JSON with --json', async () => {
    const { code, stdout } = await cli('import', [LISTING, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report.totals).toMatchObject({ records: 7, update: 7 });
  });

  it('exits 1 on a rejected record and names it; --apply writes nothing', async () => {
    const file = path.join(tmp, 'bad.csv');
    writeFileSync(file, 'title,summary,countries,regions,authors,year,category,language,url\nGood,S,Serbia,,,2020,,,\nBad,S,Serbia,,,20x7,,,\n');
    const { code, stdout } = await cli('import', [file, '--apply']);
    expect(code).toBe(1);
    expect(stdout).toContain('Nothing was written: 1 record rejected');
    expect(stdout).toMatch(/#2 \(line 3\)\s+Bad\n\s+year: “20x7” is not a year/);
  });

  it('imports into a database just migrated: the migration loaded the reference data, and no sample', async () => {
    const url = await createEmptyDatabase('migrated');
    const migrated = await cli('migrate', ['deploy'], { DATABASE_URL: url });
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/Loaded the reference data into .*: 250 countries, \d+ regions, \d+ categories\./);
    // Run again: nothing more to load.
    expect((await cli('migrate', ['deploy'], { DATABASE_URL: url })).stdout).not.toContain('reference data');
    const imported = await cli('import', [LISTING, '--apply'], { DATABASE_URL: url });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Applied in one transaction: 7 publications created');
    const db = createPrismaClient(url);
    try {
      expect(await db.publication.count()).toBe(7);
      expect(await db.country.count()).toBe(250);
    } finally {
      await db.$disconnect();
    }
  });

  it('with --skip-rejected writes the records that can be written and leaves the rejected ones out', async () => {
    const url = await createEmptyDatabase('skip');
    expect((await cli('migrate', ['deploy'], { DATABASE_URL: url })).code).toBe(0);
    const file = path.join(tmp, 'some-bad.csv');
    writeFileSync(file, 'title,summary,countries,regions,authors,year,category,language,url\nGood one,S,Serbia,,,2020,,,\nBad one,S,Serbia,,,20x7,,,\n');
    const dry = await cli('import', [file], { DATABASE_URL: url });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('run again with --apply --skip-rejected to write the others without them');
    expect((await cli('import', [file, '--skip-rejected'], { DATABASE_URL: url })).stderr).toContain('--skip-rejected goes with --apply');
    const applied = await cli('import', [file, '--apply', '--skip-rejected'], { DATABASE_URL: url });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Applied in one transaction: 1 publication created, 0 updated, 0 unchanged; 1 rejected record left out.');
    const db = createPrismaClient(url);
    try {
      expect((await db.publication.findMany({ select: { title: true } })).map((p) => p.title)).toEqual(['Good one']);
    } finally {
      await db.$disconnect();
    }
  });

  it('exits 2 on a usage error', async () => {
    expect((await cli('import', [])).code).toBe(2);
    expect((await cli('import', [LISTING, '--format', 'xml'])).stderr).toContain('--format must be one of listing, csv, json');
  });
});

describe('npm run export', () => {
  it('writes the catalogue to a file, and the import reads it back unchanged', async () => {
    const out = path.join(tmp, 'catalogue.csv');
    const { code, stderr } = await cli('export', ['--format', 'csv', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Exported \d+ publications to /m);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('\uFEFFtitle,summary,countries,regions,authors,year,category,languages,url,slug,translationGroup');
    const back = await cli('import', [out, '--json']);
    const report = JSON.parse(back.stdout) as ImportReport;
    expect(report.totals).toMatchObject({ create: 0, update: 0, rejected: 0, changes: 0 });
    expect(report.totals.unchanged).toBe(report.totals.records);
  });

  it('exports a filtered query to stdout as JSON', async () => {
    const { code, stdout } = await cli('export', ['--format', 'json', '--query', 'country=XK']);
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as { countries: string[] }[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.countries.includes('XK'))).toBe(true);
  });
});
