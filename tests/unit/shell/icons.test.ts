// The app's icons: the page's, and the web app manifest's (what Chrome shows when the app is installed, and fetches as
// the page loads to decide whether it can be).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const publicDir = path.resolve(import.meta.dirname, '../../../public');
const manifest = JSON.parse(readFileSync(path.join(publicDir, 'manifest.webmanifest'), 'utf8')) as {
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
  shortcuts: { url: string; icons: { src: string; sizes: string; type: string }[] }[];
};

/** A PNG's width and height, from its IHDR chunk (bytes 16–23). */
function pngSize(file: string): string {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

const allIcons = [...manifest.icons, ...manifest.shortcuts.flatMap((s) => s.icons)];

describe('icons', () => {
  it('lists only PNG icons, each there and the size it says', () => {
    // Chrome checks whether a page can be installed as it loads, fetching the manifest's icon and drawing it in the
    // page's own process: an SVG icon is a whole SVG document laid out and painted on the main thread (about 20 ms on a
    // fast machine, four times that on a cheap phone, just after the first paint), a PNG a small decode.
    expect(allIcons.length).toBeGreaterThan(0);
    for (const icon of allIcons) {
      expect(icon.type, icon.src).toBe('image/png');
      expect(pngSize(path.join(publicDir, icon.src)), icon.src).toBe(icon.sizes);
    }
  });

  it("gives the page a PNG icon too, the manifest's own file, so it is fetched once", () => {
    // The same reason: Chrome draws the page's icon (the tab's, history's) in the page's process as it loads.
    const page = readFileSync(path.resolve(publicDir, '../index.html'), 'utf8');
    const links = [...page.matchAll(/<link rel="(?:icon|apple-touch-icon)"[^>]*>/g)].map(([link]) => link);
    expect(links).toHaveLength(2);
    for (const link of links) {
      const href = /href="([^"]+)"/.exec(link)?.[1] ?? '';
      expect(href, link).toMatch(/^\/icons\/.+\.png$/);
      expect(allIcons.map((i) => i.src), link).toContain(href);
      pngSize(path.join(publicDir, href));
    }
  });

  it('has an icon Android can install from (192 and 512) and one it can crop to a circle', () => {
    const sizes = manifest.icons.filter((i) => (i.purpose ?? 'any') === 'any').map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  });
});
