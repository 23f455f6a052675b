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
