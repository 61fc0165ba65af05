/**
 * What an error says to the admin. One case is reworded: a page's or a step's code that the browser could not
 * fetch from the server (the site was updated since the tab opened, so the old chunk names are gone, or the
 * connection dropped). The browser's own words ("Failed to fetch dynamically imported module: https://…")
 * name a file the admin cannot act on; what helps is to reload.
 */
const CHUNK_NOT_LOADED = [
  /Failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /Importing a module script failed/i, // Safari
];

export const CODE_NOT_LOADED =
  "this step's code could not be loaded from the server: the site was probably updated since this tab was opened, or the connection dropped. Reload the page (if a key is not saved yet, the browser asks first)";

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Whether the error is the browser failing to fetch a chunk of the app's code. */
export function isCodeNotLoaded(e: unknown): boolean {
  return CHUNK_NOT_LOADED.some((pattern) => pattern.test(messageOf(e)));
}

/** The error's message, or, for code that could not be loaded, what to do about it. */
export function errorText(e: unknown): string {
  return isCodeNotLoaded(e) ? CODE_NOT_LOADED : messageOf(e);
}
