import { describe, expect, it } from 'vitest';
import { schemaFor } from './prisma-schema';

const SOURCE = `generator client {
  provider     = "prisma-client"
  output       = "../lib/generated/prisma"
  moduleFormat = "esm"
}

datasource db {
  provider = "sqlite"
}

model Thing {
  id Int @id @default(autoincrement())
}
`;

describe('schemaFor', () => {
  it('keeps the SQLite schema as written', () => {
    expect(schemaFor('sqlite', SOURCE)).toBe(SOURCE);
  });

  it('derives the PostgreSQL schema: provider and client folder change, the models do not', () => {
    const derived = schemaFor('postgresql', SOURCE);
    expect(derived).toMatch(/datasource db \{\s*provider = "postgresql"/);
    expect(derived).toContain('output       = "./prisma-postgresql"');
    expect(derived).toContain('model Thing {\n  id Int @id @default(autoincrement())\n}');
    expect(derived).not.toContain('"sqlite"');
  });

  it('refuses native types, which would make the two providers differ', () => {
    expect(() => schemaFor('postgresql', SOURCE.replace('id Int', 'id Int @db.SmallInt'))).toThrow(/native types/);
  });

  it('fails loudly when the schema no longer has what it rewrites', () => {
    expect(() => schemaFor('postgresql', SOURCE.replace('"sqlite"', '"mysql"'))).toThrow(/expected to find/);
  });
});
