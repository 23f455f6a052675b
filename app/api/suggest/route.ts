import { ErrorSchema, SuggestParamsSchema, SuggestionsSchema } from '@/lib/api/schemas';
import { suggestPublications } from '@/lib/data/catalogue';

/**
 * GET /api/suggest?q=<words typed>&locale=<en|fr|es>: the search box's type-ahead (Suggestions in
 * lib/api/schemas.ts). Public like the rest of /api: it reads published records only, as every visitor may,
 * so there is no caller to check; the response cache keeps it by URL like the other public API answers.
 */
export async function GET(request: Request) {
  const search = new URL(request.url).searchParams;
  const parsed = SuggestParamsSchema.safeParse({ q: search.get('q') ?? undefined, locale: search.get('locale') ?? undefined });
  if (!parsed.success) {
    return Response.json(ErrorSchema.encode({ error: parsed.error.issues.map((i) => i.message).join('; ') }), { status: 400 });
  }
  return Response.json(SuggestionsSchema.encode(await suggestPublications(parsed.data.q, parsed.data.locale)));
}
