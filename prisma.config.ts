import { defineConfig } from 'prisma/config';

// The FTS5 tables and their shadow tables are created by hand-written migrations, not by Prisma.
const FULL_TEXT_TABLES = ['PublicationSearch', 'PublicationStems', 'PublicationFileStems'].flatMap((table) => [
  table,
  ...['data', 'idx', 'docsize', 'config', 'content'].map((s) => `${table}_${s}`),
]);

// The CLI reads the same DATABASE_URL as the app; SQLite at data/catalogue.db by default.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/catalogue.db' },
  experimental: { externalTables: true },
  tables: { external: FULL_TEXT_TABLES },
});
