import { getPublication } from '@/lib/data/catalogue';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const publication = await getPublication((await params).slug);
  if (!publication) return Response.json({ error: 'Publication not found' }, { status: 404 });
  const { slug, title, summary, year, category, countries, regions, authors, languages, url, createdAt, updatedAt, publishedAt } =
    publication;
  return Response.json({ slug, title, summary, year, category, countries, regions, authors, languages, url, createdAt, updatedAt, publishedAt });
}
