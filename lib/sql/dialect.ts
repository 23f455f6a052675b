import type { Provider } from '@/lib/database-url';
import type { Db } from '@/lib/prisma-client';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';

/** What search sees of a published publication: title, summary, and the names it is filed under. */
export type SearchText = { id: number; title: string; summary: string; names: string };

export type FilePiece = { fileId: number; start: number; length: number };
export type FilePieceText = FilePiece & { text: string; language: string | null };

/** A category or region with its French and Spanish names (null: not translated). */
export type TranslatedTaxon = { slug: string; name: string; nameFr?: string | null; nameEs?: string | null };

/**
 * What a results card shows of a published publication, names included: countries and regions by English
 * name (the database's collation), authors and languages in their stored order (the main language first).
 */
export type CardRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  year: number | null;
  category: TranslatedTaxon | null;
  countries: { code: string; name: string }[];
  regions: TranslatedTaxon[];
  authors: { slug: string; name: string }[];
  languages: string[];
};

/**
 * Everything that differs between SQLite and PostgreSQL, one implementation per database
 * (lib/sql/sqlite.ts, lib/sql/postgres.ts). Nothing else in the app writes dialect-specific SQL.
 */
export interface Dialect {
  /** The searchable text of every published publication, or of those with the given ids. */
  readSearchText(db: Db, ids?: number[]): Promise<SearchText[]>;
  /**
   * The cards of the published publications among `ids` (any order; drafts and missing ids are left out),
   * in one statement: a results page must not cost a query per relation.
   */
  readCards(db: Db, ids: number[]): Promise<CardRow[]>;
  /** Rewrites a publication's full-text row (removes it when the publication is a draft). */
  writeSearchRow(db: Db, id: number): Promise<void>;
  deleteSearchRow(db: Db, id: number): Promise<void>;
  /** Writes the full-text rows that only the app can compute (stems SQLite has no stemmer for); run after migrations. */
  completeSearchRows(db: Db): Promise<void>;
  /** Ids of the publications whose full-text row matches `q`, in the query language of lib/search/query.ts. */
  matchFullText(db: Db, q: string): Promise<number[]>;
  /**
   * Makes the rest of the transaction wait for every other transaction that serialised on `resource`
   * (held until commit or rollback). For invariants a row lock cannot hold: change-log appends must commit
   * in the order of their sequence numbers; "one active admin remains" spans rows; translation groups span rows;
   * a stored file may go only when no file row names it, and rows of several records can name one.
   */
  serialize(db: Db, resource: 'CatalogueChange' | 'admins' | 'translations' | 'files'): Promise<void>;
  /**
   * `length` bytes of the stored file from byte `start` (from 0), read in the database without reading the
   * rest of the file; null when there is no such file.
   */
  readStoredFilePiece(db: Db, sha256: string, start: number, length: number): Promise<Buffer | null>;
  /**
   * Pieces of files' text (`start`, `length` in code points, as the index gave them), each with its file's
   * language; only files of published records whose text is searchable. A results card reads its piece only:
   * never a whole document.
   */
  readFilePieces(db: Db, pieces: FilePiece[]): Promise<FilePieceText[]>;
  /** A Prisma string filter for "contains `text`, ignoring case" (typed as SQLite's, which has no `mode`). */
  contains(text: string): { contains: string };
}

const DIALECTS = { sqlite: sqliteDialect, postgresql: postgresDialect } satisfies Record<Provider, Dialect>;

/**
 * The dialect of the database `db` talks to (a client or a transaction; scripts and tests hold clients of
 * both kinds). Prisma keeps the provider of the generated client on every client and transaction as
 * `_activeProvider`.
 */
export function dialect(db: Db): Dialect {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error(`Unknown database provider ${String(provider)}`);
  return DIALECTS[provider];
}
