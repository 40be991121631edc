// Where the shared, read-only fixtures live. Tests and benchmarks read them; the server never does.
import path from 'node:path';
import { REPO_ROOT } from '../../src/paths.ts';

export const FIXTURES_DIR = path.resolve(REPO_ROOT, '../shared/fixtures');
export const DOCUMENTS_DIR = path.join(FIXTURES_DIR, 'documents');
export const IATI_DIR = path.join(FIXTURES_DIR, 'iati');
