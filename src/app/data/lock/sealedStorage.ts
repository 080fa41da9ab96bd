// Personal values in the browser's key/value storage (form drafts, the saved place, the chosen council), sealed like
// the database while the PIN is on. Reads stay synchronous: sealed values are opened into memory at unlock, kept
// there while unlocked, and forgotten at lock; writes update memory at once and reach storage sealed a moment later.
import { fromBase64, sealText, toBase64, unsealText } from './crypto.ts';
import { lockState } from './lockState.ts';

export type Area = 'local' | 'session';
const MARK = 'sealed:';
/** localStorage keys that say something about the person; the rest (language, radius, flags) stay plain. */
const PERSONAL_LOCAL_KEYS: readonly string[] = ['directory.place', 'directory.council'];
const DRAFT_PREFIX = 'draft:';

const storage = (area: Area): Storage => (area === 'local' ? localStorage : sessionStorage);
const isPersonal = (area: Area, key: string) => (area === 'session' ? key.startsWith(DRAFT_PREFIX) : PERSONAL_LOCAL_KEYS.includes(key));
const idOf = (area: Area, key: string) => `${area}\n${key}`;

const opened = new Map<string, string>();
const versions = new Map<string, number>();

/** Like getItem: the plain value, or null when there is none or it is sealed and the phone is locked. May throw. */
export function readPersonal(area: Area, key: string): string | null {
  const raw = storage(area).getItem(key);
  if (raw === null || !raw.startsWith(MARK)) return raw;
  return opened.get(idOf(area, key)) ?? null;
}

/** Like setItem (null: removeItem). While locked, nothing is written: personal text is never stored in plain then. */
export function writePersonal(area: Area, key: string, value: string | null): void {
  const id = idOf(area, key);
  const version = (versions.get(id) ?? 0) + 1;
  versions.set(id, version);
  const state = lockState();
  if (value === null) {
    opened.delete(id);
    storage(area).removeItem(key);
    return;
  }
  if (state.mode === 'off') {
    storage(area).setItem(key, value);
    return;
  }
  if (state.mode !== 'unlocked') return;
  opened.set(id, value);
  void sealText(state.key, value).then((sealed) => {
    // A later write, or a lock, wins; a page closed before this lands loses only this last change, never to plain text.
    if (versions.get(id) === version && lockState().mode === 'unlocked') storage(area).setItem(key, MARK + toBase64(sealed));
  }).catch(() => undefined);
}

function personalKeys(): { area: Area; key: string; raw: string }[] {
  const found: { area: Area; key: string; raw: string }[] = [];
  for (const area of ['local', 'session'] as const) {
    try {
      const store = storage(area);
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        const raw = key === null ? null : store.getItem(key);
        if (key !== null && raw !== null && isPersonal(area, key)) found.push({ area, key, raw });
      }
    } catch {
      // Storage blocked: nothing kept there.
    }
  }
  return found;
}

/** PIN turned on: seal what is stored in plain now. */
export async function sealStorage(key: CryptoKey): Promise<void> {
  for (const { area, key: name, raw } of personalKeys()) {
    if (raw.startsWith(MARK)) continue;
    opened.set(idOf(area, name), raw);
    storage(area).setItem(name, MARK + toBase64(await sealText(key, raw)));
  }
}

/** Unlocked: open what is sealed into memory, so forms and screens read it as before. */
export async function openStorage(key: CryptoKey): Promise<void> {
  for (const { area, key: name, raw } of personalKeys()) {
    if (!raw.startsWith(MARK)) continue;
    try {
      opened.set(idOf(area, name), await unsealText(key, fromBase64(raw.slice(MARK.length))));
    } catch {
      storage(area).removeItem(name);
    }
  }
}

/** PIN turned off: store in plain again what was sealed. */
export function storageToPlain(): void {
  for (const { area, key, raw } of personalKeys()) {
    if (!raw.startsWith(MARK)) continue;
    const value = opened.get(idOf(area, key));
    if (value === undefined) storage(area).removeItem(key);
    else storage(area).setItem(key, value);
  }
  opened.clear();
}

/** Locked: forget what was opened. */
export function forgetOpened(): void {
  opened.clear();
}

/** Forgotten PIN: what is sealed can never be opened, so it goes. */
export function dropSealed(): void {
  for (const { area, key, raw } of personalKeys()) if (raw.startsWith(MARK)) storage(area).removeItem(key);
  opened.clear();
}
