/**
 * A JSON Schema of the OpenAPI document in words, for the /api page: "list of Country", "integer 1900–2100
 * or null". References stay references so the page can link them to the component's section.
 */
export type LabelPart = string | { ref: string };

type Schema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

function range(min: unknown, max: unknown, unit = ''): string {
  if (typeof min === 'number' && typeof max === 'number') return ` ${min}–${max}${unit}`;
  if (typeof min === 'number') return ` ≥ ${min}${unit}`;
  if (typeof max === 'number') return ` ≤ ${max}${unit}`;
  return '';
}

function single(schema: Schema, type: unknown): LabelPart[] {
  switch (type) {
    case 'string': {
      if (Array.isArray(schema.enum)) return [`one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`];
      if (typeof schema.format === 'string') return [`${schema.format} string`];
      if (typeof schema.pattern === 'string') return [`string matching \`${schema.pattern}\``];
      const length = range(schema.minLength, schema.maxLength, ' characters');
      return [length ? `string of${length}` : 'string'];
    }
    case 'integer':
    case 'number':
      return [`${type}${range(schema.minimum, schema.maximum)}`];
    case 'array': {
      const items = schema.items && typeof schema.items === 'object' ? schemaLabel(schema.items as Schema) : ['value'];
      const count = typeof schema.maxItems === 'number' ? ` (at most ${schema.maxItems})` : '';
      return ['list of ', ...items, count];
    }
    case 'null':
      return ['null'];
    case 'boolean':
      return ['boolean'];
    case 'object':
      return ['object'];
    default:
      return ['any value'];
  }
}

export function schemaLabel(schema: Schema): LabelPart[] {
  if (typeof schema.$ref === 'string') {
    return [schema.$ref.startsWith(REF_PREFIX) ? { ref: schema.$ref.slice(REF_PREFIX.length) } : schema.$ref];
  }
  const alternatives = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null;
  if (alternatives) return alternatives.flatMap((s, i) => [...(i > 0 ? [' or '] : []), ...schemaLabel(s as Schema)]);
  if (Array.isArray(schema.type)) return schema.type.flatMap((t, i) => [...(i > 0 ? [' or '] : []), ...single(schema, t)]);
  if (Array.isArray(schema.enum)) return [`one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`];
  return single(schema, schema.type);
}

/** The label as plain text (tests, titles). */
export function schemaLabelText(schema: Schema): string {
  return schemaLabel(schema)
    .map((part) => (typeof part === 'string' ? part : part.ref))
    .join('');
}
