// Builds the bare-framework floor in a temp folder, in the same run as the app is measured. The floor is
// ../shared/bench-floor; bench-floor/ is a byte-for-byte copy of it, so a clone on its own (CI) has it too.
// It reuses our node_modules (same library versions) so the bench needs no network.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const COPY = path.join(root, 'bench-floor');
const SHARED = path.resolve(root, '../shared/bench-floor');
const FLOOR_SOURCE = process.env.BENCH_FLOOR_DIR || COPY;

export type Floor = { dir: string; dist: string; cleanup(): void };

/**
 * Copies the floor, links our node_modules into it, and runs its `vite build`. `paintFirst` then gives the built page
 * what our first paint does (src/app/shell/): the floor's own heading and line already in the page, and its script
 * started after the first frame. An anchor for what painting first alone does to Total Blocking Time, never a
 * replacement for the floor.
 */
export function buildFloor({ paintFirst = false } = {}): Floor {
  if (!existsSync(path.join(FLOOR_SOURCE, 'package.json'))) throw new Error(`The bench floor is missing at ${FLOOR_SOURCE} (set BENCH_FLOOR_DIR).`);
  checkCopyIsTheFloor();
  checkSameLibraries();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-floor-'));
  cpSync(FLOOR_SOURCE, dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) && !source.includes(`${path.sep}dist`) });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  if (paintFirst) paintBeforeScript(path.join(dir, 'dist', 'index.html'));
  return { dir, dist: path.join(dir, 'dist'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * In the built floor page: what its Today draws with no check-ins yet (bench-floor/src/main.tsx) in #root, and its
 * module script started from the first frame, as our inline script starts the app's (shell/chooseShell.ts).
 */
function paintBeforeScript(indexHtml: string): void {
  const html = readFileSync(indexHtml, 'utf8');
  const script = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
  const painted = html
    .replace('<div id="root"></div>', '<div id="root"><main><h1>How are you today?</h1><p>0 check-ins</p></main></div>')
    .replace(script?.[0] ?? '', '')
    .replace('</body>', `<script>requestAnimationFrame(() => setTimeout(() => document.head.append(Object.assign(document.createElement('script'), { type: 'module', crossOrigin: '', src: ${JSON.stringify(script?.[1])} }))));</script></body>`);
  if (!script || !painted.includes('<h1>')) throw new Error(`The built floor page ${indexHtml} has no module script or no empty #root`);
  writeFileSync(indexHtml, painted);
}

/** Where ../shared/bench-floor is beside the project, our copy must be exactly it: the floor is never ours to change. */
function checkCopyIsTheFloor(): void {
  if (!existsSync(SHARED) || FLOOR_SOURCE !== COPY) return;
  const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/(^|[\\/])(node_modules|dist)([\\/]|$)/.test(path.relative(dir, entry.parentPath)))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  const theirs = files(SHARED);
  const ours = files(COPY);
  const differ = [...new Set([...theirs, ...ours])].filter((f) => !theirs.includes(f) || !ours.includes(f) || !readFileSync(path.join(SHARED, f)).equals(readFileSync(path.join(COPY, f))));
  if (differ.length > 0) throw new Error(`bench-floor/ is not a copy of ${SHARED} (${differ.join(', ')}): copy it again, unchanged.`);
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
