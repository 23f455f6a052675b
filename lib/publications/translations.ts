import { recordAudit, type AuditActor } from '@/lib/audit';
import type { Db } from '@/lib/prisma-client';
import { dialect } from '@/lib/sql/dialect';
import { translationGroupProblems, type TranslationMember } from '@/lib/validation/translations';
import { publicationChanged } from './changes';

/**
 * Translation groups: publications that are one work in different languages share a TranslationGroup.
 * A change to a group changes the public page (and API record) of every member, so every member whose
 * translations changed is audited, moves to its next version (a form open on it is stale now) and is
 * logged as changed for the search index of every instance.
 */

type Row = { id: number; slug: string; title: string; translationGroupId: number | null; languages: { code: string }[] };

const rowSelect = {
  id: true,
  slug: true,
  title: true,
  translationGroupId: true,
  languages: { select: { code: true }, orderBy: { position: 'asc' }, take: 1 },
} as const;

const member = (row: Row): TranslationMember => ({ id: row.id, title: row.title, language: row.languages[0]?.code ?? null });

/** The slugs of the other members of `id`'s group, sorted: what the audit log and the conflict view show. */
export async function translationSlugs(db: Db, id: number): Promise<string[]> {
  const row = await db.publication.findUnique({ where: { id }, select: { translationGroupId: true } });
  if (!row?.translationGroupId) return [];
  const others = await db.publication.findMany({
    where: { translationGroupId: row.translationGroupId, id: { not: id } },
    select: { slug: true },
    orderBy: { slug: 'asc' },
  });
  return others.map((o) => o.slug);
}

/** Each publication's other members (slugs, sorted), for every publication in the groups given. */
async function membersOfGroups(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const rows = await db.publication.findMany({ where: { id: { in: ids } }, select: { id: true, translationGroupId: true } });
  const groups = [...new Set(rows.flatMap((r) => (r.translationGroupId === null ? [] : [r.translationGroupId])))];
  const members = await db.publication.findMany({
    where: { translationGroupId: { in: groups } },
    select: { id: true, slug: true, translationGroupId: true },
    orderBy: { slug: 'asc' },
  });
  const result = new Map<number, string[]>();
  for (const row of rows) {
    result.set(row.id, members.filter((m) => m.translationGroupId === row.translationGroupId && m.id !== row.id).map((m) => m.slug));
  }
  return result;
}

/** Deletes the groups among `groupIds` left with fewer than two members, freeing a lone one. */
async function tidyGroups(db: Db, groupIds: number[]): Promise<void> {
  for (const groupId of new Set(groupIds)) {
    const left = await db.publication.findMany({ where: { translationGroupId: groupId }, select: { id: true } });
    if (left.length >= 2) continue;
    if (left.length === 1) await db.publication.update({ where: { id: left[0]!.id }, data: { translationGroupId: null } });
    await db.translationGroup.deleteMany({ where: { id: groupId } });
  }
}

export type TranslationChange = { id: number; before: string[]; after: string[] };
export type SetTranslationsResult = { ok: true; changes: TranslationChange[] } | { ok: false; messages: string[] };

/**
 * Makes `id`'s translations the publications `listed`, together with the translations those already had
 * (linking one member of another group brings its whole group in). Members of `id`'s group that are not
 * listed leave it. Nothing is written when the group would break the rule of TranslationGroupSchema.
 * Every other publication whose translations changed is audited as `actor`'s update, versioned and logged
 * here; `id` itself is left to the caller, whose own save records it (see `changes` for what moved).
 */
export async function setTranslations(db: Db, actor: AuditActor, id: number, listed: number[]): Promise<SetTranslationsResult> {
  // Two saves must not build groups from the same stale membership.
  await dialect(db).serialize(db, 'translations');
  const self = await db.publication.findUnique({ where: { id }, select: rowSelect });
  if (!self) return { ok: false, messages: ['This publication no longer exists.'] };
  const wanted = [...new Set(listed)];
  // In the order listed, whatever order the database returns them in: messages name them as the form does.
  const listedRows = (await db.publication.findMany({ where: { id: { in: wanted } }, select: rowSelect })).sort((a, b) => wanted.indexOf(a.id) - wanted.indexOf(b.id));
  const missing = wanted.filter((w) => !listedRows.some((r) => r.id === w));
  if (missing.length > 0) return { ok: false, messages: ['A publication linked as a translation is no longer in the catalogue. Remove it and save again.'] };

  const oldGroup = self.translationGroupId;
  const oldMembers = oldGroup === null ? [] : await db.publication.findMany({ where: { translationGroupId: oldGroup, id: { not: id } }, select: rowSelect });
  const joinedGroups = [...new Set(listedRows.flatMap((r) => (r.translationGroupId === null || r.translationGroupId === oldGroup ? [] : [r.translationGroupId])))];
  const broughtIn = joinedGroups.length === 0
    ? []
    : await db.publication.findMany({ where: { translationGroupId: { in: joinedGroups }, id: { notIn: [...wanted, id] } }, select: rowSelect, orderBy: { id: 'asc' } });
  const others = [...listedRows, ...broughtIn];
  const problems = translationGroupProblems(member(self), others.map(member));
  if (problems) return { ok: false, messages: problems };

  const involved = [...new Set([id, ...oldMembers.map((m) => m.id), ...others.map((o) => o.id)])];
  const before = await membersOfGroups(db, involved);
  const finalIds = others.filter((o) => o.id !== id).map((o) => o.id);
  const leaving = oldMembers.filter((m) => !finalIds.includes(m.id)).map((m) => m.id);
  if (leaving.length > 0) await db.publication.updateMany({ where: { id: { in: leaving } }, data: { translationGroupId: null } });
  if (finalIds.length === 0) {
    if (oldGroup !== null) await db.publication.update({ where: { id }, data: { translationGroupId: null } });
  } else {
    const groupId = oldGroup ?? joinedGroups[0] ?? (await db.translationGroup.create({ data: {}, select: { id: true } })).id;
    await db.publication.updateMany({ where: { id: { in: [id, ...finalIds] } }, data: { translationGroupId: groupId } });
  }
  await tidyGroups(db, [...(oldGroup === null ? [] : [oldGroup]), ...joinedGroups]);

  const after = await membersOfGroups(db, involved);
  const changes = involved
    .map((p) => ({ id: p, before: before.get(p) ?? [], after: after.get(p) ?? [] }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  const titles = new Map([...oldMembers, ...others].map((r) => [r.id, r.title]));
  for (const change of changes) {
    if (change.id === id) continue;
    await db.publication.update({ where: { id: change.id }, data: { version: { increment: 1 } } });
    await recordAudit(db, {
      actor,
      action: 'update',
      entity: 'publication',
      entityId: change.id,
      label: titles.get(change.id) ?? '',
      changes: { translations: { before: change.before, after: change.after } },
    });
    await publicationChanged(db, change.id);
  }
  return { ok: true, changes };
}

/**
 * A publication is leaving (deleted): its group loses it, and a member left alone is freed. The members
 * that stay are logged as changed, as their pages no longer link it. Call before the row goes.
 */
export async function leaveTranslationGroup(db: Db, id: number): Promise<() => Promise<void>> {
  const row = await db.publication.findUnique({ where: { id }, select: { translationGroupId: true } });
  const groupId = row?.translationGroupId ?? null;
  if (groupId === null) return async () => {};
  await dialect(db).serialize(db, 'translations');
  const stay = (await db.publication.findMany({ where: { translationGroupId: groupId, id: { not: id } }, select: { id: true } })).map((r) => r.id);
  return async () => {
    await tidyGroups(db, [groupId]);
    if (stay.length > 0) await db.publication.updateMany({ where: { id: { in: stay } }, data: { version: { increment: 1 } } });
    for (const other of stay) await publicationChanged(db, other);
  };
}

/**
 * The other members of `id`'s group, when what they show of it changed without their group changing (it
 * was published, withdrawn or retitled): their pages and records are new, so their datestamps move and
 * the change is logged for them too.
 */
export async function translationsShowChange(db: Db, id: number): Promise<void> {
  const row = await db.publication.findUnique({ where: { id }, select: { translationGroupId: true } });
  if (!row?.translationGroupId) return;
  const others = await db.publication.findMany({ where: { translationGroupId: row.translationGroupId, id: { not: id } }, select: { id: true } });
  if (others.length === 0) return;
  await db.publication.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { updatedAt: new Date() } });
  for (const other of others) await publicationChanged(db, other.id);
}
