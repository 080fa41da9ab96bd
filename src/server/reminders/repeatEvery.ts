// The background senders' clock (appointment reminders, call alerts to PAs): run now, then again `intervalMs` after
// each run ends — never two at once, never piling up behind a slow run — with a timer that never keeps the process
// alive, and a stop that waits for the run in progress so nothing is half-sent when the server closes.
export type Repeating = { start(): void; stop(): Promise<void> };

export function repeatEvery(intervalMs: number, run: () => Promise<unknown>, onError: (message: string) => void): Repeating {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run()
        // Only the message: an error from a database or push service may quote what it was given.
        .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)))
        .finally(() => { running = undefined; schedule(intervalMs); });
    }, delay);
    timer.unref();
  }

  return {
    start() { if (!stopped) return; stopped = false; schedule(0); },
    async stop() { stopped = true; clearTimeout(timer); await running; },
  };
}
