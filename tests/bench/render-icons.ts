// Draws the app's PNG icons from their SVG sources with the system Chromium. Run after editing an icon:
//   node --import tsx tests/bench/render-icons.ts   (then commit public/icons/*.png)
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { launchChromium } from '../e2e/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
const sources = path.join(root, 'tests/bench/icon-sources');
const icons = path.join(root, 'public/icons');

const renders: { svg: string; png: string; size: number }[] = [
  { svg: path.join(sources, 'icon.svg'), png: 'icon-192.png', size: 192 },
  { svg: path.join(sources, 'icon.svg'), png: 'icon-512.png', size: 512 },
  { svg: path.join(sources, 'icon-maskable.svg'), png: 'icon-maskable-512.png', size: 512 },
  { svg: path.join(sources, 'shortcut-checkin.svg'), png: 'shortcut-checkin-96.png', size: 96 },
  { svg: path.join(sources, 'shortcut-help.svg'), png: 'shortcut-help-96.png', size: 96 },
];

const browser = await launchChromium();
try {
  for (const { svg, png, size } of renders) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const dataUrl = `data:image/svg+xml;base64,${(await readFile(svg)).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}"></body></html>`);
    await page.locator('img').screenshot({ path: path.join(icons, png), omitBackground: true });
    await page.close();
    console.log(`drew public/icons/${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
