import fs from 'node:fs';
import path from 'node:path';

/** The project root: the nearest folder above this module with a package.json (src under ts-jest, dist/src when built). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(__dirname);
