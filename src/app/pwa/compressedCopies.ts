// Build step (used by vite.config.ts, runs in Node): writes .br and .gz copies of every text file in dist/,
// so the server (@fastify/static preCompressed) sends a phone about a third of the bytes. Data costs money.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|csv|txt)$/;
const MIN_BYTES = 1024;

function* filesIn(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesIn(full);
    else if (COMPRESSIBLE.test(entry.name) && statSync(full).size >= MIN_BYTES) yield full;
  }
}

export function writeCompressedCopies(dir: string): number {
  let count = 0;
  for (const file of filesIn(dir)) {
    const content = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    count++;
  }
  return count;
}

/** Runs last, after the service worker (sw.js) is written, so it is compressed too. */
export function compressedCopies(): Plugin {
  let outDir = 'dist';
  return {
    name: 'compressed-copies',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        writeCompressedCopies(outDir);
      },
    },
  };
}
