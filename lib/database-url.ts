// What a database URL says, without side effects: lib/env.ts reads process.env when first imported, and
// the test set-up, scripts and the benchmark must work on URLs before (or without) that.
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

/** Which database a URL names: SQLite for file:, PostgreSQL for postgres:// and postgresql://. */
export function providerOf(url: string): Provider | null {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  return null;
}

/** Absolute path of the SQLite file; relative `file:` paths resolve from the project root (the working directory). */
export function sqliteFilePath(url: string): string {
  const file = url.slice('file:'.length);
  // The path is chosen at run time, so the build must not trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/**
 * A PostgreSQL URL naming another database on the same server. Names are letters, digits, _ and - only:
 * node-postgres decodes the path with decodeURI, which would leave an escaped / ? # … as written.
 */
export function withDatabase(url: string, database: string): string {
  if (!/^[\w-]+$/.test(database)) throw new Error(`Database name must be letters, digits, _ or -: ${JSON.stringify(database)}`);
  const other = new URL(url);
  other.pathname = `/${database}`;
  return other.toString();
}

/** The database a PostgreSQL URL names (decoded as node-postgres decodes it). */
export function databaseName(url: string): string {
  return decodeURI(new URL(url).pathname.slice(1));
}

/** How to name a database in messages: the SQLite file's path, or the URL without its password. */
export function describeDatabase(url: string): string {
  if (providerOf(url) === 'sqlite') return path.relative(process.cwd(), sqliteFilePath(url)) || sqliteFilePath(url);
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return shown.toString();
}
