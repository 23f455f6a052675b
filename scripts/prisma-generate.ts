// `prisma generate` that also works offline (postinstall, build).
// Every Prisma CLI command first makes sure the Rust schema-engine binary is there and downloads it
// when it is not; offline that fails although `generate` never runs it. When no binary is installed
// and none is configured, point PRISMA_SCHEMA_ENGINE_BINARY at a stand-in so the CLI skips the download.
// With internet the binary is installed by npm (@prisma/engines' postinstall) and is left alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { POSTGRES_SCHEMA_PATH, schemaFor } from '../lib/prisma-schema.ts';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');

/** Prisma downloads the engine next to the @prisma/engines the CLI uses, as `schema-engine-<target>`. */
function engineBinaryInstalled(): boolean {
  try {
    const engines = path.dirname(createRequire(cli).resolve('@prisma/engines/package.json'));
    return readdirSync(engines).some((name) => name.startsWith('schema-engine-'));
  } catch {
    return false;
  }
}

const env = { ...process.env };
const configured = env.PRISMA_SCHEMA_ENGINE_BINARY || env.PRISMA_MIGRATION_ENGINE_BINARY;
if (!configured && !engineBinaryInstalled()) {
  // Any existing path will do: `generate` does not start the engine.
  env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync('/bin/false') ? '/bin/false' : process.execPath;
}

// Two clients from the one data model: SQLite (prisma/schema.prisma) and PostgreSQL (derived from it).
mkdirSync(path.dirname(POSTGRES_SCHEMA_PATH), { recursive: true });
writeFileSync(POSTGRES_SCHEMA_PATH, schemaFor('postgresql'));
for (const schema of [[], ['--schema', POSTGRES_SCHEMA_PATH]]) {
  const result = spawnSync(process.execPath, [cli, 'generate', ...schema, ...process.argv.slice(2)], { stdio: 'inherit', env });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}
