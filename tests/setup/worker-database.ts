import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

// Runs before each test file's imports, so lib/env and lib/db see this file's own database.
const file = path.join(mkdtempSync(path.join(tmpdir(), 'ct-catalogue-worker-')), 'catalogue.db');
copyFileSync(inject('templateDatabase'), file);
process.env.DATABASE_URL = `file:${file}`;
