// @vitest-environment node
// The download budgets CI enforces must count exactly what a phone fetches for the first screen and for a language.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { firstRouteScripts, localeChunks, precacheFiles } from '../../bench/sizes.ts';

let dist = '';
let locales = '';
const put = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), content);
};

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'sizes-dist-'));
  locales = mkdtempSync(path.join(tmpdir(), 'sizes-locales-'));
  writeFileSync(path.join(locales, 'en.json'), '{"hello":"Hello"}');
  writeFileSync(path.join(locales, 'ar.json'), '{"hello":"مرحبا"}');
});
afterEach(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(locales, { recursive: true, force: true });
});

describe('what the first screen downloads', () => {
  it('counts entry scripts, modulepreloads and their static imports, but not lazy screens or the PA page', () => {
    put('index.html', '<script type="module" crossorigin src="/assets/app-AAAAAAAA.js"></script>\n<link rel="modulepreload" crossorigin href="/assets/react-BBBBBBBB.js">');
    put('assets/app-AAAAAAAA.js', 'import{a as r}from"./react-BBBBBBBB.js";import"./styles-CCCCCCCC.js";const l=()=>import("./History-DDDDDDDD.js");export{l}');
    put('assets/react-BBBBBBBB.js', 'export*from"./scheduler-EEEEEEEE.js";export const a=1');
    put('assets/styles-CCCCCCCC.js', 'export{}');
    put('assets/scheduler-EEEEEEEE.js', 'export const s=1');
    put('assets/History-DDDDDDDD.js', 'import{z}from"./zod-FFFFFFFF.js";export default z');
    put('assets/zod-FFFFFFFF.js', 'export const z=1');
    put('assets/pa-GGGGGGGG.js', 'export{}');

    expect(firstRouteScripts(dist)).toEqual([
      'assets/app-AAAAAAAA.js',
      'assets/react-BBBBBBBB.js',
      'assets/scheduler-EEEEEEEE.js',
      'assets/styles-CCCCCCCC.js',
    ]);
  });

  it('fails clearly when index.html points at a file that is not there', () => {
    put('index.html', '<script type="module" src="/assets/app-AAAAAAAA.js"></script>');
    expect(() => firstRouteScripts(dist)).toThrow(/not in .*Rebuild/);
  });
});

describe('what switching language downloads', () => {
  it('counts a language split into a re-export and its words as both files', () => {
    put('assets/ar-HHHHHHHH.js', 'export{t as default}from"./ar-IIIIIIII.js";');
    put('assets/ar-IIIIIIII.js', `var t={hello:"${'مرحبا '.repeat(300)}"};export{t}`);
    expect(localeChunks(dist, locales)).toEqual([{ code: 'ar', files: ['assets/ar-HHHHHHHH.js', 'assets/ar-IIIIIIII.js'] }]);
  });

  it('refuses a build where a language has no chunk of its own', () => {
    put('assets/app-AAAAAAAA.js', 'export{}');
    expect(() => localeChunks(dist, locales)).toThrow(/No chunk for locales\/ar.json/);
  });
});

it('reads the offline copy list from the built service worker', () => {
  put('sw.js', 'precacheAndRoute([{"revision":"1","url":"index.html"},{"revision":null,"url":"assets/app-AAAAAAAA.js"}])');
  expect(precacheFiles(dist)).toEqual(['assets/app-AAAAAAAA.js', 'index.html']);
});
