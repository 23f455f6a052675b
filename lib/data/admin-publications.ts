import 'server-only';
import { prisma } from '@/lib/db';
import { LANGUAGE_OPTIONS } from '@/lib/languages';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ADMIN_PAGE_SIZE, type AdminListParams } from '@/lib/publications/admin-params';
import { EMPTY_PUBLICATION_FORM, type PublicationFormValues } from '@/lib/validation/publication-form';
import { dialect } from '@/lib/sql/dialect';

/** Staff reads: drafts included. Every caller has checked the session and role first. */

export type AdminPublicationRow = {
  id: number;
  slug: string;
  title: string;
  year: number | null;
  status: string;
  version: number;
  updatedAt: Date;
  category: string | null;
  authors: string[];
};

export type AdminPublicationList = {
  rows: AdminPublicationRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The parameters applied: a category that names nothing is dropped, the page clamped. */
  params: AdminListParams;
};

const ORDER: Record<AdminListParams['sort'], Prisma.PublicationOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: 'desc' }, { id: 'desc' }],
  title: [{ title: 'asc' }, { id: 'asc' }],
  newest: [{ year: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }],
  oldest: [{ year: { sort: 'asc', nulls: 'last' } }, { title: 'asc' }],
};

export async function listAdminPublications(requested: AdminListParams): Promise<AdminPublicationList> {
  const category = requested.category
    ? await prisma.category.findUnique({ where: { slug: requested.category }, select: { id: true } })
    : null;
  const params = { ...requested, category: category ? requested.category : '' };
  const where: Prisma.PublicationWhereInput = {
    ...(params.status !== 'all' && { status: params.status }),
    ...(category && { categoryId: category.id }),
    ...(params.year !== null && { year: params.year }),
    // Case-insensitive on both databases (see Dialect.contains).
    ...(params.q && { OR: [{ title: dialect(prisma).contains(params.q) }, { summary: dialect(prisma).contains(params.q) }, { slug: dialect(prisma).contains(params.q) }] }),
  };
  const total = await prisma.publication.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  params.page = Math.min(params.page, pageCount);
  const rows = await prisma.publication.findMany({
    where,
    orderBy: ORDER[params.sort],
    skip: (params.page - 1) * ADMIN_PAGE_SIZE,
    take: ADMIN_PAGE_SIZE,
    select: {
      id: true,
      slug: true,
      title: true,
      year: true,
      status: true,
      version: true,
      updatedAt: true,
      category: { select: { name: true } },
      authors: { select: { author: { select: { name: true } } }, orderBy: { position: 'asc' } },
    },
  });
  return {
    rows: rows.map((r) => ({ ...r, category: r.category?.name ?? null, authors: r.authors.map((a) => a.author.name) })),
    total,
    page: params.page,
    pageCount,
    params,
  };
}

export type Option = { value: string; label: string };

/** The choices the publication form offers: every country, region, category and language. */
export async function getPublicationFormOptions(): Promise<{ countries: Option[]; regions: Option[]; categories: Option[]; languages: Option[] }> {
  const [countries, regions, categories] = await Promise.all([
    prisma.country.findMany({ select: { code: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.region.findMany({ select: { slug: true, name: true }, orderBy: { name: 'asc' } }),
    prisma.category.findMany({ select: { slug: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return {
    countries: countries.map((c) => ({ value: c.code, label: c.name })),
    regions: regions.map((r) => ({ value: r.slug, label: r.name })),
    categories: categories.map((c) => ({ value: c.slug, label: c.name })),
    languages: LANGUAGE_OPTIONS,
  };
}

export async function listCategoryOptions(): Promise<Option[]> {
  return (await prisma.category.findMany({ select: { slug: true, name: true }, orderBy: { name: 'asc' } })).map((c) => ({
    value: c.slug,
    label: c.name,
  }));
}

export type PublicationForEdit = {
  id: number;
  slug: string;
  title: string;
  status: string;
  version: number;
  updatedAt: Date;
  values: PublicationFormValues;
};

/** A publication (draft or not) as the edit form starts from, or null. */
export async function getPublicationForEdit(id: number): Promise<PublicationForEdit | null> {
  const row = await prisma.publication.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      year: true,
      url: true,
      status: true,
      version: true,
      updatedAt: true,
      languages: { select: { code: true }, orderBy: { position: 'asc' } },
      category: { select: { slug: true } },
      countries: { select: { countryCode: true }, orderBy: { country: { name: 'asc' } } },
      regions: { select: { region: { select: { slug: true } } }, orderBy: { region: { name: 'asc' } } },
      authors: { select: { author: { select: { id: true, name: true } } }, orderBy: { position: 'asc' } },
      translationGroup: {
        select: {
          publications: {
            where: { id: { not: id } },
            select: { id: true, title: true, languages: { select: { code: true }, orderBy: { position: 'asc' }, take: 1 } },
            orderBy: { slug: 'asc' },
          },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt,
    values: {
      ...EMPTY_PUBLICATION_FORM,
      title: row.title,
      summary: row.summary,
      year: row.year === null ? '' : String(row.year),
      category: row.category?.slug ?? '',
      countries: row.countries.map((c) => c.countryCode),
      regions: row.regions.map((r) => r.region.slug),
      authors: row.authors.map((a) => ({ id: a.author.id, name: a.author.name })),
      url: row.url ?? '',
      languages: row.languages.map((l) => l.code),
      translations: (row.translationGroup?.publications ?? []).map((p) => ({ id: p.id, title: p.title, language: p.languages[0]?.code ?? null })),
      status: row.status,
      version: String(row.version),
    },
  };
}

export type HistoryEntry = {
  id: number;
  at: Date;
  userName: string | null;
  action: string;
  changes: Record<string, unknown>;
};

/** Every audit entry about one publication, newest first. */
export async function getPublicationHistory(id: number): Promise<HistoryEntry[]> {
  const entries = await prisma.auditEntry.findMany({
    where: { entity: 'publication', entityId: String(id) },
    orderBy: { id: 'desc' },
    select: { id: true, at: true, userName: true, action: true, changes: true },
  });
  return entries.map((e) => {
    let changes: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(e.changes);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) changes = parsed as Record<string, unknown>;
    } catch {
      // an unreadable entry shows without details
    }
    return { ...e, changes };
  });
}

/** The title of a publication or of a deleted one (from its audit log), for the history page. */
export async function getPublicationLabel(id: number): Promise<{ title: string; exists: boolean; slug: string | null; status: string | null } | null> {
  const row = await prisma.publication.findUnique({ where: { id }, select: { title: true, slug: true, status: true } });
  if (row) return { title: row.title, exists: true, slug: row.slug, status: row.status };
  const entry = await prisma.auditEntry.findFirst({ where: { entity: 'publication', entityId: String(id) }, orderBy: { id: 'desc' }, select: { label: true } });
  return entry ? { title: entry.label, exists: false, slug: null, status: null } : null;
}

export type TranslationCandidate = { id: number; title: string; slug: string; language: string | null; status: string };

/** Up to `limit` publications (drafts too) whose title or address contains the text, for the translations type-ahead. */
export async function findPublications(query: string, limit = 10): Promise<TranslationCandidate[]> {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const rows = await prisma.publication.findMany({
    where: { OR: [{ title: dialect(prisma).contains(q) }, { slug: dialect(prisma).contains(q) }] },
    select: { id: true, title: true, slug: true, status: true, languages: { select: { code: true }, orderBy: { position: 'asc' }, take: 1 } },
    orderBy: { title: 'asc' },
    take: 50,
  });
  const lower = q.toLowerCase();
  return rows
    .sort((a, b) => Number(!a.title.toLowerCase().startsWith(lower)) - Number(!b.title.toLowerCase().startsWith(lower)))
    .slice(0, limit)
    .map((r) => ({ id: r.id, title: r.title, slug: r.slug, status: r.status, language: r.languages[0]?.code ?? null }));
}

/** Up to `limit` authors whose name contains the text, for the form's type-ahead. */
export async function findAuthors(query: string, limit = 10): Promise<{ id: number; name: string }[]> {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  const authors = await prisma.author.findMany({
    where: { name: dialect(prisma).contains(q) },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
    take: 50,
  });
  // Names that start with the text first.
  const lower = q.toLowerCase();
  return authors
    .sort((a, b) => Number(!a.name.toLowerCase().startsWith(lower)) - Number(!b.name.toLowerCase().startsWith(lower)))
    .slice(0, limit);
}
