import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
}

test.describe('security headers @http', () => {
  test('pages carry a nonce-based CSP and the other headers', async ({ request }) => {
    const response = await request.get('/');
    const headers = response.headers();
    const csp = directives(headers['content-security-policy'] ?? '');
    const nonce = csp.get('script-src')?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['x-powered-by']).toBeUndefined();

    // Every script the page ships carries this response's nonce.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const again = directives((await request.get('/')).headers()['content-security-policy'] ?? '');
    expect(again.get('script-src')).not.toContain(nonce!);
  });

  test('API responses and 404s carry the headers too', async ({ request }) => {
    for (const path of ['/api/publications', '/publications/no-such-publication', '/no-such-page']) {
      const headers = (await request.get(path, { failOnStatusCode: false })).headers();
      expect(headers['content-security-policy'], path).toContain("object-src 'none'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  test('HSTS is sent when the site is served over HTTPS behind a proxy', async ({ request }) => {
    const headers = (await request.get('/', { headers: { 'x-forwarded-proto': 'https' } })).headers();
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  test('admin pages are never cached publicly nor indexed', async ({ request }) => {
    for (const path of ['/admin', '/sign-in']) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers['cache-control'], path).toMatch(/private|no-store/);
      expect(headers['cache-control'], path).not.toMatch(/public/);
      expect(headers['x-robots-tag'], path).toContain('noindex');
    }
    const signIn = await (await request.get('/sign-in')).text();
    expect(signIn).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });

  test('the admin area redirects to sign-in when signed out', async ({ request }) => {
    const response = await request.get('/admin', { maxRedirects: 0 });
    expect([303, 307, 308]).toContain(response.status());
    expect(response.headers()['location']).toMatch(/\/sign-in\?next=%2Fadmin/);
  });
});

test.describe('oversized Server Action bodies @http', () => {
  test('a form post that says it carries more than 41 MB is refused with 413 before its body is read', async ({ baseURL }) => {
    const url = new URL('/admin/import', baseURL);
    // Only the headers are sent: the server must answer from the Content-Length alone.
    const answer = await new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'Next-Action': '0123abcd', 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(50 * 1024 * 1024) } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection });
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('a form may send at most 41 MB. Nothing was saved.');
    expect(answer.connection).toBe('close');
  });
});

test.describe('sign-in limits', () => {
  test('no forwarding header a client sends changes the address its failures count against', async ({ page }) => {
    const email = `spoofer-${Date.now()}@example.test`;
    const spoofs = ['x-real-ip', 'true-client-ip', 'cf-connecting-ip', 'x-client-ip', 'forwarded'];
    const attempt = async (n: number) => {
      // A different made-up address in every header each time: were any believed, no limit would trip.
      const address = `10.0.${n}.1`;
      await page.setExtraHTTPHeaders(Object.fromEntries(spoofs.map((name) => [name, name === 'forwarded' ? `for=${address}` : address])));
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const message = page.locator('form [role="alert"]');
      await expect(message).toBeVisible();
      return message.innerText();
    };
    for (let n = 0; n < 5; n++) expect(await attempt(n)).not.toMatch(/Too many failed attempts/);
    expect(await attempt(5)).toMatch(/Too many failed attempts\. Try again in \d+ minutes?\./);
  });
});
