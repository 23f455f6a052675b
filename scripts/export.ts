// npm run export -- --format csv|json [--out file] [--query "country=RS&yearFrom=2015"]
//
// The catalogue's result set for a query (default: everything published), streamed to a file or to stdout,
// in the same format as GET /api/publications.csv|json — and as the import reads it back.
// Runs with React's server conditions (see package.json), because lib/data/catalogue.ts is server-only.
import { createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseCatalogueParams } from '@/lib/catalogue/params';
import { listAllPublications } from '@/lib/data/catalogue';
import { prisma } from '@/lib/db';
import { EXPORT_FORMATS, exportStream } from '@/lib/export/stream';

const USAGE = 'Usage: npm run export -- --format csv|json [--out <file>] [--query "<catalogue parameters>"]';

const ArgsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: '--format must be csv or json' }),
  out: z.string().min(1).optional(),
  query: z.string().default(''),
});

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' }, query: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const args = ArgsSchema.safeParse(values);
  if (!args.success) {
    console.error(`${args.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`);
    return 2;
  }
  const { format, out, query } = args.data;
  const params = parseCatalogueParams(new URLSearchParams(query.replace(/^\?/, '')));
  const started = performance.now();
  let written = 0;
  const stream = exportStream(format, listAllPublications(params), {
    onRecords: (count) => {
      written = count;
      if (out && process.stderr.isTTY) process.stderr.write(`\rexported ${count.toLocaleString('en')} publications`);
    },
  });
  const target: Writable = out ? createWriteStream(out) : process.stdout;
  await pipeline(Readable.fromWeb(stream as unknown as NodeReadableStream<Uint8Array>), target);
  if (out) {
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.error(`Exported ${written.toLocaleString('en')} publications to ${out} in ${Math.round(performance.now() - started)} ms.`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} finally {
  await prisma.$disconnect();
}
