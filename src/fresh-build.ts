import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Imported first by the entry point: when a source is newer than the last build (someone edited
 * the code, or pulled), rebuilds dist/ incrementally before anything else is loaded, so the modules
 * required next are the fresh ones. `npm install` builds once (`prepare`); a start on a built,
 * unchanged checkout only pays for this check (a few milliseconds of stat calls), not for `tsc`.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const BUILD_INFO = path.join(ROOT, 'dist', '.tsbuildinfo');
/** What the build is made from (see tsconfig.build.json). */
const INPUTS = ['src', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestChange(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

function built(): number {
  try {
    return fs.statSync(BUILD_INFO).mtimeMs;
  } catch {
    return 0;
  }
}

function rebuildIfStale(): void {
  if (process.env.DESA_SKIP_BUILD_CHECK === '1') return;
  const sources = Math.max(...INPUTS.map((input) => newestChange(path.join(ROOT, input))));
  if (sources <= built()) return;
  let tsc: string;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    // A deployment without dev dependencies runs what it was given.
    return;
  }
  process.stderr.write('desa-cerdas: sources changed since the last build; rebuilding (incremental)\n');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('desa-cerdas: the build failed; fix the errors above and start again\n');
    process.exit(result.status ?? 1);
  }
  // tsc leaves its build info untouched when only timestamps changed: mark the build as current.
  const now = new Date();
  fs.utimesSync(BUILD_INFO, now, now);
}

rebuildIfStale();
