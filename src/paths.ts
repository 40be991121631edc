// Absolute paths to folders that ship with the repository, independent of the working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE_DIR = path.join(REPO_ROOT, 'reference');
export const DEMO_DIR = path.join(REPO_ROOT, 'demo');
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'dist', 'web');
