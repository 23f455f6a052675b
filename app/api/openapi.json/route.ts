import { openApiDocument } from '@/lib/api/openapi';
import { OpenApiDocumentSchema } from '@/lib/api/schemas';

/** GET /api/openapi.json: the OpenAPI 3.1 document of every endpoint (lib/api/endpoints.ts); readable at /api. */
export function GET() {
  return Response.json(OpenApiDocumentSchema.encode(openApiDocument()));
}
