// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import { writeCompressedCopies } from './compressedCopies.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('smaller downloads for phones on a data plan', () => {
  it('writes brotli and gzip copies of the app that unpack to exactly the same files', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'compress-'));
    mkdirSync(path.join(dir, 'assets'));
    const script = 'export const words = "' + 'How are you today? '.repeat(200) + '";';
    writeFileSync(path.join(dir, 'assets', 'app.js'), script);
    writeFileSync(path.join(dir, 'tiny.css'), 'a{}');
    writeFileSync(path.join(dir, 'icon.png'), Buffer.alloc(4096, 7));

    expect(writeCompressedCopies(dir)).toBe(1);
    const br = readFileSync(path.join(dir, 'assets', 'app.js.br'));
    const gz = readFileSync(path.join(dir, 'assets', 'app.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(gunzipSync(gz).toString()).toBe(script);
    expect(br.length).toBeLessThan(script.length / 5);
    // Too small to gain anything, or already compressed: left alone.
    expect(existsSync(path.join(dir, 'tiny.css.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'icon.png.br'))).toBe(false);
  });
});
