import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/request-context')).nextHeaders);
vi.mock('next/cache', async () => (await import('./helpers/request-context')).nextCache);
vi.mock('next/navigation', async () => (await import('./helpers/request-context')).nextNavigation);

import {
  createPublicationAction,
  deletePublicationAction,
  searchAuthorsAction,
  updatePublicationAction,
} from '@/app/admin/publications/actions';
import { NOT_ALLOWED } from '@/lib/auth/authorize';
import { prisma } from '@/lib/db';
import { catalogueSnapshot } from './helpers/db-snapshot';
import { publicationFormData } from './helpers/publication-form';
import { runAction, signInAs, signOut } from './helpers/request-context';

// Refusals are logged (lib/log.ts); keep them out of the test output but check they happen.
let securityLog: MockInstance<typeof console.info>;
beforeEach(() => {
  securityLog = vi.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(() => {
  securityLog.mockRestore();
  signOut();
});

async function anyPublication() {
  return prisma.publication.findFirstOrThrow({ where: { status: 'published' }, select: { id: true, version: true, title: true } });
}

/** Every publication action, called the way a forged request would call it. */
async function callEveryAction() {
  const target = await anyPublication();
  const form = publicationFormData({ title: 'Forged', countries: ['RS'], authors: [{ name: 'Forger' }], newCategory: 'x' });
  const update = publicationFormData({ title: 'Forged', version: target.version });
  const remove = new FormData();
  remove.set('id', String(target.id));
  remove.set('version', String(target.version));
  remove.set('confirm', 'yes');
  return {
    create: await runAction(() => createPublicationAction({}, form)),
    update: await runAction(() => updatePublicationAction(target.id, {}, update)),
    delete: await runAction(() => deletePublicationAction({}, remove)),
    search: await runAction(() => searchAuthorsAction('International')),
  };
}

describe.each([
  ['with no session', async () => signOut()],
  ['with a session of a disabled account', async () => void (await signInAs('editor', { disabled: true }))],
  ['with an expired session', async () => void (await signInAs('editor', { expired: true }))],
  ['with a role that is not staff', async () => void (await signInAs('reader'))],
])('publication actions %s', (_label, arrange) => {
  it('are refused and change nothing', async () => {
    await arrange();
    const before = await catalogueSnapshot(prisma);
    const results = await callEveryAction();
    expect(results.create).toEqual({ result: { message: NOT_ALLOWED } });
    expect(results.update).toEqual({ result: { message: NOT_ALLOWED } });
    expect(results.delete).toEqual({ result: { message: NOT_ALLOWED } });
    expect(results.search).toEqual({ result: [] });
    expect(await catalogueSnapshot(prisma)).toEqual(before);
    const refused = securityLog.mock.calls.map((args) => JSON.parse(String(args[0])) as { event: string; action: string });
    expect(refused.filter((e) => e.event === 'authorization.refused').map((e) => e.action)).toEqual([
      'publication.create',
      'publication.update',
      'publication.delete',
      'author.search',
    ]);
  });
});

describe('publication actions for an editor', () => {
  it('create, then redirect to the edit page', async () => {
    await signInAs('editor');
    const { redirectedTo } = await runAction(() =>
      createPublicationAction(
        {},
        publicationFormData({ title: 'Action-made report', countries: ['RS', 'AL'], authors: [{ name: 'New Person Alpha' }] }),
      ),
    );
    const created = await prisma.publication.findFirstOrThrow({ where: { title: 'Action-made report' } });
    expect(redirectedTo).toBe(`/admin/publications/${created.id}/edit?saved=created`);
    const { nextCache } = await import('./helpers/request-context');
    expect(nextCache.revalidatePath).toHaveBeenCalledWith(`/publications/${created.slug}`);
  });

  it('refuses bad input with messages and the input back, writing nothing', async () => {
    await signInAs('editor');
    const before = await catalogueSnapshot(prisma);
    const form = publicationFormData({ title: '  ', year: '3000', summary: 'Kept summary', countries: ['RS'], authors: [{ name: 'Kept Author' }] });
    const { result } = await runAction(() => createPublicationAction({}, form));
    expect(result?.fieldErrors?.title).toEqual(['Enter a title.']);
    expect(result?.fieldErrors?.year?.[0]).toMatch(/^Enter a year between 1900 and \d{4}/);
    expect(result?.values).toMatchObject({ summary: 'Kept summary', year: '3000', countries: ['RS'], authors: [{ name: 'Kept Author' }] });
    expect(await catalogueSnapshot(prisma)).toEqual(before);
  });

  it('refuses a country code that is not in the Country table, writing nothing', async () => {
    await signInAs('editor');
    const before = await catalogueSnapshot(prisma);
    const { result } = await runAction(() => createPublicationAction({}, publicationFormData({ countries: ['RS', 'QQ'], authors: [{ name: 'Never Created' }] })));
    expect(result?.fieldErrors?.countries?.[0]).toContain('QQ');
    expect(await catalogueSnapshot(prisma)).toEqual(before);
  });

  it('answers a stale save with the conflict and writes nothing', async () => {
    await signInAs('editor');
    const target = await anyPublication();
    await prisma.publication.update({ where: { id: target.id }, data: { version: { increment: 1 } } });
    const before = await catalogueSnapshot(prisma);
    const { result } = await runAction(() => updatePublicationAction(target.id, {}, publicationFormData({ title: 'Stale', version: target.version })));
    expect(result?.conflict?.version).toBe(target.version + 1);
    expect(result?.conflict?.title).toBe(target.title);
    expect(result?.values?.title).toBe('Stale');
    expect(await catalogueSnapshot(prisma)).toEqual(before);
  });

  it('delete needs the confirmation', async () => {
    await signInAs('editor');
    const target = await anyPublication();
    const before = await catalogueSnapshot(prisma);
    const form = new FormData();
    form.set('id', String(target.id));
    form.set('version', String(target.version));
    expect((await runAction(() => deletePublicationAction({}, form))).result?.message).toMatch(/I confirm/);
    expect(await catalogueSnapshot(prisma)).toEqual(before);
    form.set('confirm', 'yes');
    expect(await runAction(() => deletePublicationAction({}, form))).toEqual({ redirectedTo: '/admin?deleted=1' });
    expect(await prisma.publication.findUnique({ where: { id: target.id } })).toBeNull();
  });

  it('finds authors for the type-ahead', async () => {
    await signInAs('admin');
    const found = await searchAuthorsAction('international organization');
    expect(found.map((a) => a.name)).toContain('International Organization for Migration');
  });
});
