// The ceiling for the HTTP figures: a bare node:http server answering each URL with the bytes and
// content-type captured from the Next server for that URL, so both serve the same payload and only the
// work behind it differs. Started by bench/http.ts as its own process:
//
//   node --import tsx bench/plain-server.ts --port <port> --manifest <file.json>
//
// The manifest maps a path ("/", "/api/publications") to { contentType, bodyFile }. Prints "ready" once listening.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

export type PlainManifest = Record<string, { contentType: string; bodyFile: string }>;

const { values } = parseArgs({ options: { port: { type: 'string' }, manifest: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || !values.manifest) throw new Error('usage: --port <port> --manifest <file.json>');

const manifest = JSON.parse(readFileSync(values.manifest, 'utf8')) as PlainManifest;
const routes = new Map(
  Object.entries(manifest).map(([url, { contentType, bodyFile }]) => {
    const body = readFileSync(bodyFile);
    return [url, { body, headers: { 'content-type': contentType, 'content-length': String(body.length) } }];
  }),
);

const server = createServer((request, response) => {
  const route = routes.get(request.url ?? '');
  if (!route) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, route.headers).end(route.body);
});
// Loopback only.
server.listen(port, '127.0.0.1', () => console.log('ready'));
