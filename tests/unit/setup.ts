import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Unmount after every test, so no screen keeps rendering (a language change, a live query) after its test file's
// window is gone; without it React's scheduler can run into a torn-down jsdom ("window is not defined").
afterEach(() => cleanup());
