import { FIRST_INSTANCE_URL, SECOND_INSTANCE_URL } from '../../playwright.config';
import { startLoadBalancer } from './load-balancer';
import { expect, madeUpWord, signIn, test } from './staff';

// Two `next start` processes on one database (playwright.config.ts): the first at baseURL, the second at
// SECOND_INSTANCE_URL. Behind a load balancer consecutive requests land on either; this is what must hold.
const second = (path: string) => `${SECOND_INSTANCE_URL}${path}`;

test.describe('two app instances on one database', () => {
  test('a session started on one is valid on the other, and signing out on one ends it on both', async ({ page, editor }) => {
    await signIn(page, editor, '/admin');
    // Cookies are per host, not per port: the browser sends the session cookie to the second instance.
    await page.goto(second('/admin'));
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('an edit saved through one shows at once on the other, through a form one rendered and the other handled', async ({ page, editor, unique }) => {
    const balancer = await startLoadBalancer([FIRST_INSTANCE_URL, SECOND_INSTANCE_URL]);
    try {
      const at = (path: string) => `${balancer.url}${path}`;
      const word = madeUpWord();
      balancer.use(0);
      await signIn(page, editor, '/admin/publications/new', balancer.url);
      await page.getByLabel('Title', { exact: true }).fill(`${unique} ${word} guidance`);
      await page.getByLabel('Summary', { exact: true }).fill('Made on the first instance.');
      await page.getByLabel('Status', { exact: true }).selectOption('published');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByText('The publication was created.')).toBeVisible();
      const editPath = new URL(page.url()).pathname;

      // The second instance's public catalogue and API see it on the very next request.
      balancer.use(1);
      await page.goto(at(`/?q=${word}`));
      await expect(page.getByRole('article')).toHaveCount(1);
      const api = await page.request.get(at(`/api/publications?q=${word}`));
      expect((await api.json()).total).toBe(1);

      // The edit form rendered by the first instance, posted to the second: the Server Action (its id and
      // encrypted payload) must be understood there.
      balancer.use(0);
      await page.goto(at(editPath));
      balancer.use(1);
      const renamed = `${unique} ${word} guidance, revised`;
      await page.getByLabel('Title', { exact: true }).fill(renamed);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByText('Your changes were saved.')).toBeVisible();
      const posts = balancer.served.filter((r) => r.method === 'POST' && r.path === editPath);
      expect(posts.at(-1)).toMatchObject({ backend: 1 });
      expect(posts.at(-1)!.status).toBeLessThan(400);

      // Saved once, visible on both.
      for (const backend of [0, 1]) {
        balancer.use(backend);
        await page.goto(at(`/?q=${word}`));
        await expect(page.getByRole('article')).toHaveCount(1);
        await expect(page.getByRole('article').getByRole('heading')).toHaveText(renamed);
      }
    } finally {
      await balancer.close();
    }
  });

  test('failed sign-ins count across instances', async ({ page }) => {
    const email = `nobody-${madeUpWord()}@example.test`;
    const attempt = async (origin: string) => {
      await page.goto(`${origin}/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const message = page.locator('form [role="alert"]');
      await expect(message).toBeVisible();
      return message.innerText();
    };
    // Five failures per account in 15 minutes, whichever instance saw them.
    for (const origin of ['', SECOND_INSTANCE_URL, '', SECOND_INSTANCE_URL, '']) {
      expect(await attempt(origin)).not.toMatch(/Too many failed attempts/);
    }
    expect(await attempt(SECOND_INSTANCE_URL)).toMatch(/Too many failed attempts/);
  });
});
