import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CatalogueParamsSchema, parseCatalogueParams } from '@/lib/catalogue/params';
import { isJson, OpenApiChecker, openApiErrors } from '@/tests/openapi';
import { API_ENDPOINTS, exampleInUrl, jsonContent, type ApiEndpoint } from './endpoints';
import { buildOpenApiDocument, componentSchemas } from './openapi';
import { PublicationDetailSchema } from './schemas';

const document = buildOpenApiDocument();
const checker = await OpenApiChecker.create(document);

const detailExample = API_ENDPOINTS.find((e) => e.operationId === 'getPublication')!.responses[0]!.content[0]!.example as z.input<
  typeof PublicationDetailSchema
>;

/** `app/api/publications/[slug]/route.ts` → `/api/publications/{slug}`. */
function routePaths(): string[] {
  return readdirSync('app/api', { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)route\.tsx?$/.test(file))
    .map((file) => `/api/${file.replace(/\/?route\.tsx?$/, '')}`.replace(/\/$/, '').replace(/\[([^\]]+)\]/g, '{$1}'))
    .sort();
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document to @readme/openapi-parser', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(await openApiErrors(document)).toBeNull();
  });

  it('would be refused by the parser if a path parameter were undeclared', async () => {
    const broken = structuredClone(document);
    broken.paths['/api/publications/{slug}']!.get = { ...(broken.paths['/api/publications/{slug}']!.get as object), parameters: [] };
    expect(await openApiErrors(broken)).toMatch(/slug/);
  });

  it('describes every route handler under app/api, and each documented path has one', () => {
    const api = Object.keys(document.paths).filter((path) => path.startsWith('/api/'));
    expect(api.sort()).toEqual(routePaths());
    for (const endpoint of API_ENDPOINTS) {
      const path = endpoint.path.replace(/\{([^}]+)\}/g, '[$1]');
      // Feeds are pages' siblings in every locale (app/[locale]/feed.xml); the rest are at the root.
      const file = existsSync(`app${path}`) ? `app${path}` : `app/[locale]${path}`;
      expect(readdirSync(file), `${endpoint.path} has no ${file}/route.ts`).toContain('route.ts');
    }
  });

  it('has one operationId per endpoint, and every JSON body refers to a component', () => {
    const ids = API_ENDPOINTS.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const components = componentSchemas();
    for (const e of API_ENDPOINTS) {
      const { responses } = document.paths[e.path]![e.method] as { responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }> };
      for (const [status, response] of Object.entries(responses)) {
        for (const [mediaType, { schema }] of Object.entries(response.content)) {
          if (!isJson(mediaType)) continue;
          expect(schema.$ref, `${e.path} ${status} ${mediaType}`).toMatch(/^#\/components\/schemas\//);
          expect(components).toHaveProperty(schema.$ref!.split('/').at(-1)!);
        }
      }
    }
  });

  it('refuses to describe a JSON body whose schema has no id, or one endpoint twice', () => {
    const base = API_ENDPOINTS[0]!;
    const anonymous: ApiEndpoint = {
      ...base,
      responses: [{ status: 200, description: 'x', content: [jsonContent(z.strictObject({ a: z.string() }), { a: 'b' })] }],
    };
    expect(() => buildOpenApiDocument([anonymous])).toThrow(/no id/);
    expect(() => buildOpenApiDocument([base, base])).toThrow(/described twice/);
  });
});

describe('examples', () => {
  for (const endpoint of API_ENDPOINTS) {
    it(`${endpoint.operationId}: body examples pass both the document's schema (ajv) and the zod schema`, () => {
      for (const response of endpoint.responses) {
        for (const content of response.content) {
          const schema = (checker.operation(endpoint.path).responses[String(response.status)]!.content![content.mediaType]!).schema;
          expect(checker.errors(schema, content.example), `${response.status} ${content.mediaType}`).toEqual([]);
          if (content.kind === 'json') expect(content.schema.safeParse(content.example).success).toBe(true);
        }
      }
    });

    it(`${endpoint.operationId}: parameter examples pass their schemas, and example requests are of this path`, () => {
      const parameters = checker.operation(endpoint.path).parameters ?? [];
      expect(parameters.map((p) => p.name)).toEqual(endpoint.parameters.map((p) => p.name));
      for (const p of parameters) expect(checker.errors(p.schema, p.example), p.name).toEqual([]);
      expect(endpoint.examples.length).toBeGreaterThan(0);
      for (const example of endpoint.examples) {
        expect(checker.template(new URL(example.href, 'http://localhost').pathname)).toBe(endpoint.path);
      }
    });
  }
});

describe('schemas', () => {
  it('refuse an unknown field, a missing field and a wrong type, as zod does', () => {
    const schema = checker.operation('/api/publications/{slug}').responses['200']!.content!['application/json']!.schema;
    const withoutLanguages: Record<string, unknown> = { ...detailExample };
    delete withoutLanguages.languages;
    expect(checker.errors(schema, { ...detailExample, extra: 1 })).toEqual([expect.stringMatching(/additional properties/)]);
    expect(checker.errors(schema, withoutLanguages)).toEqual([expect.stringMatching(/languages/)]);
    expect(checker.errors(schema, { ...detailExample, languages: 'en' })).toEqual(['/languages must be array']);
    expect(checker.errors(schema, { ...detailExample, createdAt: 'yesterday' })).toEqual([expect.stringMatching(/date-time/)]);
    expect(() => PublicationDetailSchema.encode({ ...PublicationDetailSchema.decode(detailExample), extra: 1 } as never)).toThrow();
  });

  it('encode turns the code\'s values (dates) into exactly the wire form the document describes', () => {
    const value = PublicationDetailSchema.decode(detailExample);
    expect(value.createdAt).toBeInstanceOf(Date);
    const wire = PublicationDetailSchema.encode(value);
    expect(wire).toEqual(detailExample);
    const schema = checker.operation('/api/publications/{slug}').responses['200']!.content!['application/json']!.schema;
    expect(checker.errors(schema, JSON.parse(JSON.stringify(wire)))).toEqual([]);
  });
});

describe('catalogue parameters', () => {
  const list = API_ENDPOINTS.find((e) => e.operationId === 'listPublications')!;

  it('are exactly the parameters lib/catalogue/params.ts reads', () => {
    expect(list.parameters.map((p) => p.name).sort()).toEqual(Object.keys(CatalogueParamsSchema.shape).sort());
  });

  for (const p of list.parameters) {
    it(`${p.name}: the documented example is read as given`, () => {
      const parsed = parseCatalogueParams(new URLSearchParams(`${p.name}=${encodeURIComponent(exampleInUrl(p.example))}`));
      expect(parsed[p.name as keyof typeof parsed]).toEqual(p.example);
    });
  }
});
