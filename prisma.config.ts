import { defineConfig } from 'prisma/config';

// The CLI reads the same DATABASE_URL as the app; SQLite at data/catalogue.db by default.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/catalogue.db' },
});
