import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// "localhost", not 127.0.0.1: Next normalises 127.0.0.1 to localhost in rewrites, so both must agree.
const BASE_URL = `http://localhost:${PORT}`;
export const E2E_DATABASE = 'tests/.tmp/e2e.db';

/** Playwright's own Chromium where installed, else CHROMIUM_PATH, else Debian's. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  if (existsSync(chromium.executablePath())) return undefined;
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one with `npx playwright install chromium` ' +
        '(needs internet), or `apt-get install -y chromium` on Debian/Ubuntu, or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

const executablePath = chromiumPath();
const launchOptions = {
  executablePath,
  // Keeps a Chromium from calling home on a machine without internet.
  args: [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { baseURL: BASE_URL, trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'chromium-no-js',
      // HTTP-level specs (tagged @http) need no browser variant; specs tagged @js drive widgets that need JavaScript.
      grepInvert: /@http|@js/,
      use: { ...devices['Desktop Chrome'], launchOptions, javaScriptEnabled: false },
    },
  ],
  webServer: {
    // A fresh database on each run, prepared the way `npm start` prepares one, served by the production build.
    command: `rm -f ${E2E_DATABASE} && node_modules/.bin/tsx scripts/prepare-db.ts && node_modules/.bin/next start -H localhost -p ${PORT}`,
    url: `${BASE_URL}/api/publications`,
    // TRUST_PROXY lets a test say it came over HTTPS (X-Forwarded-Proto), as a reverse proxy would.
    env: { DATABASE_URL: `file:./${E2E_DATABASE}`, NEXT_TELEMETRY_DISABLED: '1', TRUST_PROXY: '1' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
