// npm run import -- <file> [--apply [--skip-rejected]] [--files <folder>] [--format listing|csv|json] [--status draft|published] [--json] [--full]
//
// Without --apply: a dry run that writes nothing and prints what the import would do. With --apply: every
// record written in one transaction, or none; with --skip-rejected, the records that can be written are (still
// one transaction) and the rejected ones left out. Exit code 0 when the import can go (or went) through, 1 when
// the file has problems or rejected records (or, with --skip-rejected, when nothing could be applied), 2 for a
// usage error.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeDatabase } from '@/lib/database-url';
import { databaseUrl } from '@/lib/env';
import { IMPORT_FORMATS, MAX_IMPORT_BYTES, runImport, type ImportProgress, type ImportReport } from '@/lib/import';
import { sizeProblem } from '@/lib/import/decode';
import { formatReport } from '@/lib/import/report-text';
import { createPrismaClient } from '@/lib/prisma-client';
import { seedTaxonomy } from '@/lib/taxonomy/seed';

const USAGE = `Usage: npm run import -- <file> [--apply [--skip-rejected]] [--files <folder>] [--format listing|csv|json] [--status draft|published] [--json] [--full] [--max-mb <n>]

  <file>            the source site's listing text, a CSV with a header row, or a JSON array
  --apply           write the records (one transaction); without it, a dry run that writes nothing
  --skip-rejected   with --apply: write the records that can be written and leave the rejected ones out
                    (by default one rejected record stops the whole file)
  --files           the folder the records' files column names files in (default: the import file's folder)
  --format          the file's format, when detection from its content is not wanted
  --status          status of the publications the import creates (default: published)
  --json            print the report as JSON
  --full            list every record in the text report (default: the first 200 of each kind)
  --max-mb          refuse files larger than this (default: ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`;

const ArgsSchema = z.object({
  file: z.string({ error: 'name the file to import' }).min(1, { error: 'name the file to import' }),
  apply: z.boolean(),
  skipRejected: z.boolean(),
  format: z.enum(IMPORT_FORMATS, { error: `--format must be one of ${IMPORT_FORMATS.join(', ')}` }).optional(),
  status: z.enum(['draft', 'published'], { error: '--status must be draft or published' }),
  json: z.boolean(),
  full: z.boolean(),
  files: z.string().min(1, { error: '--files must name a folder' }).optional(),
  maxBytes: z.coerce.number({ error: '--max-mb must be a number' }).positive({ error: '--max-mb must be a positive number' }).transform((mb) => mb * 1024 * 1024),
});

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        apply: { type: 'boolean', default: false },
        'skip-rejected': { type: 'boolean', default: false },
        format: { type: 'string' },
        status: { type: 'string', default: 'published' },
        json: { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        'max-mb': { type: 'string', default: String(MAX_IMPORT_BYTES / 1024 / 1024) },
        files: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (parsed.values.help) return { help: true as const };
  if (parsed.positionals.length > 1) return { error: `one file at a time (got ${parsed.positionals.length})` };
  const args = ArgsSchema.safeParse({
    file: parsed.positionals[0],
    apply: parsed.values.apply,
    skipRejected: parsed.values['skip-rejected'],
    format: parsed.values.format,
    status: parsed.values.status,
    json: parsed.values.json,
    full: parsed.values.full,
    maxBytes: parsed.values['max-mb'],
    files: parsed.values.files,
  });
  if (!args.success) return { error: args.error.issues.map((i) => i.message).join('; ') };
  if (args.data.skipRejected && !args.data.apply) return { error: '--skip-rejected goes with --apply (a dry run already lists what would be left out)' };
  return { args: args.data };
}

/** Progress on stderr for files of a thousand records or more: a line that rewrites itself on a terminal. */
function progressPrinter() {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let lastPrinted = 0;
  let lastPhase = '';
  return (p: ImportProgress) => {
    if (p.total < 1000) return;
    const now = Date.now();
    const finished = p.done === p.total;
    if (p.phase === lastPhase && !finished && now - lastPrinted < (tty ? 200 : 5000)) return;
    lastPrinted = now;
    lastPhase = p.phase;
    const percent = Math.floor((p.done / p.total) * 100);
    const line = `${p.phase.padEnd(9)} ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} (${percent}%) · ${((now - started) / 1000).toFixed(1)} s`;
    process.stderr.write(tty ? `\r${line}${finished ? '\n' : ''}` : `${line}\n`);
  };
}

function exitCode(report: ImportReport): number {
  if (report.mode === 'applied') return 0;
  return report.problems.length > 0 || report.totals.rejected > 0 || report.mode === 'aborted' ? 1 : 0;
}

async function main(): Promise<number> {
  const command = parseCommandLine();
  if ('help' in command) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in command) {
    console.error(`${command.error}\n\n${USAGE}`);
    return 2;
  }
  const { args } = command;
  const file = path.resolve(args.file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    console.error(`Cannot read ${file}: no such file.`);
    return 2;
  }
  // Refused before reading: the file may be far too large to hold in memory.
  const tooBig = size > args.maxBytes ? sizeProblem(size, args.maxBytes) : null;
  if (tooBig) {
    console.error(`${path.basename(file)}: ${tooBig.message} Nothing was written.`);
    return 1;
  }

  const database = describeDatabase(databaseUrl());
  const db = createPrismaClient();
  try {
    let taxonomy: number;
    try {
      taxonomy = await db.country.count();
    } catch {
      console.error(`The database ${database} is not ready (no tables): run \`npm run db:migrate\` first.`);
      return 2;
    }
    if (taxonomy === 0) {
      // Reference data, not samples: a database migrated before `db:migrate` loaded it gets it now.
      await seedTaxonomy(db);
      console.error(`Loaded the countries, regions and categories into ${database}, which had none.`);
    }
    if (size >= 1024 * 1024) console.error(`Reading ${path.basename(file)} (${(size / 1024 / 1024).toFixed(1)} MB)…`);
    const report = await runImport(db, readFileSync(file), {
      fileName: path.basename(file),
      format: args.format,
      apply: args.apply,
      skipRejected: args.skipRejected,
      status: args.status,
      maxBytes: args.maxBytes,
      filesDir: args.files ? path.resolve(args.files) : path.dirname(file),
      onProgress: progressPrinter(),
    });
    if (args.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(formatReport(report, { limit: args.full ? Infinity : 200 }));
      const writes = report.totals.create + report.totals.update;
      if (report.mode === 'dry-run' && exitCode(report) === 0 && writes > 0) {
        console.log('\nRun again with --apply to write these changes.');
      } else if (report.mode === 'dry-run' && report.problems.length === 0 && report.totals.rejected > 0 && writes > 0) {
        console.log('\nFix the rejected records and run again, or run again with --apply --skip-rejected to write the others without them.');
      }
    }
    return exitCode(report);
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
