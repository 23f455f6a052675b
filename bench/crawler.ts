// A crawler walking facet links: every request a catalogue URL not asked for before, so none is in the
// response cache. Run by bench/http.ts as its own process (the load generator's work is not the server's):
//
//   node --import tsx bench/crawler.ts --port <port> --urls <file.json> --connections 32 --duration 10
//
// Prints one JSON line: autocannon's result.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: { port: { type: 'string' }, urls: { type: 'string' }, connections: { type: 'string' }, duration: { type: 'string' }, host: { type: 'string' } },
});
const urls = JSON.parse(readFileSync(values.urls!, 'utf8')) as string[];
let next = 0;

const result = await autocannon({
  url: `http://${values.host ?? 'localhost'}:${values.port}`,
  connections: Number(values.connections),
  duration: Number(values.duration),
  timeout: 10,
  // Each request the next URL of the list, round again only once all were asked for.
  requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: urls[next++ % urls.length]! }) }],
});
console.log(JSON.stringify({ ...result, distinct: Math.min(next, urls.length), asked: next }));
