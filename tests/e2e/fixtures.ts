import { test as base, expect } from '@playwright/test';

// A console error in the browser fails the test.
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        // A page answered with 404, 403 or 410 on purpose reports its own status as an error; that one is expected.
        const ownStatus = message.location().url === page.url() && /status of (40[34]|410)/.test(message.text());
        if (message.type() === 'error' && !ownStatus) errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The count in the results heading, e.g. "67 publications · showing 1–20" → 67. */
export async function resultCount(page: import('@playwright/test').Page): Promise<number> {
  const heading = await page.locator('#results-heading').innerText();
  if (heading.startsWith('No publications')) return 0;
  return Number(heading.match(/^(\d+)/)?.[1]);
}
