// Where the language this phone chose is kept (localStorage). Its own file because the page's inline first-paint
// script (shell/chooseShell.ts) reads it too, before any of the app's JavaScript has loaded.
export const LANGUAGE_KEY = 'language';
