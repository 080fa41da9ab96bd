// The app's own words, so tests find buttons by the accessible name a person hears, in any shipped language.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const cache = new Map<string, Record<string, unknown>>();

function locale(language: string): Record<string, unknown> {
  if (!cache.has(language)) {
    const file = path.resolve(import.meta.dirname, '../../locales', `${language}.json`);
    cache.set(language, JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  }
  return cache.get(language)!;
}

/** `words('ar', 'checkin.mood.4')` → the Arabic for "Good". Fails loudly for a missing key. */
export function words(language: string, key: string, values: Record<string, string> = {}): string {
  let node: unknown = locale(language);
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`locales/${language}.json has no string at "${key}"`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
}

/**
 * The app's words as a RegExp, for text with a dynamic part a test can't know exactly (a time, a count, a code):
 * the words are matched literally and each `{{name}}` by `parts[name]` (a RegExp source), or by `.+?` if not given.
 * `whole` anchors it to the whole text (^…$).
 * `wordsPattern('en', 'sharing.connectedTo')` → /You are connected to (?:.+?)\./.
 */
export function wordsPattern(language: string, key: string, parts: Record<string, string> = {}, { whole = false } = {}): RegExp {
  const text = words(language, key);
  let source = '';
  let last = 0;
  for (const match of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    source += escapeRegExp(text.slice(last, match.index)) + `(?:${parts[match[1]] ?? '.+?'})`;
    last = match.index + match[0].length;
  }
  source += escapeRegExp(text.slice(last));
  return new RegExp(whole ? `^${source}$` : source);
}

/** Text as a RegExp source that matches it literally, for words the app joins itself ("Send: …"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
