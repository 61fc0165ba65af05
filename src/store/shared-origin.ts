/**
 * Every HTML file opened from disk (file://) shares one origin in the browser, and so one localStorage and one
 * IndexedDB: any downloaded HTML file could read what the single file keeps there (the encrypted keys, to guess
 * at offline) or plant a draft. So opened from a file, the wizard keeps nothing in them unless the admin allows
 * it, after reading why; served from a web server, its origin is its own and it keeps the draft as usual.
 */
export const onSharedOrigin = typeof location !== "undefined" && location.protocol === "file:";

/** The sentence the page shows where keeping something in the browser is offered. */
export const SHARED_ORIGIN_WARNING =
  "This page was opened from a file: every HTML file you open from disk in this browser shares its storage, so any of them could read what is kept here (the key stays encrypted under your passphrase, but could be guessed at offline) or plant a draft.";
