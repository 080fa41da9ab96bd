// Ask the browser to keep our data when space runs low; a hint only, so the answer is ignored.
let asked = false;

export function askToKeepDataOnThisPhone(): void {
  if (asked) return;
  asked = true;
  navigator.storage?.persist?.().catch(() => undefined);
}
