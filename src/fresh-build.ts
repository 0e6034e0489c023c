import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './project-root';

/**
 * Imported first by the entry point: when a source is newer than the last build (someone edited
 * the code, or pulled), rebuilds dist/ incrementally before anything else is loaded, so the modules
 * required next are the fresh ones; the dashboard (web/dashboard → dist/dashboard) likewise. `npm
 * install` builds once (`prepare`); a start on a built, unchanged checkout only pays for this check
 * (a few milliseconds of stat calls), not for `tsc` or Vite.
 */
const ROOT = PROJECT_ROOT;
const BUILD_INFO = path.join(ROOT, 'dist', '.tsbuildinfo');
/** What the build is made from (see tsconfig.build.json). */
const INPUTS = ['src', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** The dashboard's build and what it is made from (see web/dashboard/vite.config.mts). */
const DASHBOARD_BUILT = path.join(ROOT, 'dist', 'dashboard', 'index.html');
const DASHBOARD_INPUTS = ['web/dashboard', 'package.json'];

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

function modified(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestInput(inputs: string[]): number {
  return Math.max(...inputs.map((input) => newestChange(path.join(ROOT, input))));
}

/** A dev dependency's script, or undefined in a deployment without dev dependencies (which runs what it was given). */
function tool(pkg: string, script: string): string | undefined {
  try {
    // Through package.json: a package's exports need not list its bin scripts.
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })), script);
  } catch {
    return undefined;
  }
}

function rebuildServerIfStale(): void {
  if (newestInput(INPUTS) <= modified(BUILD_INFO)) return;
  const tsc = tool('typescript', 'bin/tsc');
  if (!tsc) return;
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

function rebuildDashboardIfStale(): void {
  if (newestInput(DASHBOARD_INPUTS) <= modified(DASHBOARD_BUILT)) return;
  const vite = tool('vite', 'bin/vite.js');
  if (!vite) return;
  process.stderr.write('desa-cerdas: dashboard sources changed since the last build; rebuilding\n');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(ROOT, 'web', 'dashboard', 'vite.config.mts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('desa-cerdas: the dashboard build failed; fix the errors above and start again\n');
    process.exit(result.status ?? 1);
  }
}

if (process.env.DESA_SKIP_BUILD_CHECK !== '1') {
  rebuildServerIfStale();
  rebuildDashboardIfStale();
}
