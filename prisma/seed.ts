import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normalizePublications } from '@/lib/normalize';
import { createPrismaClient, type PrismaClient } from '@/lib/prisma-client';
import { upsertPublication } from '@/lib/publications/save';
import { publicationSlug } from '@/lib/publications/slug';
import { seedTaxonomy } from '@/lib/taxonomy/seed';
import { PublicationRecordSchema, type PublicationRecord } from '@/lib/validation/publication';

const SEED_FILE = fileURLToPath(new URL('./seed-data/publications.json', import.meta.url));

/** The sample publications, through the normalizer like every other source; they are canonical, so it must find nothing to do. */
export function readSeedPublications(file = SEED_FILE): PublicationRecord[] {
  const records = z.array(PublicationRecordSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
  const results = normalizePublications(records);
  const problems = results.flatMap(({ findings, errors }, i) => [
    ...findings.changes.map((c) => `${c.field} “${c.from}” → ${c.to} (${c.reason})`),
    ...findings.unresolved.map((u) => `${u.field} “${u.value}”: ${u.reason}`),
    ...errors.map((e) => `${e.field}: ${e.message}`),
  ].map((problem) => `${records[i]!.title}: ${problem}`));
  if (problems.length > 0) throw new Error(`The sample data is not canonical; fix ${file}:\n${problems.join('\n')}`);
  return results.map(({ record }) => ({ ...record, category: record.category ?? null, languages: record.languages ?? [], url: record.url ?? null }));
}

/** Loads the taxonomy and the sample publications; running it again changes nothing. */
export async function seedDatabase(db: PrismaClient, publications = readSeedPublications()): Promise<number> {
  await seedTaxonomy(db);
  // Slugs are assigned in file order, so every run gives each record the same one.
  const slugs = new Set<string>();
  await db.$transaction(async (tx) => {
    for (const publication of publications) {
      const slug = publicationSlug(publication.title, publication.year, (s) => slugs.has(s));
      slugs.add(slug);
      await upsertPublication(tx, { ...publication, slug });
    }
  }, { timeout: 60_000 });
  return publications.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const db = createPrismaClient();
  const count = await seedDatabase(db);
  await db.$disconnect();
  console.log(`Seeded ${count} sample publications.`);
}
