// The prefix every kept draft has in sessionStorage. Its own file because the page's inline first-paint script
// (shell/chooseShell.ts) checks for drafts too, before any of the app's JavaScript has loaded.
export const DRAFT_PREFIX = 'draft:';
