import { ErrorSchema, PublicationDetailSchema } from '@/lib/api/schemas';
import { getPublication, isWithdrawn } from '@/lib/data/catalogue';

/** GET /api/publications/<slug>: PublicationDetail, or a 404 or 410 Error (lib/api/schemas.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const requested = (await params).slug;
  const publication = await getPublication(requested);
  if (!publication) {
    return (await isWithdrawn(requested))
      ? Response.json(ErrorSchema.encode({ error: 'Publication withdrawn' }), { status: 410 })
      : Response.json(ErrorSchema.encode({ error: 'Publication not found' }), { status: 404 });
  }
  const { slug, title, summary, year, category, countries, regions, authors, languages, url, translations, createdAt, updatedAt, publishedAt, files } =
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
      translations,
      createdAt,
      updatedAt,
      publishedAt,
      files,
    }),
  );
}
