// The app's source files as the i18n tests read them: code only, comments removed (they may quote words and keys).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$|\.d\.ts$/.test(name) ? [full] : [];
  });
}

export const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** Every source file under the given folders (relative to the project), tests and declarations left out. */
export function sourceFiles(dirs: string[]): { file: string; code: string }[] {
  return dirs.flatMap((dir) => files(path.join(ROOT, dir))).map((file) => ({ file: path.relative(ROOT, file), code: withoutComments(readFileSync(file, 'utf8')) }));
}
