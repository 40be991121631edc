// Absolute paths to folders that ship with the repository, independent of the working directory
// and of whether this module runs from src/ (through tsx) or compiled, from dist/server/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const REPO_ROOT = repositoryRoot(path.dirname(fileURLToPath(import.meta.url)));
export const REFERENCE_DIR = path.join(REPO_ROOT, 'reference');
export const DEMO_DIR = path.join(REPO_ROOT, 'demo');
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'dist', 'web');
