import createNextIntlPlugin from 'next-intl/plugin';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // One copy of prom-client in the process: server.ts and the app's code count in the same registry (lib/metrics.ts).
  serverExternalPackages: ['prom-client'],
  reactStrictMode: true,
  // forbidden() for signed-in staff without the role a page needs.
  experimental: {
    authInterrupts: true,
    // Import files reach the upload action in one request (lib/import caps them at 40 MB).
    serverActions: { bodySizeLimit: '41mb' },
    // The proxy (proxy.ts) sees those bodies first and passes on only this much of them (default 10 MB).
    proxyClientMaxBodySize: '41mb',
  },
  // Browsers ask for /favicon.ico when a page names no icon (Next's 403 shell names none).
  async rewrites() {
    return [{ source: '/favicon.ico', destination: '/icon.svg' }];
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // The Content-Security-Policy (with a per-request nonce) and HSTS are set in proxy.ts.
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

// Messages per locale (lib/i18n/request.ts); next-intl's plugin points its server functions at that file.
export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig);
