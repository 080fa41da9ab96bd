// The one way the app loads a screen or card lazily: React's lazy(), which also waits for every screen's English
// words (the first screen bundles only its own: firstScreenWords.ts). Both load side by side, so it costs no round
// trip; and nothing drawn later ever shows a key in place of a word, in English or falling back to it.
import { type ComponentType, lazy } from 'react';

import { everyScreensWords } from './index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the props type React's own lazy() accepts
export function lazyWithWords<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(async () => (await Promise.all([load(), everyScreensWords()]))[0]);
}
