import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqliteFilePath } from '@/lib/database-url';

/**
 * The catalogue's state as one string: the newest CatalogueChange (its sequence and time, so that a
 * database restored to an older history, whose numbers come round again, reads differently). Every write
 * to what public pages show appends a change in the same transaction (lib/publications/changes.ts), so two reads that
 * return the same version saw the same catalogue. Read from the primary, on every request the cache
 * answers: that is what makes a saved edit show on the next request on every instance.
 */
export type VersionReader = { read(): Promise<string>; close(): Promise<void> };

const LATEST = 'SELECT seq, "createdAt" AS at FROM "CatalogueChange" ORDER BY seq DESC LIMIT 1';

type Row = { seq: number; at: unknown } | undefined;
const versionOf = (row: Row) => (row ? `${row.seq}.${row.at instanceof Date ? row.at.getTime() : String(row.at)}` : '0');

export function versionReader(databaseUrl: string): VersionReader {
  if (providerOf(databaseUrl) === 'sqlite') {
    // better-sqlite3 answers this indexed lookup in microseconds, synchronously: no need to share reads.
    const db = new Database(sqliteFilePath(databaseUrl), { readonly: true, fileMustExist: true, timeout: 5_000 });
    const latest = db.prepare(LATEST);
    return {
      read: async () => versionOf(latest.get() as Row),
      close: async () => void db.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 60_000 });
  const query = () => pool.query({ name: 'catalogue-version', text: LATEST }).then((r) => versionOf(r.rows[0] as Row));
  // One round trip at a time, shared by every request that arrived while the previous one was out: each
  // caller still gets a read that started after it asked, so the answer is never older than its request.
  let inFlight: Promise<string> | null = null;
  let queued: Promise<string> | null = null;
  const read = (): Promise<string> => {
    if (!inFlight) {
      inFlight = query().finally(() => (inFlight = null));
      return inFlight;
    }
    queued ??= inFlight
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return read();
      });
    return queued;
  };
  return { read, close: () => pool.end() };
}
