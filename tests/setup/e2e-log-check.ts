// After the end-to-end run (Playwright's global teardown): the logs of every server the run started must
// hold no password and no session token. The staff passwords of the run all start "e2e password " (staff.ts),
// the wrong ones the specs type are below, and a session token only ever travels in the session cookie.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_LOG_DIR } from '../../playwright.config';

const SECRETS: [string, RegExp][] = [
  ['a staff password', /e2e password [0-9a-f]{16}/],
  ['a mistyped password', /not the password at all/],
  ['a session cookie', /(__Host-)?ct_session=[\w-]{16,}/],
  ['an authorization header', /Bearer [\w.-]{16,}/],
];

export default function checkServerLogs(): void {
  let files: string[];
  try {
    files = readdirSync(SERVER_LOG_DIR).filter((f) => f.endsWith('.log'));
  } catch {
    throw new Error(`No server logs in ${SERVER_LOG_DIR}: the servers' output was not captured.`);
  }
  const found: string[] = [];
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(path.join(SERVER_LOG_DIR, file), 'utf8');
    lines += text.split('\n').length;
    for (const [what, pattern] of SECRETS) {
      const match = pattern.exec(text);
      if (match) found.push(`${file}: ${what} (${match[0].slice(0, 24)}…)`);
    }
  }
  if (found.length > 0) throw new Error(`Secrets in the servers' logs:\n  ${found.join('\n  ')}`);
  console.log(`Server logs checked for secrets: ${files.length} files, ${lines} lines, none found.`);
}
