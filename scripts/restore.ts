// npm run restore -- <file>     restores a backup into the empty database DATABASE_URL names (and its files)
import { existsSync } from 'node:fs';
import { RestoreRefused, restoreBackup } from '@/lib/backup/backup';
import { describeDatabase } from '@/lib/database-url';
import { databaseUrl } from '@/lib/env';

const USAGE = 'Usage: npm run restore -- <backup file>   (into the empty database DATABASE_URL names)';

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] === '--help') {
    console.error(USAGE);
    return args[0] === '--help' ? 0 : 2;
  }
  const file = args[0]!;
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  try {
    const manifest = await restoreBackup(file, databaseUrl());
    const { counts } = manifest;
    console.log(
      `Restored ${file} (taken ${manifest.createdAt}) into ${describeDatabase(databaseUrl())}: ${counts.publications} publications, ${counts.files} files, ${counts.users} staff accounts, change log at ${counts.lastChange}. Start the catalogue: its search index is rebuilt from the restored database.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`Restore refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`Restore failed: ${error.message}`);
    process.exitCode = 1;
  },
);
