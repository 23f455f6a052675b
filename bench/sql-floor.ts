// The floor: each matrix query answered by SQLite alone through better-sqlite3, without Prisma or the
// in-memory index: total count, the disjunctive count of every facet (each facet counted under every
// filter but its own, top 50 values as the app lists), and the 20-row page in the app's order. Text goes
// through the FTS5 table with MATCH. Plain SQL as one would first write it (statements prepared once, the
// file memory-mapped, the page's wide rows read last), not hand-tuned: a ratio below 1 means the app beats
// straightforward SQL. Each query runs 2 warm-ups, then up to --runs times within FLOOR_BUDGET_MS (at least 5).
import Database from 'better-sqlite3';
import { PAGE_SIZE, parseCatalogueParams, type CatalogueParams } from '@/lib/catalogue/params';
import { percentiles, queryMatrix, type BenchQuery, type Percentiles } from './matrix';

export type FloorResult = { name: string; total: number; floor: Percentiles };

type Condition = { sql: string; args: unknown[] };
type FacetKey = 'country' | 'region' | 'category' | 'author' | 'year';

const FACET_LIMIT = 50;
const list = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** What the app shows: published publications only (drafts are for staff). */
const PUBLISHED: Condition = { sql: `p."status" = 'published'`, args: [] };

/** The year range: applies to every count, like the text. */
function rangeConditions(params: CatalogueParams): Condition[] {
  const out: Condition[] = [];
  if (params.yearFrom !== null) out.push({ sql: `p."year" >= ?`, args: [params.yearFrom] });
  if (params.yearTo !== null) out.push({ sql: `p."year" <= ?`, args: [params.yearTo] });
  return out;
}

const textCondition = (fts: string): Condition => ({
  sql: `p."id" IN (SELECT rowid FROM "PublicationSearch" WHERE "PublicationSearch" MATCH ?)`,
  args: [fts],
});

/** One condition per selected facet; values within a facet are OR'd. Slugs resolve in SQL, as part of the work. */
function facetConditions(params: CatalogueParams): Map<FacetKey, Condition> {
  const out = new Map<FacetKey, Condition>();
  const { country, region, category, author, year } = params;
  if (country.length)
    out.set('country', {
      sql: `p."id" IN (SELECT "publicationId" FROM "PublicationCountry" WHERE "countryCode" IN (${list(country)}))`,
      args: country,
    });
  if (region.length)
    // A region matches publications tagged with it or with one of its member countries.
    out.set('region', {
      sql: `p."id" IN (
        SELECT pr."publicationId" FROM "PublicationRegion" pr JOIN "Region" r ON r."id" = pr."regionId" WHERE r."slug" IN (${list(region)})
        UNION
        SELECT pc."publicationId" FROM "PublicationCountry" pc JOIN "CountryRegion" cr ON cr."countryCode" = pc."countryCode"
          JOIN "Region" r ON r."id" = cr."regionId" WHERE r."slug" IN (${list(region)}))`,
      args: [...region, ...region],
    });
  if (category.length)
    out.set('category', {
      sql: `p."categoryId" IN (SELECT "id" FROM "Category" WHERE "slug" IN (${list(category)}))`,
      args: category,
    });
  if (author.length)
    out.set('author', {
      sql: `p."id" IN (SELECT pa."publicationId" FROM "PublicationAuthor" pa JOIN "Author" a ON a."id" = pa."authorId" WHERE a."slug" IN (${list(author)}))`,
      args: author,
    });
  if (year.length) out.set('year', { sql: `p."year" IN (${list(year)})`, args: year });
  return out;
}

const where = (conditions: Condition[]) => ({
  sql: conditions.length ? `WHERE ${conditions.map((c) => c.sql).join(' AND ')}` : '',
  args: conditions.flatMap((c) => c.args),
});

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

type Prepared = { statement: Database.Statement; args: unknown[] };

/** The statements answering one query, prepared once; running them all is one timed sample. */
function prepareQuery(db: Database.Database, query: BenchQuery): { run: () => number } {
  const params = parseCatalogueParams(new URLSearchParams(query.search));
  const range = rangeConditions(params);
  // Conditions every count shares: published, the text, the year range.
  const base = [PUBLISHED, ...(query.fts ? [textCondition(query.fts)] : []), ...range];
  const facets = facetConditions(params);
  const all = where([...base, ...facets.values()]);
  const prepare = (sql: string, args: unknown[]): Prepared => ({ statement: db.prepare(sql), args });

  const total = prepare(`SELECT count(*) AS total FROM "Publication" p ${all.sql}`, all.args);
  const counts = (Object.keys(FACET_ROWS) as FacetKey[]).map((facet) => {
    // Disjunctive counting: every other facet's selection applies, this facet's own does not.
    const scope = where([...base, ...[...facets].filter(([other]) => other !== facet).map(([, c]) => c)]);
    const { from, value } = FACET_ROWS[facet];
    const notNull = scope.sql ? `AND ${value} IS NOT NULL` : `WHERE ${value} IS NOT NULL`;
    return prepare(
      `SELECT ${value} AS value, count(*) AS count FROM ${from} ${scope.sql} ${notNull}
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_LIMIT}`,
      scope.args,
    );
  });

  const offset = (params.page - 1) * PAGE_SIZE;
  // Order ids first and read the wide rows (summaries) of the 20 on the page only, keeping their order.
  const pageRows = (inner: string, order: string) =>
    `SELECT p."id", p."slug", p."title", p."summary", p."year"
     FROM (${inner} ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${offset}) page JOIN "Publication" p ON p."id" = page."id"
     ORDER BY ${order}`;
  let page: Prepared;
  if (query.fts && params.sort === 'relevance') {
    // Relevance as the app ranks it: BM25 with title 4, summary 1, names 2 (the FTS5 columns' order).
    const rest = where([PUBLISHED, ...range, ...facets.values()]);
    page = prepare(
      pageRows(
        `SELECT p."id", bm25("PublicationSearch", 4.0, 1.0, 2.0) AS "score", p."year" AS "y"
         FROM "PublicationSearch" JOIN "Publication" p ON p."id" = "PublicationSearch".rowid
         WHERE "PublicationSearch" MATCH ? ${rest.sql.replace(/^WHERE/, 'AND')}`,
        `"score", "y" DESC`,
      ),
      [query.fts, ...rest.args],
    );
  } else {
    page = prepare(
      pageRows(`SELECT p."id", p."year" AS "y", p."title" AS "t" FROM "Publication" p ${all.sql}`, `"y" DESC NULLS LAST, "t"`),
      all.args,
    );
  }

  return {
    run: () => {
      const { total: count } = total.statement.get(...total.args) as { total: number };
      for (const c of counts) c.statement.all(...c.args);
      page.statement.all(...page.args);
      return count;
    },
  };
}

/** Floor runs stop after this much timed work per query: at N = 100,000 a run takes up to a second. */
export const FLOOR_BUDGET_MS = 5000;
const FLOOR_WARMUP_RUNS = 2;
const FLOOR_MIN_RUNS = 5;

export async function runSqlFloor(file: string, n: number, runs: number, log: (line: string) => void): Promise<FloorResult[]> {
  const db = new Database(file, { readonly: true });
  // Map the file instead of copying pages through SQLite's small default cache: the floor gets the fastest
  // reads SQLite offers without changing the schema.
  db.pragma('mmap_size = 4294967296');
  try {
    const results: FloorResult[] = [];
    for (const query of queryMatrix(n)) {
      const prepared = prepareQuery(db, query);
      let total = 0;
      for (let i = 0; i < FLOOR_WARMUP_RUNS; i++) total = prepared.run();
      const samples: number[] = [];
      const started = performance.now();
      while (samples.length < runs && (samples.length < FLOOR_MIN_RUNS || performance.now() - started < FLOOR_BUDGET_MS)) {
        const start = performance.now();
        prepared.run();
        samples.push(performance.now() - start);
      }
      const floor = percentiles(samples);
      results.push({ name: query.name, total, floor });
      log(`${query.name.padEnd(16)} ${String(total).padStart(7)} matches  p50 ${floor.p50.toFixed(2)} ms  p95 ${floor.p95.toFixed(2)} ms  (${samples.length} runs)`);
    }
    return results;
  } finally {
    db.close();
  }
}
