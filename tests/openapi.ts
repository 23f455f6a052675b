import { compileErrors, dereference, validate } from '@readme/openapi-parser';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Checks against an OpenAPI 3.1 document, shared by the unit test of the generated document and the
 * end-to-end spec that holds the running server's answers to the document it serves. The document is
 * validated by @readme/openapi-parser; bodies by ajv (JSON Schema draft 2020-12, with formats).
 */

type JsonSchema = Record<string, unknown>;
type MediaType = { schema: JsonSchema; example?: unknown };
type Response = { content?: Record<string, MediaType> };
type Parameter = { name: string; in: string; schema: JsonSchema; example?: unknown };
type Operation = { parameters?: Parameter[]; responses: Record<string, Response> };
type Document = { paths: Record<string, Record<string, Operation>> };

/** The parser's errors for the document, or none. */
export async function openApiErrors(document: object): Promise<string | null> {
  const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
  return result.valid ? null : compileErrors(result);
}

const essence = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();
export const isJson = (mediaType: string) => /^application\/([\w.+-]+\+)?json$/.test(essence(mediaType));

function ajvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword}`);
}

export class OpenApiChecker {
  private readonly ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  private readonly compiled = new Map<JsonSchema, ValidateFunction>();

  private constructor(readonly document: Document) {
    addFormats(this.ajv);
  }

  /** Validates the document (throws the parser's errors), then resolves its $refs for ajv. */
  static async create(document: object): Promise<OpenApiChecker> {
    const errors = await openApiErrors(document);
    if (errors) throw new Error(`Invalid OpenAPI document:\n${errors}`);
    const resolved = await dereference(structuredClone(document) as Parameters<typeof dereference>[0]);
    return new OpenApiChecker(resolved as unknown as Document);
  }

  get paths(): string[] {
    return Object.keys(this.document.paths);
  }

  /** The path template of the document that a request path matches: `/api/publications/x` → `/api/publications/{slug}`. */
  template(pathname: string): string | null {
    if (this.document.paths[pathname]) return pathname;
    return (
      this.paths.find((template) => {
        const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+');
        return new RegExp(`^${pattern}$`).test(pathname);
      }) ?? null
    );
  }

  operation(template: string, method = 'get'): Operation {
    const operation = this.document.paths[template]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${template} is not in the document`);
    return operation;
  }

  /** ajv's errors for a value against a JSON Schema of the document. */
  errors(schema: JsonSchema, value: unknown): string[] {
    let check = this.compiled.get(schema);
    if (!check) this.compiled.set(schema, (check = this.ajv.compile(schema)));
    return check(value) ? [] : ajvErrors(check.errors);
  }

  /**
   * What is wrong with a response to `GET pathname`, by the document: an undocumented status or media type,
   * or (JSON bodies) what the schema rejects. An empty list: the response is as documented.
   */
  responseErrors(pathname: string, status: number, contentType: string | undefined, body: string, method = 'get'): string[] {
    const template = this.template(pathname);
    if (!template) return [`${pathname} matches no path of the document`];
    const response = this.operation(template, method).responses[String(status)] ?? this.operation(template, method).responses.default;
    if (!response) return [`${status} is not a documented status of ${method.toUpperCase()} ${template}`];
    if (!contentType) return ['no Content-Type'];
    const media = Object.entries(response.content ?? {}).find(([type]) => essence(type) === essence(contentType));
    if (!media) return [`${contentType} is not a documented media type of ${status} ${template}`];
    if (!isJson(media[0])) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      return [`not JSON: ${(error as Error).message}`];
    }
    return this.errors(media[1].schema, parsed);
  }
}
