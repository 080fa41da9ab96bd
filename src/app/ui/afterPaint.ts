// Work the first screen does not need waits until the browser has painted it, so it never delays what people see.

/** Resolves once the browser has painted the next frame (a task queued from inside rAF runs after that paint). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
