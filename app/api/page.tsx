import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { API_ENDPOINTS } from '@/lib/api/endpoints';
import { openApiDocument } from '@/lib/api/openapi';
import { EndpointSection, SchemaSection } from '@/components/api/api-docs';

export const metadata: Metadata = {
  title: 'API',
  description: 'The JSON and CSV API of the catalogue: every endpoint, its parameters, examples and response schemas.',
};

type JsonSchema = Record<string, unknown>;
type Operation = {
  parameters: { schema: JsonSchema }[];
  responses: Record<string, { content: Record<string, { schema: JsonSchema }> }>;
};

/** Every endpoint of lib/api/endpoints.ts, with the schemas of the OpenAPI document generated from it. */
export default async function ApiPage() {
  // Rendered per request so its scripts carry the CSP nonce.
  await connection();
  const document = openApiDocument();
  const operation = (path: string, method: string) => document.paths[path]![method] as Operation;

  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-brand-700 underline">
          ← Catalogue
        </Link>
      </nav>
      <h1 className="mt-4 text-2xl font-bold tracking-tight">API</h1>
      <div className="mt-2 max-w-3xl space-y-2 leading-relaxed text-slate-700">
        <p>
          The catalogue&apos;s data is open to programs: read-only, no key, no sign-in. Every catalogue address has a JSON
          twin — put <code className="font-mono">/api/publications</code> in front of its query — and whole result sets
          download as CSV or JSON, in the format the import reads back.
        </p>
        <p>
          The same description, machine-readable:{' '}
          <a href="/api/openapi.json" className="font-mono text-brand-700 underline">
            /api/openapi.json
          </a>{' '}
          (OpenAPI {document.openapi}, bodies as JSON Schema draft 2020-12).
        </p>
      </div>

      <section aria-labelledby="endpoints-heading" className="mt-6">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          Endpoints
        </h2>
        <nav aria-label="Endpoints on this page">
          <ul className="mt-2 space-y-1 text-sm">
            {API_ENDPOINTS.map((e) => (
              <li key={e.operationId}>
                <a href={`#${e.operationId}`} className="text-brand-700 underline">
                  <span className="font-mono uppercase">{e.method}</span> <span className="font-mono">{e.path}</span>
                </a>{' '}
                — {e.summary}
              </li>
            ))}
          </ul>
        </nav>

        <div className="mt-6 space-y-6">
          {API_ENDPOINTS.map((e) => {
            const op = operation(e.path, e.method);
            const bodySchemas = Object.fromEntries(
              Object.entries(op.responses).map(([status, r]) => [
                status,
                Object.fromEntries(Object.entries(r.content).map(([mediaType, c]) => [mediaType, c.schema])),
              ]),
            );
            return (
              <EndpointSection
                key={e.operationId}
                endpoint={e}
                parameterSchemas={op.parameters.map((p) => p.schema)}
                bodySchemas={bodySchemas}
              />
            );
          })}
        </div>
      </section>

      <section aria-labelledby="schemas-heading" className="mt-8 rounded-lg border border-slate-200 bg-white px-5 py-2 shadow-sm">
        <h2 id="schemas-heading" className="pt-3 text-lg font-semibold">
          Schemas
        </h2>
        <div className="divide-y divide-slate-200">
          {Object.entries(document.components.schemas).map(([id, schema]) => (
            <SchemaSection key={id} id={id} schema={schema} />
          ))}
        </div>
      </section>
    </main>
  );
}
