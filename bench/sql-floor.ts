// The floor: each matrix query answered by the database alone, without Prisma or the in-memory index:
// total count, the disjunctive count of every facet (each facet counted under every filter but its own,
// top 50 values as the app lists), and the 20-row page in the app's order. SQLite through better-sqlite3
// (text through the FTS5 table with MATCH, ranked by bm25), PostgreSQL through node-postgres (text through
// the tsvector's GIN index with @@, ranked by ts_rank); the rest is the same SQL on both. Plain SQL as one
// would first write it (statements prepared once, the SQLite file memory-mapped, the page's wide rows read
// last), not hand-tuned: a ratio below 1 means the app beats straightforward SQL. Each query runs 2
// warm-ups, then up to --runs times within FLOOR_BUDGET_MS (at least 5).
import Database from 'better-sqlite3';
import pg from 'pg';
import { PAGE_SIZE, parseCatalogueParams, type CatalogueParams } from '@/lib/catalogue/params';
import { Prisma } from '@/lib/generated/prisma/client';
import { rankingQuery, tsqueryCondition } from '@/lib/sql/postgres';
import { percentiles, queryMatrix, type BenchQuery, type Percentiles } from './matrix';

export type FloorResult = { name: string; total: number; floor: Percentiles };

type Sql = Prisma.Sql;
type FacetKey = 'country' | 'region' | 'category' | 'author' | 'year';
type Rows = Record<string, unknown>[];

const { sql, join, raw } = Prisma;
const FACET_LIMIT = 50;

/**
 * What differs between the databases: how text matches and ranks, and how a statement runs. Everything
 * else (facets, counts, the page) is the same SQL on both, written once with Prisma's sql tag, which
 * numbers the parameters for each (`?` for SQLite, `$1` for PostgreSQL).
 */
type FloorDialect = {
  /** Publications whose text matches the query, as a condition on `p`. */
  matches(query: BenchQuery, params: CatalogueParams): Sql;
  /** The relevance page before its LIMIT: matching ids with "score" and "y" under the other `conditions`, and its order. */
  ranked(query: BenchQuery, params: CatalogueParams, conditions: Sql[]): { inner: Sql; order: string };
  /** Prepares a statement once; each call runs it. */
  prepare(statement: Sql): () => Rows | Promise<Rows>;
  close(): Promise<void>;
};

/** SQLite through better-sqlite3: FTS5 MATCH, ranked by bm25. */
function sqliteFloor(file: string): FloorDialect {
  const db = new Database(file, { readonly: true });
  // Map the file instead of copying pages through SQLite's small default cache: the floor gets the fastest
  // reads SQLite offers without changing the schema.
  db.pragma('mmap_size = 4294967296');
  return {
    // A bare MATCH on "PublicationSearch": French and Spanish files (and titles) are matched in tables of their
    // own (lib/sql/sqlite.ts), which this straightforward SQL leaves out, so its counts can be lower (≠).
    matches: (query) => sql`p."id" IN (SELECT rowid FROM "PublicationSearch" WHERE "PublicationSearch" MATCH ${query.fts})`,
    // Relevance as the app ranks it: BM25 with title 4, summary 1, names 2, files 0.25 (the FTS5 columns' order).
    ranked: (query, _params, conditions) => ({
      inner: sql`SELECT p."id", bm25("PublicationSearch", 4.0, 1.0, 2.0, 0.25) AS "score", p."year" AS "y"
         FROM "PublicationSearch" JOIN "Publication" p ON p."id" = "PublicationSearch".rowid
         ${where([sql`"PublicationSearch" MATCH ${query.fts}`, ...conditions])}`,
      order: `"score", "y" DESC`,
    }),
    prepare: (statement) => {
      const prepared = db.prepare(statement.sql);
      return () => prepared.all(...statement.values) as Rows;
    },
    close: async () => {
      db.close();
    },
  };
}

/**
 * PostgreSQL through node-postgres (one connection, named prepared statements): the tsvector's GIN index
 * with the app's own translation of the query (lib/sql/postgres.ts), ranked by ts_rank.
 */
async function postgresFloor(url: string): Promise<FloorDialect> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let statements = 0;
  const text = (params: CatalogueParams) => tsqueryCondition(params.q)!;
  return {
    matches: (_query, params) => sql`p."id" IN (SELECT "id" FROM "PublicationSearch" WHERE ${text(params)})`,
    // ts_rank's weights are {D, C, B, A}: names (C) 2, summary (B) 1, title (A) 4, scaled to at most 1.
    ranked: (_query, params, conditions) => ({
      inner: sql`SELECT p."id", ts_rank('{0.0625, 0.5, 0.25, 1}', s."document", ${rankingQuery(params.q)!}) AS "score", p."year" AS "y"
         FROM "PublicationSearch" s JOIN "Publication" p ON p."id" = s."id"
         ${where([text(params), ...conditions])}`,
      order: `"score" DESC, "y" DESC NULLS LAST`,
    }),
    prepare: (statement) => {
      const name = `floor_${++statements}`;
      return async () => (await client.query({ name, text: statement.text, values: statement.values })).rows as Rows;
    },
    close: () => client.end(),
  };
}

/** What the app shows: published publications only (drafts are for staff). */
const PUBLISHED = sql`p."status" = 'published'`;

/** The year range: applies to every count, like the text. */
function rangeConditions(params: CatalogueParams): Sql[] {
  const out: Sql[] = [];
  if (params.yearFrom !== null) out.push(sql`p."year" >= ${params.yearFrom}`);
  if (params.yearTo !== null) out.push(sql`p."year" <= ${params.yearTo}`);
  return out;
}

/** One condition per selected facet; values within a facet are OR'd. Slugs resolve in SQL, as part of the work. */
function facetConditions(params: CatalogueParams): Map<FacetKey, Sql> {
  const out = new Map<FacetKey, Sql>();
  const { country, region, category, author, year } = params;
  if (country.length)
    out.set('country', sql`p."id" IN (SELECT "publicationId" FROM "PublicationCountry" WHERE "countryCode" IN (${join(country)}))`);
  if (region.length)
    // A region matches publications tagged with it or with one of its member countries.
    out.set(
      'region',
      sql`p."id" IN (
        SELECT pr."publicationId" FROM "PublicationRegion" pr JOIN "Region" r ON r."id" = pr."regionId" WHERE r."slug" IN (${join(region)})
        UNION
        SELECT pc."publicationId" FROM "PublicationCountry" pc JOIN "CountryRegion" cr ON cr."countryCode" = pc."countryCode"
          JOIN "Region" r ON r."id" = cr."regionId" WHERE r."slug" IN (${join(region)}))`,
    );
  if (category.length)
    out.set('category', sql`p."categoryId" IN (SELECT "id" FROM "Category" WHERE "slug" IN (${join(category)}))`);
  if (author.length)
    out.set(
      'author',
      sql`p."id" IN (SELECT pa."publicationId" FROM "PublicationAuthor" pa JOIN "Author" a ON a."id" = pa."authorId" WHERE a."slug" IN (${join(author)}))`,
    );
  if (year.length) out.set('year', sql`p."year" IN (${join(year)})`);
  return out;
}

const where = (conditions: Sql[]) => (conditions.length ? sql`WHERE ${join(conditions, ' AND ')}` : Prisma.empty);

/** Rows (publication, facet value) to count for each facet. */
const FACET_ROWS: Record<FacetKey, { from: string; value: string }> = {
  country: { from: `"PublicationCountry" f JOIN "Publication" p ON p."id" = f."publicationId"`, value: `f."countryCode"` },
  // Tagged regions and the regions of the publication's countries, each publication counted once per region.
  region: {
    from: `(SELECT "publicationId", "regionId" FROM "PublicationRegion"
            UNION
            SELECT pc."publicationId", cr."regionId" FROM "PublicationCountry" pc
              JOIN "CountryRegion" cr ON cr."countryCode" = pc."countryCode") f
           JOIN "Publication" p ON p."id" = f."publicationId"`,
    value: `f."regionId"`,
  },
  category: { from: `"Publication" p`, value: `p."categoryId"` },
  author: { from: `"PublicationAuthor" f JOIN "Publication" p ON p."id" = f."publicationId"`, value: `f."authorId"` },
  year: { from: `"Publication" p`, value: `p."year"` },
};

/** The statements answering one query, prepared once; running them all is one timed sample. */
function prepareQuery(dialect: FloorDialect, query: BenchQuery): { run: () => Promise<number> } {
  const params = parseCatalogueParams(new URLSearchParams(query.search));
  const range = rangeConditions(params);
  // Conditions every count shares: published, the text, the year range.
  const base = [PUBLISHED, ...(query.fts ? [dialect.matches(query, params)] : []), ...range];
  const facets = facetConditions(params);
  const all = where([...base, ...facets.values()]);

  const total = dialect.prepare(sql`SELECT count(*) AS "total" FROM "Publication" p ${all}`);
  const counts = (Object.keys(FACET_ROWS) as FacetKey[]).map((facet) => {
    // Disjunctive counting: every other facet's selection applies, this facet's own does not.
    const others = [...facets].filter(([other]) => other !== facet).map(([, c]) => c);
    const { from, value } = FACET_ROWS[facet];
    return dialect.prepare(
      sql`SELECT ${raw(value)} AS "value", count(*) AS "count" FROM ${raw(from)}
       ${where([...base, ...others, sql`${raw(value)} IS NOT NULL`])}
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${raw(String(FACET_LIMIT))}`,
    );
  });

  const offset = (params.page - 1) * PAGE_SIZE;
  // Order ids first and read the wide rows (summaries) of the 20 on the page only, keeping their order.
  const pageRows = ({ inner, order }: { inner: Sql; order: string }) =>
    sql`SELECT p."id", p."slug", p."title", p."summary", p."year"
     FROM (${inner} ORDER BY ${raw(order)} LIMIT ${raw(String(PAGE_SIZE))} OFFSET ${raw(String(offset))}) page
     JOIN "Publication" p ON p."id" = page."id"
     ORDER BY ${raw(order)}`;
  const page = dialect.prepare(
    pageRows(
      query.fts && params.sort === 'relevance'
        ? dialect.ranked(query, params, [PUBLISHED, ...range, ...facets.values()])
        : {
            inner: sql`SELECT p."id", p."year" AS "y", p."title" AS "t" FROM "Publication" p ${all}`,
            order: `"y" DESC NULLS LAST, "t"`,
          },
    ),
  );

  return {
    run: async () => {
      const [row] = await total();
      for (const count of counts) await count();
      await page();
      return Number(row!.total);
    },
  };
}

/** Floor runs stop after this much timed work per query: at N = 100,000 a run takes up to a second. */
export const FLOOR_BUDGET_MS = 5000;
const FLOOR_WARMUP_RUNS = 2;
const FLOOR_MIN_RUNS = 5;

export type FloorDatabase = { sqliteFile: string } | { postgresUrl: string };

export async function runSqlFloor(database: FloorDatabase, n: number, runs: number, log: (line: string) => void): Promise<FloorResult[]> {
  const dialect = 'sqliteFile' in database ? sqliteFloor(database.sqliteFile) : await postgresFloor(database.postgresUrl);
  try {
    const results: FloorResult[] = [];
    for (const query of queryMatrix(n)) {
      const prepared = prepareQuery(dialect, query);
      let total = 0;
      for (let i = 0; i < FLOOR_WARMUP_RUNS; i++) total = await prepared.run();
      const samples: number[] = [];
      const started = performance.now();
      while (samples.length < runs && (samples.length < FLOOR_MIN_RUNS || performance.now() - started < FLOOR_BUDGET_MS)) {
        const start = performance.now();
        await prepared.run();
        samples.push(performance.now() - start);
      }
      const floor = percentiles(samples);
      results.push({ name: query.name, total, floor });
      log(`${query.name.padEnd(16)} ${String(total).padStart(7)} matches  p50 ${floor.p50.toFixed(2)} ms  p95 ${floor.p95.toFixed(2)} ms  (${samples.length} runs)`);
    }
    return results;
  } finally {
    await dialect.close();
  }
}
