import { createHash } from 'node:crypto';
import { publicationChanged } from '@/lib/publications/changes';
import { upsertPublication } from '@/lib/publications/save';
import { inE2eTransaction } from './database';
import { expect, resultCount, test } from './fixtures';
import { madeUpWord, test as staffTest } from './staff';

test.describe('search', () => {
  test('search, see highlighted results by relevance, refine with facets, clear the query', async ({ page }) => {
    await page.goto('/');
    const all = await resultCount(page);
    await page.getByRole('combobox', { name: 'Search publications' }).fill('referral mechanisms');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=referral\+mechanisms/);
    const found = await resultCount(page);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all);

    const sort = page.getByRole('navigation', { name: 'Sort' });
    await expect(sort.locator('[aria-current="true"]')).toHaveText('Relevance');
    const first = page.getByRole('article').first();
    await expect(first.locator('mark').first()).toBeVisible();
    await expect(first.getByRole('heading')).toContainText(/referral/i);
    for (const card of await page.getByRole('article').all()) {
      await expect(card.locator('mark').first()).toHaveText(/referr|mechanism/i);
    }

    await page.getByRole('region', { name: 'Region' }).getByRole('link', { name: /^Worldwide/ }).click();
    await expect(page).toHaveURL(/q=referral\+mechanisms/);
    await expect(page).toHaveURL(/region=worldwide/);
    const refined = await resultCount(page);
    expect(refined).toBeGreaterThan(0);
    expect(refined).toBeLessThanOrEqual(found);

    await page.getByRole('navigation', { name: 'Active filters' }).getByRole('link', { name: /Search: “referral mechanisms”/ }).click();
    await expect(page).not.toHaveURL(/q=/);
    await expect(page).toHaveURL(/region=worldwide/);
    await expect(sort.locator('[aria-current="true"]')).toHaveText('Newest first');
    await expect(page.locator('article mark')).toHaveCount(0);
  });

  test('a query with markup is shown as text, never as markup', async ({ page }) => {
    await page.goto('/?q=%3Cb%3Ehandbook%3C%2Fb%3E+%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    await expect(page.getByRole('combobox', { name: 'Search publications' })).toHaveValue('<b>handbook</b> <script>alert(1)</script>');
    await expect(page.locator('article b, article script')).toHaveCount(0);
  });

  test('a malformed query still answers', async ({ page }) => {
    const response = await page.goto('/?q=%22unbalanced+-+OR+*+NEAR%2F3(');
    expect(response?.status()).toBe(200);
    await expect(page.locator('#results-heading')).toBeVisible();
  });

  test('find a country in the long country facet', async ({ page }) => {
    await page.goto('/');
    const countries = page.getByRole('region', { name: 'Country' });
    await countries.getByRole('searchbox', { name: 'Find country' }).fill('leone');
    await countries.getByRole('button', { name: 'Find' }).click();
    await expect(page).toHaveURL(/findCountry=leone/);
    const links = page.getByRole('region', { name: 'Country' }).getByRole('listitem');
    await expect(links).toHaveCount(1);
    await expect(links.first()).toContainText('Sierra Leone');
    await links.first().getByRole('link').click();
    await expect(page).toHaveURL(/country=SL/);
    await expect(page.getByRole('navigation', { name: 'Active filters' })).toContainText('Country: Sierra Leone');
  });
});

// A record whose attached PDF alone holds a word: its file row is written as attachFile writes one (the text
// by page), without extracting a real PDF, and the change log tells every server's index.
staffTest.describe('search inside documents', () => {
  staffTest('a document-only match says its page, with an excerpt, in the reader\'s language', async ({ page, editor, unique }) => {
    void editor; // its worker fixture deletes what this test leaves behind
    const word = madeUpWord();
    await inE2eTransaction(async (tx) => {
      const id = await upsertPublication(tx, {
        title: `${unique} survey with a document`,
        summary: 'A record whose summary does not hold the word.',
        year: 2023,
        category: 'report',
        countries: [],
        regions: [],
        authors: [],
        languages: ['en'],
      });
      const text = ['First page of the survey.', 'Second page on recruitment.', `Third page: the inspectors met ${word} at the port.`].join('\f');
      await tx.publicationFile.create({
        data: { publicationId: id, position: 0, sha256: createHash('sha256').update(text).digest('hex'), size: text.length, mediaType: 'application/pdf', fileName: 'survey.pdf', label: 'Full report', textStatus: 'ok', text, pageCount: 3 },
      });
      await publicationChanged(tx, id);
    });

    await page.goto(`/?q=${word}`);
    const card = page.getByRole('article');
    await expect(card).toHaveCount(1);
    await expect(card.getByText('Found in the document, page 3')).toBeVisible();
    await expect(card.locator('.document-match mark')).toHaveText(word);
    await expect(card.locator('.document-match')).toContainText('the inspectors met');
    await page.goto(`/fr?q=${word}`);
    await expect(page.getByRole('article').getByText('Trouvé dans le document, page 3')).toBeVisible();
    const api = await (await page.request.get(`/api/publications?q=${word}`)).json();
    expect(api.items[0].snippets.document).toEqual({ page: 3, snippet: expect.stringContaining(`<mark>${word}</mark>`) });
  });
});
