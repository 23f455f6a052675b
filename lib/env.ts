import path from 'node:path';
import { z } from 'zod';

// The only module that reads process.env.
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .optional()
    .refine((url) => url === undefined || url.startsWith('file:'), {
      error: 'DATABASE_URL must be a file: URL (SQLite), e.g. file:./data/catalogue.db',
    }),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Public origin, e.g. https://catalogue.example.org; https here makes cookies Secure and turns on HSTS. */
  SITE_URL: z.url().optional(),
  /** Set to 1 behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Read by `npm run user:create` instead of asking on the terminal. */
  CATALOGUE_PASSWORD: z.string().optional(),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = parsed.data;

export const DEFAULT_DATABASE_URL = 'file:./data/catalogue.db';

/** Absolute path of the SQLite file; relative `file:` paths resolve from the project root (the working directory). */
export function sqliteFilePath(url: string = env.DATABASE_URL ?? DEFAULT_DATABASE_URL): string {
  const file = url.slice('file:'.length);
  // The path is chosen at run time, so the build must not trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
