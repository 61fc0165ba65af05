// The single file's module loader, the one script that runs at open. A file opened from disk cannot fetch the
// bundler's chunk files, so each chunk is an inline module script instead, allowed by its own hash in the CSP
// (never by 'unsafe-inline', blob: or data:). The build rewrote every chunk's imports and exports into calls to
// this object. The chunks wait, gzip'd in base64, in templates (data-chunk): the first page's run one after the
// other at open, each in tasks of its own, and the others only when a page needs them (Why: compiling and
// running every page's code at open made one main-thread task of well over 50 ms).
//
// Why a Trusted Types policy here and nowhere else: the document requires TrustedScript for script text, and
// the loader must copy a chunk's text into a new script element. The policy can only be created once, by this
// script, which runs first (the CSP names it and allows no duplicate); it is kept in this module's scope, makes
// scripts only (no HTML), and the CSP still runs a script only if its text has one of the build's hashes.
const policy = globalThis.trustedTypes?.createPolicy("single-file-chunks", { createScript: (text) => text }) ?? {
  createScript: (text) => text,
};
const defined = new Map();
const waiting = new Map();
const loading = new Map();

globalThis.__singleFile = Object.freeze({
  /** Called by a chunk, last, with getters for what it exports. */
  define(file, exports) {
    defined.set(file, exports);
    waiting.get(file)?.(exports);
  },
  /** A static import: the chunk ran before this one (the build orders the scripts, and load() awaits imports). */
  get(file) {
    const exports = defined.get(file);
    if (!exports) throw new Error(`Chunk ${file} has not run.`);
    return exports;
  },
  /** A dynamic import: runs the chunk's template, after the chunks it imports. */
  load(file) {
    if (!loading.has(file)) loading.set(file, run(file));
    return loading.get(file);
  },
});

async function run(file) {
  const template = document.querySelector(`template[data-chunk="${file}"]`);
  if (!template) throw new Error(`Chunk ${file} is not in this file.`);
  const imports = template.dataset.imports ? template.dataset.imports.split(" ") : [];
  for (const f of imports) await globalThis.__singleFile.load(f);
  const text = await inflate(template);
  // Why wait for a new task: the script is compiled when it is put in the document, and that should not add to
  // the task that ran the chunk before it.
  await new Promise((resolve) => setTimeout(resolve));
  return new Promise((resolve, reject) => {
    const blocked = (event) => {
      if (event.violatedDirective.startsWith("script-src")) reject(new Error(`The CSP blocked chunk ${file}.`));
    };
    document.addEventListener("securitypolicyviolation", blocked);
    waiting.set(file, (exports) => {
      document.removeEventListener("securitypolicyviolation", blocked);
      waiting.delete(file);
      resolve(exports);
    });
    const script = document.createElement("script");
    script.type = "module";
    script.text = policy.createScript(text);
    document.head.append(script);
  });
}

/** A chunk's script text: its template holds it gzip'd, in base64 (single-file.mjs says why). */
async function inflate(template) {
  if (typeof DecompressionStream === "undefined")
    throw new Error(
      "this browser cannot unpack the file's code (no DecompressionStream): open it in a current Edge, Chrome, Firefox or Safari",
    );
  const binary = atob(template.content.textContent);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
}

const entry = document.querySelector("template[data-entry]").dataset.chunk;
globalThis.__singleFile.load(entry).catch((error) => {
  document.body.textContent = `The wizard could not start: ${error.message}`;
  throw error;
});
