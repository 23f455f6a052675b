import { z } from 'zod';
import { API_ENDPOINTS, type ApiContent, type ApiEndpoint, type ApiParameter, type ApiResponse } from './endpoints';
import { apiRegistry } from './schemas';

/** The OpenAPI 3.1 document of the endpoints in lib/api/endpoints.ts, with components from lib/api/schemas.ts. */

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: string;
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema> };
};

export const OPENAPI_VERSION = '3.1.1';
export const API_VERSION = '1';
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const TAGS: Record<string, string> = {
  Publications: 'Search the catalogue and read one publication.',
  Exports: 'Whole result sets, streamed, in formats the import reads back.',
  Documentation: 'This description.',
};

function withoutKeys(schema: JsonSchema, ...keys: string[]): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

export const componentRef = (id: string) => `#/components/schemas/${id}`;

/** Every schema registered with an id, as JSON Schema 2020-12 of its wire form, referring to the others by $ref. */
export function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    target: 'draft-2020-12',
    io: 'input',
    // Ids and descriptions are registered in apiRegistry, not zod's global registry.
    metadata: apiRegistry,
    uri: componentRef,
    override: withoutFormatPatterns,
  });
  // A schema used twice without an id would land in a shared $defs that no $ref of the document reaches.
  if ('__shared' in schemas) throw new Error('A schema is reused without an id: register it in lib/api/schemas.ts');
  // Components are parts of the document, not documents of their own: no $schema, no $id.
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutKeys(schema as JsonSchema, '$schema', '$id')]));
}

/** zod spells `format: date-time` out as a long regular expression too; the format says it. */
function withoutFormatPatterns({ jsonSchema }: { jsonSchema: JsonSchema }) {
  if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
}

function inlineSchema(schema: z.ZodType): JsonSchema {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', metadata: apiRegistry, override: withoutFormatPatterns });
  return withoutKeys(generated as JsonSchema, '$schema');
}

function bodySchema(content: ApiContent): JsonSchema {
  if (content.kind === 'text') return { type: 'string' };
  const id = apiRegistry.get(content.schema)?.id;
  if (!id) throw new Error(`The ${content.mediaType} body schema has no id: register it in lib/api/schemas.ts`);
  return { $ref: componentRef(id) };
}

function parameter(p: ApiParameter) {
  return {
    name: p.name,
    in: p.in,
    required: p.required,
    description: p.repeatable ? `${p.description} Repeat the parameter, or separate values with commas.` : p.description,
    schema: inlineSchema(p.schema),
    ...(p.repeatable && { style: 'form', explode: true }),
    example: p.example,
  };
}

function response(r: ApiResponse) {
  return {
    description: r.description,
    ...(r.headers && {
      headers: Object.fromEntries(
        Object.entries(r.headers).map(([name, h]) => [name, { description: h.description, schema: { type: 'string' }, example: h.example }]),
      ),
    }),
    content: Object.fromEntries(r.content.map((c) => [c.mediaType, { schema: bodySchema(c), example: c.example }])),
  };
}

function operation(e: ApiEndpoint) {
  return {
    operationId: e.operationId,
    tags: [e.tag],
    summary: e.summary,
    description: e.description,
    parameters: e.parameters.map(parameter),
    responses: Object.fromEntries(e.responses.map((r) => [String(r.status), response(r)])),
  };
}

export function buildOpenApiDocument(endpoints: readonly ApiEndpoint[] = API_ENDPOINTS): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const e of endpoints) {
    const item = (paths[e.path] ??= {});
    if (item[e.method]) throw new Error(`${e.method.toUpperCase()} ${e.path} is described twice`);
    item[e.method] = operation(e);
  }
  return {
    openapi: OPENAPI_VERSION,
    jsonSchemaDialect: DIALECT,
    info: {
      title: 'Counter-Trafficking Publications Catalogue API',
      version: API_VERSION,
      description:
        'Read-only JSON and CSV access to the catalogue: the same queries as the catalogue pages. No key is needed. ' +
        'A readable version of this document is at /api.',
    },
    servers: [{ url: '/', description: 'This site' }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name, description: TAGS[name] ?? name })),
    paths,
    components: { schemas: componentSchemas() },
  };
}

let cached: OpenApiDocument | null = null;

/** The document of API_ENDPOINTS, built once per process. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
