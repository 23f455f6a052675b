import { ErrorSchema, PublicationDetailSchema } from '@/lib/api/schemas';
import { getPublication } from '@/lib/data/catalogue';

/** GET /api/publications/<slug>: PublicationDetail, or 404 Error (lib/api/schemas.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const publication = await getPublication((await params).slug);
  if (!publication) return Response.json(ErrorSchema.encode({ error: 'Publication not found' }), { status: 404 });
  const { slug, title, summary, year, category, countries, regions, authors, languages, url, createdAt, updatedAt, publishedAt } =
    publication;
  return Response.json(
    PublicationDetailSchema.encode({
      slug,
      title,
      summary,
      year,
      category,
      countries,
      regions,
      authors,
      languages,
      url,
      createdAt,
      updatedAt,
      publishedAt,
    }),
  );
}
