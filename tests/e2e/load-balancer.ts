import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reverse proxy in front of several app instances, as a load balancer would be: the browser talks to
 * one origin, the proxy keeps the Host header and picks the instance. `use(i)` sends what follows to
 * instance i, so a test decides which instance renders a page and which handles the form posted from it.
 */
export async function startLoadBalancer(backends: string[]) {
  let current = 0;
  const served: { backend: number; method: string; path: string; status: number }[] = [];
  const server = http.createServer((request, response) => {
    const backend = current;
    const target = new URL(request.url ?? '/', backends[backend]);
    const upstream = http.request(
      target,
      { method: request.method, headers: { ...request.headers, 'x-forwarded-for': '127.0.0.1' } },
      (answer) => {
        served.push({ backend, method: request.method ?? 'GET', path: target.pathname, status: answer.statusCode ?? 0 });
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    served,
    use(backend: number) {
      current = backend;
    },
    // The browser keeps connections open (keep-alive, a request still streaming): close them, or close()
    // waits for them until the test times out.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
