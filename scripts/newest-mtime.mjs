// How new a tree of sources is, for the scripts that rebuild only when the sources changed.
import fs from 'node:fs';
import path from 'node:path';

/** The newest modification time under a folder. */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}
