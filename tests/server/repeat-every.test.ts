// The background senders' clock: a run now, the next only after the last one ended (never two at once, however slow),
// an error logged by its message and the clock going on, and stop waiting for the run in progress.
import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { repeatEvery } from '../../src/server/reminders/repeatEvery.ts';

describe('repeatEvery', () => {
  it('runs at once, never two at once, keeps going after an error, and stop waits for the run in progress', async () => {
    let runs = 0;
    let inFlight = 0;
    let most = 0;
    let finished = 0;
    const errors: string[] = [];
    const clock = repeatEvery(1, async () => {
      runs++;
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(15); // slower than the interval: a setInterval would pile runs up here
      inFlight--;
      finished++;
      if (runs === 2) throw new Error('example failure');
    }, (message) => errors.push(message));
    clock.start();
    clock.start(); // a second start is not a second clock
    await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
    await clock.stop();
    expect(inFlight).toBe(0);
    expect(finished).toBe(runs);
    expect(most).toBe(1);
    expect(errors).toEqual(['example failure']);
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after);
  });
});
