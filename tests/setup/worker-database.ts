import { inject } from 'vitest';
import { copyDatabase } from './databases';

// Runs before each test file's imports, so lib/env and lib/db see this file's own database.
process.env.DATABASE_URL = await copyDatabase(inject('templateDatabase'), 'file');
