// Read replicas (PostgreSQL): public reads go to a replica, writes and staff reads (read-after-write) to
// the primary. A real streaming hot standby of the test cluster (scripts/postgres.sh replica) is paused
// while the test writes, so what each server has seen tells where every read went.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseName, withDatabase } from '@/lib/database-url';
import { testProvider } from '@/tests/setup/databases';

vi.mock('next/headers', async () => (await import('./helpers/request-context')).nextHeaders);

const onPostgres = testProvider() === 'postgresql';
const replicaServer = process.env.TEST_POSTGRES_REPLICA_URL;
const primaryUrl = process.env.DATABASE_URL!;
/** This file's database (copied on the primary by tests/setup), as the standby serves it. */
const replicaUrl = onPostgres && replicaServer ? withDatabase(replicaServer, databaseName(primaryUrl)) : '';
if (replicaUrl) process.env.DATABASE_REPLICA_URLS = replicaUrl;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Until the standby has replayed everything the primary has written (its WAL position now). */
async function replicaCaughtUp(): Promise<void> {
  const [{ lsn } = { lsn: '' }] = await query<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
  for (let i = 0; i < 200; i++) {
    const [row] = await query<{ done: boolean }>(replicaServer!, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`);
    if (row?.done) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the replica did not catch up within 10 s');
}

describe.runIf(onPostgres)('read replicas (DATABASE_REPLICA_URLS)', () => {
  beforeAll(async () => {
    if (!replicaServer) throw new Error('TEST_POSTGRES_REPLICA_URL is not set: scripts/test-all.sh starts a replica with scripts/postgres.sh replica');
    await replicaCaughtUp();
  });
  afterAll(async () => {
    if (replicaServer) await query(replicaServer, 'SELECT pg_wal_replay_resume()');
  });

  it('public reads come from the replica, writes and staff reads from the primary', async () => {
    const { parseCatalogueParams } = await import('@/lib/catalogue/params');
    const { getPublication, publicationState, searchPublications } = await import('@/lib/data/catalogue');
    const { prisma } = await import('@/lib/db');
    const { createPublication } = await import('@/lib/publications/admin');
    const { PublicationFormSchema, readPublicationForm } = await import('@/lib/validation/publication-form');
    const { publicationFormData } = await import('./helpers/publication-form');
    const { signInAs, signOut } = await import('./helpers/request-context');
    const search = async (q: string) => (await searchPublications(parseCatalogueParams(new URLSearchParams({ q })))).total;

    // Both have the sample catalogue; the index is built from the replica.
    expect(await search('trafficking')).toBeGreaterThan(0);

    // Freeze the replica, then write through the app.
    await query(replicaServer!, 'SELECT pg_wal_replay_pause()');
    const editor = await signInAs('editor');
    signOut();
    const form = PublicationFormSchema.parse(readPublicationForm(publicationFormData({ title: 'Quokkabay shelter audit', status: 'published' })));
    const created = await createPublication(prisma, editor, form);
    if (!created.ok) throw new Error(JSON.stringify(created));
    // The write reached the primary only.
    expect(await query(primaryUrl, `SELECT 1 FROM "Publication" WHERE slug = '${created.slug}'`)).toHaveLength(1);
    expect(await query(replicaUrl, `SELECT 1 FROM "Publication" WHERE slug = '${created.slug}'`)).toHaveLength(0);

    // A reader without a session reads the replica: the new publication is not there yet.
    expect(await search('quokkabay')).toBe(0);
    expect(await getPublication(created.slug)).toBeNull();
    expect(await publicationState(created.slug, { ownWrites: false })).toBe('missing');

    // Staff read their own write: from the primary.
    await signInAs('editor');
    expect(await search('quokkabay')).toBe(1);
    expect((await getPublication(created.slug))?.title).toBe('Quokkabay shelter audit');
    expect(await publicationState(created.slug, { ownWrites: true })).toBe('published');

    // The public again, while the replica still lags: the index (fed from the primary by the staff read)
    // knows the publication; its row comes from the primary rather than going missing from the page.
    signOut();
    const page = await searchPublications(parseCatalogueParams(new URLSearchParams({ q: 'quokkabay' })));
    expect(page.items.map((i) => i.slug)).toEqual([created.slug]);

    // Once the replica has replayed the write, public reads find it there.
    await query(replicaServer!, 'SELECT pg_wal_replay_resume()');
    await replicaCaughtUp();
    expect(await getPublication(created.slug)).not.toBeNull();
  });
});
