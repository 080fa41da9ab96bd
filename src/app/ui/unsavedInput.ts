// Which forms hold input the person has not saved yet, so an app update never reloads over it.
import { useEffect } from 'react';

const dirtyForms = new Set<string>();

/** Mark a form (by a stable key such as 'checkin-form') as holding unsaved input, or as clean. */
export function setUnsavedInput(key: string, dirty: boolean): void {
  if (dirty) dirtyForms.add(key);
  else dirtyForms.delete(key);
}

/** True while any form on screen holds input that would be lost by a reload. */
export function hasUnsavedInput(): boolean {
  return dirtyForms.size > 0;
}

/** Keep a form's unsaved state in step with the component; cleared when it unmounts. */
export function useUnsavedInput(key: string, dirty: boolean): void {
  useEffect(() => {
    setUnsavedInput(key, dirty);
    return () => setUnsavedInput(key, false);
  }, [key, dirty]);
}
