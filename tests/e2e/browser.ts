// Launches the SYSTEM Chromium (never a downloaded browser) headless, with the flags that keep it quiet in CI.
import { existsSync } from 'node:fs';

import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The system Chromium's path, or a clear error saying how to get it. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install Debian's chromium (.ci/run does it) or set CHROMIUM_PATH.`);
  }
  return CHROMIUM_PATH;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), headless: true, ...options, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}
