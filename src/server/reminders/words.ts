// What a reminder says when it shows nothing personal, in each language of the table, from the app's own locale
// files (appointments.push): the server never needs the phone to send them, and an unknown language reads English.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { NotificationWords } from '../../shared/appointments/schema.ts';
import { LANGUAGES } from '../../shared/languages.ts';

const LOCALES = path.resolve(import.meta.dirname, '../../../locales');
let table: Map<string, NotificationWords> | undefined;

function load(): Map<string, NotificationWords> {
  const out = new Map<string, NotificationWords>();
  for (const { code } of LANGUAGES) {
    const push = (JSON.parse(readFileSync(path.join(LOCALES, `${code}.json`), 'utf8')) as { appointments?: { push?: Partial<NotificationWords> } }).appointments?.push;
    if (push?.comingUp && push.open) out.set(code, { comingUp: push.comingUp, open: push.open });
  }
  return out;
}

/** The notification words for a language code ("fa", or "fa-IR" by its base), else English. */
export function notificationWords(language: string): NotificationWords {
  table ??= load();
  return table.get(language) ?? table.get(language.toLowerCase().split('-')[0]) ?? table.get('en')!;
}
