import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';
import { providerOf, withDatabase } from './lib/database-url';

import { randomBytes } from 'node:crypto';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// "localhost", not 127.0.0.1: Next normalises 127.0.0.1 to localhost in rewrites, so both must agree.
const BASE_URL = `http://localhost:${PORT}`;
export const FIRST_INSTANCE_URL = BASE_URL;
/** A second server on the same database and build: several app instances must behave as one site. */
export const SECOND_INSTANCE_URL = `http://localhost:${PORT + 1}`;

/** The production server as `npm start` runs it (server.ts as `npm run build` bundles it), after its database step. */
export const SERVER_COMMAND = 'node --max-old-space-size=1024 build/server.mjs';
export const SERVER_ENV = { NODE_ENV: 'production', HOSTNAME: 'localhost' } as const;
/** Every server of the run logs here (one file per port); the global teardown checks them for secrets. */
export const SERVER_LOG_DIR = 'tests/.tmp/server-logs';
const logTo = (port: number) => `>> ${SERVER_LOG_DIR}/server-${port}.log 2>&1`;

/**
 * The end-to-end database: a SQLite file, or with TEST_DATABASE_URL=postgres://… a database `ct_e2e` on
 * that server. Set in the environment so that Playwright's workers (which load this file again) agree.
 */
function e2eDatabaseUrl(): string {
  const server = process.env.TEST_DATABASE_URL?.trim();
  return server && providerOf(server) === 'postgresql' ? withDatabase(server, 'ct_e2e') : 'file:./tests/.tmp/e2e.db';
}
export const E2E_DATABASE_URL = (process.env.E2E_DATABASE_URL ??= e2eDatabaseUrl());
// Both servers must decrypt each other's Server Action payloads (the build embeds this key when set).
process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');

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
  globalTeardown: './tests/setup/e2e-log-check.ts',
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
  webServer: [
    {
      // A fresh database on each run, prepared the way `npm start` prepares one, served by the production build.
      command: `rm -rf ${SERVER_LOG_DIR} && mkdir -p ${SERVER_LOG_DIR} && node_modules/.bin/tsx tests/setup/e2e-database.ts && ${SERVER_COMMAND} ${logTo(PORT)}`,
      url: `${BASE_URL}/api/publications`,
      env: serverEnv(PORT),
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Started once the first is up, so the database is ready (Playwright starts web servers in order).
      command: `${SERVER_COMMAND} ${logTo(PORT + 1)}`,
      url: `${SECOND_INSTANCE_URL}/api/publications`,
      env: serverEnv(PORT + 1),
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

function serverEnv(port: number): Record<string, string> {
  return {
    ...SERVER_ENV,
    PORT: String(port),
    DATABASE_URL: E2E_DATABASE_URL,
    E2E_DATABASE_URL,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!,
    NEXT_TELEMETRY_DISABLED: '1',
    // Lets a test say it came over HTTPS (X-Forwarded-Proto), as a reverse proxy would.
    TRUST_PROXY: '1',
    // Specs export and page deeply from one address; the limits have their own spec (response-cache.spec.ts).
    EXPENSIVE_REQUESTS_BURST: '100000',
    // Every spec signs in from this one machine, and several fail on purpose: the per-address limit would stop
    // the later specs' sign-ins. The per-account limits stay, and have their own specs.
    SIGN_IN_ADDRESS_FAILURES: '100000',
  };
}
