// Whether the quick-exit note was read (localStorage). Its own file because the page's inline first-paint script
// (shell/chooseShell.ts) reads it too, before any of the app's JavaScript has loaded.
export const EXIT_EXPLAINED_KEY = 'exit.explained';
