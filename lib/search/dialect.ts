import { databaseProvider } from '@/lib/env';
import type { Db } from '@/lib/prisma-client';
import { postgresSearch } from './postgres';
import { sqliteSearch } from './sqlite';

/** What search sees of a published publication: title, summary, and the names it is filed under. */
export type SearchText = { id: number; title: string; summary: string; names: string };

/**
 * Everything that differs between SQLite and PostgreSQL, one implementation per database
 * (lib/search/sqlite.ts, lib/search/postgres.ts). Nothing else in the app writes dialect-specific SQL.
 */
export interface Dialect {
  /** The searchable text of every published publication, or of those with the given ids. */
  readSearchText(db: Db, ids?: number[]): Promise<SearchText[]>;
  /** Rewrites a publication's full-text row (removes it when the publication is a draft). */
  writeSearchRow(db: Db, id: number): Promise<void>;
  deleteSearchRow(db: Db, id: number): Promise<void>;
  /** Ids of the publications whose full-text row matches `q`, in the query language of lib/search/query.ts. */
  matchFullText(db: Db, q: string): Promise<number[]>;
  /**
   * Called in a write's transaction before it appends to the change log: appends must commit in the order
   * of their sequence numbers, or a reader that has seen seq n could miss a later-committing n-1.
   */
  lockChangeLog(db: Db): Promise<void>;
  /** A Prisma string filter for "contains `text`, ignoring case" (typed as SQLite's, which has no `mode`). */
  contains(text: string): { contains: string };
}

const DIALECTS = { sqlite: sqliteSearch, postgresql: postgresSearch } satisfies Record<string, Dialect>;

/** The dialect of the database this process talks to. */
export function dialect(): Dialect {
  return DIALECTS[databaseProvider()];
}
