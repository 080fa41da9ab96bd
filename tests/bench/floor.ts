// Builds the bare-framework floor (../shared/bench-floor) in a temp folder, in the same run as the app is measured.
// It reuses our node_modules (same library versions) so the bench needs no network.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const FLOOR_SOURCE = process.env.BENCH_FLOOR_DIR || path.resolve(root, '../shared/bench-floor');

export type Floor = { dir: string; dist: string; cleanup(): void };

/** Copies the floor, links our node_modules into it, and runs its `vite build`. */
export function buildFloor(): Floor {
  if (!existsSync(path.join(FLOOR_SOURCE, 'package.json'))) throw new Error(`The bench floor is missing at ${FLOOR_SOURCE} (set BENCH_FLOOR_DIR).`);
  checkSameLibraries();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-floor-'));
  cpSync(FLOOR_SOURCE, dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) && !source.includes(`${path.sep}dist`) });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  return { dir, dist: path.join(dir, 'dist'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The floor must be built with the versions it asks for, or the comparison means nothing. */
function checkSameLibraries(): void {
  const floor = JSON.parse(readFileSync(path.join(FLOOR_SOURCE, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const ours = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const ourRanges = { ...ours.dependencies, ...ours.devDependencies };
  for (const [name, range] of Object.entries({ ...floor.dependencies, ...floor.devDependencies })) {
    if (ourRanges[name] !== range) throw new Error(`bench-floor wants ${name}@${range} but the app has ${ourRanges[name] ?? 'none'}; install the floor on its own (npm install in a copy).`);
  }
}
