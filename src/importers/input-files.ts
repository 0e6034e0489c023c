import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Code-point order, not locale order: the same list on every machine, and digits before letters. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const entry of entries) {
    // Hidden entries are editor, OS or VCS leftovers (.DS_Store, .git), never published data.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // stat() rather than the dirent type so that a symlinked folder or file is followed.
    const entryInfo = await stat(full).catch(() => null);
    if (entryInfo === null) continue; // a dangling symlink
    if (entryInfo.isDirectory()) await walk(full, out);
    else if (entryInfo.isFile()) out.push(full);
  }
}

/**
 * The files to import from command-line paths: files as given, folders expanded recursively in sorted
 * order without hidden entries; each file once. Throws for a path that does not exist.
 */
export async function listInputFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      throw new Error(`${given}: no such file or folder (${(error as Error).message})`);
    }
    if (info.isDirectory()) await walk(given, files);
    else files.push(given);
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
