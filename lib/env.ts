import { z } from 'zod';
import { databaseName, providerOf, sqliteFilePath, type Provider } from './database-url.ts';

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
  /** The HTTP server (server.ts): port and interface; every interface when HOSTNAME is unset. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().trim().min(1).optional(),
  /** Memory for the public response cache, in MB; 0 turns it off. */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(65536).default(64),
  /** How long a CDN may serve a public page without asking again (s-maxage), and keep serving it while it asks. */
  CDN_MAX_AGE: z.coerce.number().int().min(0).default(10),
  CDN_STALE_WHILE_REVALIDATE: z.coerce.number().int().min(0).default(60),
  /** Expensive anonymous requests (exports, deep pages, feeds with many filters) per client and minute, and the burst allowed. */
  EXPENSIVE_REQUESTS_PER_MINUTE: z.coerce.number().min(1).default(30),
  EXPENSIVE_REQUESTS_BURST: z.coerce.number().int().min(1).default(10),
  /**
   * Where the search index snapshot lives (lib/search/snapshot.ts), or "off". Default beside the SQLite file or data/search-index.<database>.snapshot,
   * off under tests (each test file has its own database).
   */
  SEARCH_SNAPSHOT_FILE: z.string().trim().min(1).optional(),
  /**
   * Where attached files' bytes live (lib/files/storage.ts): "local" (a folder, FILES_DIR) or "database" (the
   * catalogue's database, shared by every app server).
   */
  FILE_STORE: z.enum(['local', 'database']).default('local'),
  /** The local store's folder; default beside the SQLite file (<file>.files) or data/files.<database> for PostgreSQL. */
  FILES_DIR: z.string().trim().min(1).optional(),
  /** The largest file staff may attach, in MB. */
  FILE_MAX_MB: z.coerce.number().positive().max(1024).default(50),
  /** Text extraction and cover rendering of one file: time and memory it may take before it is stopped. */
  FILE_EXTRACT_SECONDS: z.coerce.number().positive().default(60),
  FILE_EXTRACT_MEMORY_MB: z.coerce.number().int().min(64).default(512),
  /** 1: `npm start` may create the database and load the sample data (the catalogue's first start); see scripts/prepare-db.ts. */
  CATALOGUE_FIRST_RUN: z.enum(['0', '1']).default('0'),
  /** Addresses (exact, comma-separated) that may read /metrics without a token; the machine itself by default. */
  METRICS_ALLOW: z
    .string()
    .default('127.0.0.1,::1,::ffff:127.0.0.1')
    .transform((list) => list.split(',').map((a) => a.trim()).filter(Boolean)),
  /** A bearer token that reads /metrics from anywhere (Authorization: Bearer <token>); none by default. */
  METRICS_TOKEN: z.string().min(16, { error: 'METRICS_TOKEN must be at least 16 characters' }).optional(),
  /** Failed sign-ins one address may make across accounts in 15 minutes (lib/auth/rate-limit.ts). */
  SIGN_IN_ADDRESS_FAILURES: z.coerce.number().int().min(1).default(20),
  /** Days sign-in attempts are kept (for the record; the limits need only the last 15 minutes). */
  SIGN_IN_ATTEMPT_RETENTION_DAYS: z.coerce.number().min(1).default(90),
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

/**
 * Beside the SQLite file it indexes, or for PostgreSQL under data/ by database name: two catalogues on one
 * machine (the sample, the end-to-end tests) must not take turns overwriting one snapshot.
 */
function defaultSearchSnapshotFile(): string {
  const url = databaseUrl();
  return providerOf(url) === 'sqlite' ? `${sqliteFilePath(url)}.search-index` : `data/search-index.${databaseName(url).replace(/[^\w-]/g, '_')}.snapshot`;
}

/** The search index snapshot's path, or null when snapshots are off. */
export function searchSnapshotFile(): string | null {
  const file = env.SEARCH_SNAPSHOT_FILE ?? (env.NODE_ENV === 'test' ? 'off' : defaultSearchSnapshotFile());
  return file === 'off' ? null : file;
}

/** The local file store's folder (lib/files/storage.ts), per database like the snapshot: test databases share no files. */
export function filesDir(): string {
  if (env.FILES_DIR) return env.FILES_DIR;
  const url = databaseUrl();
  return providerOf(url) === 'sqlite' ? `${sqliteFilePath(url)}.files` : `data/files.${databaseName(url).replace(/[^\w-]/g, '_')}`;
}
