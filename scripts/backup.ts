// npm run backup -- [--out <file>]     a consistent backup of the catalogue (database and files) while it runs
import { parseArgs } from 'node:util';
import { createBackup } from '@/lib/backup/backup';
import { describeDatabase } from '@/lib/database-url';
import { databaseUrl } from '@/lib/env';

const USAGE = 'Usage: npm run backup -- [--out <file>]   (default: backups/catalogue-<date and time>.tar)';

async function main(): Promise<number> {
  let out: string;
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', default: false } } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    out = values.out ?? `backups/catalogue-${new Date().toISOString().replace(/[:.]/g, '-')}.tar`;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const manifest = await createBackup(databaseUrl(), out);
  const { counts } = manifest;
  console.log(
    `Backed up ${describeDatabase(databaseUrl())} to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.publications} publications, ${counts.files} files, ${counts.users} staff accounts, change log at ${counts.lastChange}, schema ${manifest.migration}.`,
  );
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`Backup failed, nothing was written: ${error.message}`);
    process.exitCode = 1;
  },
);
