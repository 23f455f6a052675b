import { exampleInUrl, type ApiContent, type ApiEndpoint, type ApiParameter } from '@/lib/api/endpoints';
import { schemaLabel, type LabelPart } from '@/lib/api/schema-label';

type JsonSchema = Record<string, unknown>;

/** Text with `code` spans, as the endpoint list writes its descriptions. */
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] text-slate-800">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export const schemaAnchor = (id: string) => `schema-${id}`;

export function SchemaLabel({ parts }: { parts: LabelPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          <InlineCode key={i} text={part} />
        ) : (
          <a key={i} href={`#${schemaAnchor(part.ref)}`} className="text-brand-700 underline">
            {part.ref}
          </a>
        ),
      )}
    </>
  );
}

function ParametersTable({ parameters, schemas }: { parameters: ApiParameter[]; schemas: JsonSchema[] }) {
  return (
    <div className="mt-2 relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-2 pr-4 font-semibold">Name</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Values</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Description</th>
            <th scope="col" className="py-2 font-semibold">Example</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p, i) => (
            <tr key={p.name} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-2 pr-4 font-mono font-medium text-slate-900">
                {p.name}
                {p.in === 'path' && <span className="ml-1 font-sans text-xs font-normal text-slate-500">(path)</span>}
              </th>
              <td className="py-2 pr-4 text-slate-700">
                <SchemaLabel parts={schemaLabel(schemas[i] ?? {})} />
                {p.repeatable && <span className="block text-xs text-slate-500">repeatable, or comma-separated</span>}
              </td>
              <td className="py-2 pr-4 text-slate-700">
                <InlineCode text={p.description} />
              </td>
              <td className="py-2 font-mono text-xs text-slate-800">
                {p.in === 'query' ? `${p.name}=${exampleInUrl(p.example)}` : exampleInUrl(p.example)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function exampleBody(content: ApiContent): string {
  return content.kind === 'text' ? content.example : JSON.stringify(content.example, null, 2);
}

/** One endpoint: what it does, its parameters, example requests (links) and example responses. */
export function EndpointSection({
  endpoint,
  parameterSchemas,
  bodySchemas,
}: {
  endpoint: ApiEndpoint;
  /** The document's schema of each parameter, in order. */
  parameterSchemas: JsonSchema[];
  /** The document's schema of each response's bodies, by status then media type. */
  bodySchemas: Record<string, Record<string, JsonSchema>>;
}) {
  const headingId = `${endpoint.operationId}-heading`;
  return (
    <section id={endpoint.operationId} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={headingId} className="flex flex-wrap items-baseline gap-2 text-lg font-semibold">
        <span className="rounded bg-brand-700 px-1.5 py-0.5 font-mono text-xs font-bold uppercase text-white">{endpoint.method}</span>
        <code className="font-mono text-brand-800">{endpoint.path}</code>
      </h3>
      <p className="mt-1 font-medium text-slate-800">{endpoint.summary}</p>
      <p className="mt-2 leading-relaxed text-slate-700">
        <InlineCode text={endpoint.description} />
      </p>

      {endpoint.parameters.length > 0 && (
        <>
          <h4 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-600">Parameters</h4>
          <ParametersTable parameters={endpoint.parameters} schemas={parameterSchemas} />
        </>
      )}

      <h4 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-600">Examples</h4>
      <ul className="mt-2 space-y-1 text-sm">
        {endpoint.examples.map((example) => (
          <li key={example.href}>
            {example.title}:{' '}
            <a href={example.href} className="break-all font-mono text-brand-700 underline">
              {example.href}
            </a>
          </li>
        ))}
      </ul>

      <h4 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-600">Responses</h4>
      {endpoint.responses.map((response) => (
        <div key={response.status} className="mt-2">
          <p className="text-sm text-slate-800">
            <span className="font-mono font-semibold">{response.status}</span> — {response.description}
          </p>
          {response.content.map((content) => (
            <div key={content.mediaType} className="mt-1">
              <p className="text-sm text-slate-600">
                <code className="font-mono">{content.mediaType}</code>:{' '}
                <SchemaLabel parts={schemaLabel(bodySchemas[response.status]?.[content.mediaType] ?? {})} />
                {response.headers &&
                  Object.entries(response.headers).map(([name, header]) => (
                    <span key={name} className="block">
                      <code className="font-mono">{name}</code>: {header.description}
                    </span>
                  ))}
              </p>
              {/* Focusable: a keyboard user can scroll a long example (axe: scrollable-region-focusable). */}
              <pre tabIndex={0} className="mt-1 max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
                {exampleBody(content)}
              </pre>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

/** One component schema of the document: its description and, for objects, a row per field. */
export function SchemaSection({ id, schema }: { id: string; schema: JsonSchema }) {
  const properties = (schema.properties ?? null) as Record<string, JsonSchema> | null;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return (
    <section id={schemaAnchor(id)} aria-labelledby={`${schemaAnchor(id)}-heading`} className="py-4">
      <h3 id={`${schemaAnchor(id)}-heading`} className="font-mono font-semibold text-slate-900">
        {id}
      </h3>
      {typeof schema.description === 'string' && (
        <p className="mt-1 text-sm text-slate-700">
          <InlineCode text={schema.description} />
        </p>
      )}
      {properties ? (
        <dl className="mt-2 divide-y divide-slate-100 text-sm">
          {Object.entries(properties).map(([name, property]) => (
            <div key={name} className="py-1.5 sm:grid sm:grid-cols-[10rem_1fr] sm:gap-4">
              <dt className="font-mono text-slate-900">
                {name}
                {!required.has(name) && <span className="ml-1 font-sans text-xs text-slate-500">(optional)</span>}
              </dt>
              <dd className="text-slate-700">
                <SchemaLabel parts={schemaLabel(property)} />
                {typeof property.description === 'string' && (
                  <>
                    {' — '}
                    <InlineCode text={property.description} />
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-1 text-sm text-slate-700">
          <SchemaLabel parts={schemaLabel(schema)} />
        </p>
      )}
    </section>
  );
}
