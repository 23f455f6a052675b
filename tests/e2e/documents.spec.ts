import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { deletePublication, upsertPublication } from '@/lib/publications/save';
import { formatBytes } from '@/lib/files/labels';
import { makePdf } from '@/tests/fixtures/documents';
import { inE2eTransaction, withE2eDatabase } from './database';
import { expect, madeUpWord, signIn, test } from './staff';

const PDF = makePdf(['Recruitment fees and debt bondage in fisheries', 'Second page: referral of victims'], { title: 'E2E document' });

/** A record for one test, published, with nothing attached; its slug. */
async function record(title: string, status: 'draft' | 'published' = 'published'): Promise<{ id: number; slug: string }> {
  const slug = `e2e-doc-${madeUpWord()}`;
  const id = await inE2eTransaction((tx) =>
    upsertPublication(tx, { slug, title, summary: 'A record for the document tests.', year: 2024, category: 'report', countries: ['NG'], regions: [], authors: ['IOM'], status }),
  );
  return { id, slug };
}

const removeRecord = (slug: string) => inE2eTransaction((tx) => deletePublication(tx, slug));

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string, fields: { label?: string; language?: string } = {}) {
  await page.getByLabel('File', { exact: true }).setInputFiles(file);
  if (fields.label) await page.getByLabel('Label (optional)').fill(fields.label);
  if (fields.language) await page.getByLabel('Language of the file').selectOption(fields.language);
  await page.getByRole('button', { name: 'Attach file' }).click();
}

test.describe('documents on a publication', () => {
  test('an editor attaches a PDF; readers see it, its cover, and download it whole or by range', async ({ page, browser, editor, unique }) => {
    const { id, slug } = await record(`${unique} attached`);
    try {
      await signIn(page, editor, `/admin/publications/${id}/edit`);
      await upload(page, { name: 'Fisheries report.pdf', mimeType: 'application/pdf', buffer: PDF }, { label: 'Full report', language: 'en' });
      await expect(page).toHaveURL(new RegExp(`/admin/publications/${id}/edit\\?upload=attached&status=ok#files$`));
      await expect(page.getByRole('status').filter({ hasText: 'The file was attached.' })).toContainText('Text extracted: the document is searchable.');
      const listed = page.getByRole('list', { name: 'Attached files' }).getByRole('listitem');
      await expect(listed).toHaveCount(1);
      await expect(listed).toContainText('Fisheries report.pdf');
      await expect(listed).toContainText('PDF');
      await expect(listed).toContainText('2 pages · main document');
      await expect(listed.getByRole('img', { name: 'First page of Fisheries report.pdf' })).toBeVisible();

      const reader = await browser.newContext();
      try {
        const publicPage = await reader.newPage();
        await publicPage.goto(`/publications/${slug}`);
        const files = publicPage.getByRole('region', { name: 'Files' });
        const link = files.getByRole('link', { name: 'Full report' });
        await expect(link).toBeVisible();
        await expect(files).toContainText(`(PDF, ${formatBytes(PDF.length, 'en')}, 2 pages, in English)`);
        await expect(publicPage.getByRole('link', { name: /^Read the publication/ })).toHaveAttribute('href', (await link.getAttribute('href'))!);
        await expect(publicPage.getByRole('img', { name: /^First page of “/ })).toHaveAttribute('src', /\/cover\.png$/);
        await expect(publicPage.locator('meta[name="citation_pdf_url"]')).toHaveAttribute('content', new RegExp(`/publications/${slug}/files/\\d+/Fisheries%20report\\.pdf$`));
        const jsonLd = JSON.parse((await publicPage.locator('script[type="application/ld+json"]').textContent())!);
        expect(jsonLd.encoding).toEqual([expect.objectContaining({ '@type': 'MediaObject', name: 'Full report', encodingFormat: 'application/pdf', inLanguage: 'en', contentSize: `${PDF.length} B` })]);

        const href = (await link.getAttribute('href'))!;
        const whole = await reader.request.get(href);
        expect(whole.status()).toBe(200);
        expect(whole.headers()).toMatchObject({
          'content-type': 'application/pdf',
          'content-length': String(PDF.length),
          'accept-ranges': 'bytes',
          'content-disposition': `inline; filename="Fisheries report.pdf"; filename*=UTF-8''Fisheries%20report.pdf`,
          'x-content-type-options': 'nosniff',
        });
        expect(whole.headers()['content-security-policy']).toMatch(/^sandbox/);
        expect((await whole.body()).equals(PDF)).toBe(true);
        const etag = whole.headers().etag!;
        expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

        const part = await reader.request.get(href, { headers: { Range: 'bytes=100-199' } });
        expect(part.status()).toBe(206);
        expect(part.headers()['content-range']).toBe(`bytes 100-199/${PDF.length}`);
        expect((await part.body()).equals(PDF.subarray(100, 200))).toBe(true);
        const tail = await reader.request.get(href, { headers: { Range: 'bytes=-10' } });
        expect((await tail.body()).equals(PDF.subarray(PDF.length - 10))).toBe(true);
        expect((await reader.request.get(href, { headers: { Range: `bytes=${PDF.length}-` } })).status()).toBe(416);
        // If-Range with another representation's tag: the whole file, not a piece of a different one.
        expect((await reader.request.get(href, { headers: { Range: 'bytes=0-9', 'If-Range': '"other"' } })).status()).toBe(200);
        expect((await reader.request.get(href, { headers: { 'If-None-Match': etag } })).status()).toBe(304);
        const head = await reader.request.head(href);
        expect(head.status()).toBe(200);
        expect(head.headers()['content-length']).toBe(String(PDF.length));
        expect((await reader.request.get(href.replace(/\/files\/\d+\//, '/files/999999999/'))).status()).toBe(404);
        // The French page links the same file.
        expect((await reader.request.get(`/fr${href}`, { maxRedirects: 0 })).status()).toBe(308);
      } finally {
        await reader.close();
      }
    } finally {
      await removeRecord(slug);
    }
  });

  test('a file of 12 MB arrives whole (past the proxy’s 10 MB body limit)', async ({ page, editor, unique }) => {
    const { id, slug } = await record(`${unique} big`);
    try {
      await signIn(page, editor, `/admin/publications/${id}/edit`);
      const big = makePdf([`Big report ${unique}`], { padding: 12 * 1024 * 1024 });
      await upload(page, { name: 'big.pdf', mimeType: 'application/pdf', buffer: big });
      await expect(page.getByRole('status').filter({ hasText: 'The file was attached.' })).toContainText('Text extracted');
      const stored = await withE2eDatabase((db) => db.publicationFile.findFirstOrThrow({ where: { publicationId: id } }));
      expect(stored.size).toBe(big.length);
    } finally {
      await removeRecord(slug);
    }
  });

  test('what cannot be attached gets a clear message and changes nothing', async ({ page, editor, unique }) => {
    const { id, slug } = await record(`${unique} refused`);
    try {
      await signIn(page, editor, `/admin/publications/${id}/edit`);
      await upload(page, { name: 'picture.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
      await expect(page.getByRole('alert').filter({ hasText: 'Only PDF' })).toContainText('checked from the content, not the name');
      await upload(page, { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
      await expect(page.getByRole('alert').filter({ hasText: 'empty' })).toContainText('The file is empty (0 bytes)');
      // Larger than FILE_MAX_MB (50 by default): refused before its bytes are read.
      // Playwright hands a browser at most 50 MB from memory: a bigger file goes by path.
      const huge = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-huge-')), 'huge.pdf');
      writeFileSync(huge, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(51 * 1024 * 1024)]));
      await upload(page, huge);
      await expect(page.getByRole('alert').filter({ hasText: 'limit' })).toContainText('larger than the limit of 50 MB');
      await expect(page.getByRole('list', { name: 'Attached files' })).toHaveCount(0);
      expect(await withE2eDatabase((db) => db.publicationFile.count({ where: { publicationId: id } }))).toBe(0);

      // Not from the catalogue's own form (another site's), or not signed in: refused, nothing stored.
      const crossSite = await page.request.post(`/admin/publications/${id}/files`, { headers: { Origin: 'https://attacker.example' }, multipart: { file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: PDF } } });
      expect(crossSite.status()).toBe(403);
      expect(await withE2eDatabase((db) => db.publicationFile.count({ where: { publicationId: id } }))).toBe(0);
    } finally {
      await removeRecord(slug);
    }
  });

  test('a draft’s files are for staff only; removing a file takes it off the record', async ({ page, browser, editor, unique }) => {
    const { id, slug } = await record(`${unique} draft`, 'draft');
    try {
      await signIn(page, editor, `/admin/publications/${id}/edit`);
      await upload(page, { name: 'draft.pdf', mimeType: 'application/pdf', buffer: makePdf([`Draft only ${unique}`]) });
      await expect(page.getByRole('status').filter({ hasText: 'The file was attached.' })).toBeVisible();
      const href = (await page.getByRole('list', { name: 'Attached files' }).getByRole('link', { name: 'draft.pdf' }).getAttribute('href'))!;
      expect((await page.request.get(href)).status()).toBe(200);
      expect((await page.request.get(href)).headers()['cache-control']).toBe('private, no-store');
      const anonymous = await browser.newContext();
      try {
        expect((await anonymous.request.get(href)).status()).toBe(404);
        expect((await anonymous.request.get(href.replace(/[^/]+$/, 'cover.png'))).status()).toBe(404);
      } finally {
        await anonymous.close();
      }

      const item = page.getByRole('list', { name: 'Attached files' }).getByRole('listitem');
      await item.getByText('Remove…').click();
      await item.getByRole('button', { name: 'Remove draft.pdf' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'The file was removed.' })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Attached files' })).toHaveCount(0);
      expect((await page.request.get(href)).status()).toBe(404);
    } finally {
      await removeRecord(slug);
    }
  });

  test('the edit page with files and the record page have no accessibility violations @js', async ({ page, editor, unique }) => {
    const { id, slug } = await record(`${unique} axe`);
    const violations = async () => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
    try {
      await signIn(page, editor, `/admin/publications/${id}/edit`);
      await upload(page, { name: 'axe.pdf', mimeType: 'application/pdf', buffer: makePdf([`Axe ${unique}`]) });
      await expect(page.getByRole('status').filter({ hasText: 'The file was attached.' })).toBeVisible();
      expect(await violations()).toEqual([]);
      await page.goto(`/publications/${slug}`);
      expect(await violations()).toEqual([]);
    } finally {
      await removeRecord(slug);
    }
  });
});
