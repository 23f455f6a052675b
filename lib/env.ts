import { z } from 'zod';
import { providerOf, type Provider } from './database-url.ts';

// The only module that reads process.env.
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .optional()
    .refine((url) => url === undefined || providerOf(url) !== null, {
      error: 'DATABASE_URL must be a file: URL (SQLite, e.g. file:./data/catalogue.db) or a postgres:// or postgresql:// URL',
    }),
  /** Comma-separated PostgreSQL URLs of read replicas: public reads go there, writes and staff reads to DATABASE_URL. */
  DATABASE_REPLICA_URLS: z
    .string()
    .trim()
    .optional()
    .transform((list) => (list ? list.split(',').map((url) => url.trim()).filter(Boolean) : []))
    .refine((urls) => urls.every((url) => providerOf(url) === 'postgresql'), {
      error: 'DATABASE_REPLICA_URLS must list postgres:// or postgresql:// URLs, separated by commas',
    }),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Public origin, e.g. https://catalogue.example.org; https here makes cookies Secure and turns on HSTS. */
  SITE_URL: z.url().optional(),
  /** Set to 1 behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** OAI-PMH Identify's adminEmail; defaults to admin@<the site's host name>. */
  OAI_ADMIN_EMAIL: z.email().optional(),
  /** Signs OAI-PMH resumption tokens (any string; every instance must share it). Optional: see lib/oai/token.ts. */
  OAI_TOKEN_SECRET: z.string().min(1).optional(),
  /**
   * Where the search index snapshot lives (lib/search/snapshot.ts), or "off". Default data/search-index.snapshot,
   * off under tests (each test file has its own database).
   */
  SEARCH_SNAPSHOT_FILE: z.string().trim().min(1).optional(),
  /** Read by `npm run user:create` instead of asking on the terminal. */
  CATALOGUE_PASSWORD: z.string().optional(),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = parsed.data;

export const DEFAULT_DATABASE_URL = 'file:./data/catalogue.db';

/** The primary database's URL. */
export function databaseUrl(): string {
  return env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** The provider of the database this process talks to (a process talks to one kind of database). */
export function databaseProvider(): Provider {
  return providerOf(databaseUrl())!;
}

export const DEFAULT_SEARCH_SNAPSHOT_FILE = 'data/search-index.snapshot';

/** The search index snapshot's path, or null when snapshots are off. */
export function searchSnapshotFile(): string | null {
  const file = env.SEARCH_SNAPSHOT_FILE ?? (env.NODE_ENV === 'test' ? 'off' : DEFAULT_SEARCH_SNAPSHOT_FILE);
  return file === 'off' ? null : file;
}
