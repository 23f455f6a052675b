// One data model, two providers. prisma/schema.prisma (SQLite) is the only schema anyone edits; the
// PostgreSQL schema is derived from it here, for `prisma generate` (scripts/prisma-generate.ts) and for
// writing PostgreSQL migrations (lib/migrate.ts). The model uses only types and attributes both
// providers map the same way (no @db.* native types), so the provider line and the client's output
// folder are the only differences.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provider } from './database-url.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_PATH = path.join(ROOT, 'prisma/schema.prisma');
/** Where the derived PostgreSQL schema is written (git-ignored, like the clients). */
export const POSTGRES_SCHEMA_PATH = path.join(ROOT, 'lib/generated/postgresql.prisma');

/** The schema text for `provider`, with paths relative to `POSTGRES_SCHEMA_PATH` for PostgreSQL. */
export function schemaFor(provider: Provider, source: string = readFileSync(SCHEMA_PATH, 'utf8')): string {
  if (provider === 'sqlite') return source;
  if (/@db\./.test(source)) throw new Error('prisma/schema.prisma must not use native types (@db.*): both providers share it.');
  const swap = (pattern: RegExp, replacement: string) => {
    if (!pattern.test(source)) throw new Error(`prisma/schema.prisma: expected to find ${pattern}`);
    source = source.replace(pattern, replacement);
  };
  swap(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  swap(/(output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"./prisma-postgresql"');
  return `// Generated from prisma/schema.prisma by lib/prisma-schema.ts: do not edit.\n${source}`;
}
