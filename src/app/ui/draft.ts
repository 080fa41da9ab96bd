// One draft mechanism for every form that can be half-filled: what is typed is kept in sessionStorage (this tab only,
// gone when it closes; sealed while the PIN is on) as it is typed, so a reload or an app update never loses it. The update notice promises to
// keep someone's text only when a form on screen holds unsaved input AND that input is really stored here.
import { useCallback, useEffect, useState } from 'react';

import { readPersonal, writePersonal } from '../data/lock/sealedStorage.ts';
import { DRAFT_PREFIX as PREFIX } from './draftKey.ts';
const dirtyForms = new Set<string>();

export function readDraft<T>(key: string): T | undefined {
  try {
    const raw = readPersonal('session', PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    writePersonal('session', PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the form still works, only reload-protection is lost (and the notice won't promise it).
  }
}

export function clearDraft(key: string): void {
  try {
    writePersonal('session', PREFIX + key, null);
  } catch {
    // Nothing to clear when storage is blocked.
  }
}

function isStored(key: string): boolean {
  try {
    return readPersonal('session', PREFIX + key) !== null;
  } catch {
    return false;
  }
}

/**
 * Mark the form whose draft is kept under `key` as holding unsaved input, or as clean.
 * @internal exported for its tests (knip --production)
 */
export function setUnsavedInput(key: string, dirty: boolean): void {
  if (dirty) dirtyForms.add(key);
  else dirtyForms.delete(key);
}

/** True while a form holds unsaved input whose draft is stored, so an update or reload will give it back. */
export function hasUnsavedInput(): boolean {
  return [...dirtyForms].some(isStored);
}

/** Keep a form's unsaved state in step with the component (its draft is kept under `key`); cleared on unmount. */
export function useUnsavedInput(key: string, dirty: boolean): void {
  useEffect(() => {
    setUnsavedInput(key, dirty);
    return () => setUnsavedInput(key, false);
  }, [key, dirty]);
}

export type Draft<T> = {
  value: T;
  /** True once the person changed something that is not saved yet. */
  dirty: boolean;
  set: (next: T | ((current: T) => T)) => void;
  /** After saving (or to start again): forget the draft. */
  clear: () => void;
};

/**
 * A form's answers, kept under `key` while unsaved. `initial` is what the form shows with no draft (an empty form,
 * or the saved record being edited); pass the same key for the same form, e.g. `appointment-form:<id>`.
 */
export function useDraft<T>(key: string, initial: T | (() => T)): Draft<T> {
  const [state, setState] = useState<{ value: T; dirty: boolean }>(() => {
    const kept = readDraft<T>(key);
    if (kept !== undefined) return { value: kept, dirty: true };
    return { value: typeof initial === 'function' ? (initial as () => T)() : initial, dirty: false };
  });
  useUnsavedInput(key, state.dirty);

  const set = useCallback((next: T | ((current: T) => T)) => {
    setState((s) => {
      const value = typeof next === 'function' ? (next as (current: T) => T)(s.value) : next;
      writeDraft(key, value);
      return { value, dirty: true };
    });
  }, [key]);

  const clear = useCallback(() => {
    clearDraft(key);
    setUnsavedInput(key, false);
    setState((s) => ({ ...s, dirty: false }));
  }, [key]);

  return { value: state.value, dirty: state.dirty, set, clear };
}
