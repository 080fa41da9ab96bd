// Every English word the first screen does not draw: its own chunk, named so, loaded by everyScreensWords() in
// index.ts and precached by the service worker, so other screens open offline in English as before.
import words from 'virtual:english-words/rest';

export default words;
