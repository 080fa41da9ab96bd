// What the page knows about app versions: is a new one waiting, has the app just become available offline.
// A tiny store (no React import) so the service-worker wiring and the notice share it without a context.

export type UpdateState = {
  /** A new version is installed and waits for the person to press Update. */
  updateReady: boolean;
  /** The app has just been saved on this phone for the first time. */
  offlineReady: boolean;
};

let state: UpdateState = { updateReady: false, offlineReady: false };
const listeners = new Set<() => void>();

export function getUpdateState(): UpdateState {
  return state;
}

export function subscribeToUpdateState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setUpdateState(change: Partial<UpdateState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

/** What pressing Update does; the service-worker wiring replaces it. Until then a plain reload picks up a new version. */
let applyUpdateAction: () => void = () => window.location.reload();

export function setApplyUpdate(action: () => void): void {
  applyUpdateAction = action;
}

export function applyUpdate(): void {
  applyUpdateAction();
}

/**
 * Tests only: forget everything between tests.
 * @internal exported for its tests (knip --production)
 */
export function resetUpdateStateForTests(): void {
  state = { updateReady: false, offlineReady: false };
  applyUpdateAction = () => window.location.reload();
}
