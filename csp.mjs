import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * The page's Content-Security-Policy directives. Why: the private key must never leave the page unencrypted,
 * so the page may load its own files and nothing else, may open no connection at all, runs no inline or
 * evaluated script, and takes no HTML from strings (Trusted Types with no policy allowed).
 * The built site allows its own files ('self'); the single file allows its inline scripts and style by hash,
 * and names the one Trusted Types policy its chunk loader creates (scripts only, never HTML).
 * Workers: blob: only, and only through the "default" Trusted Types policy the .pfx reader makes, which passes
 * blob: script URLs and nothing else (src/pki/pfx-off-thread.ts): the .pfx key derivation runs off the page's
 * thread in a Worker the build inlines. A Worker inherits this policy, connect-src 'none' included.
 * The ACME page (acme.html, "Get it issued") is the one exception, opted into by the admin: `connect` widens
 * connect-src to `https:` so that it can reach the CA directory the admin chooses; nothing else is widened.
 * @param {{ script: string; style: string; img: string; trustedTypes?: string; connect?: string }} sources
 * @returns {string[]}
 */
export function policyDirectives(sources) {
  return [
    "default-src 'none'",
    `script-src ${sources.script}`,
    `style-src ${sources.style}`,
    `img-src ${sources.img}`,
    "font-src 'none'",
    `connect-src ${sources.connect ?? "'none'"}`,
    "worker-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types default${sources.trustedTypes ? ` ${sources.trustedTypes}` : ""}`,
  ];
}

/**
 * The page's one inline script that is not a chunk (src/boot/early-input.js), as the build writes it into <head>:
 * its own comment lines left out. Allowed by its SHA-256 in both builds' policies.
 */
export const earlyInputScript = readFileSync(new URL("./src/boot/early-input.js", import.meta.url), "utf8")
  // LF whatever the checkout wrote, so the hash is the same on every machine (web.config and the README give it).
  .replace(/\r\n/g, "\n")
  .split("\n")
  .filter((line) => !/^\s*\/\//.test(line))
  .join("\n")
  .trim();
/** The CSP source that allows earlyInputScript. */
export const earlyInputHash = `'sha256-${createHash("sha256").update(earlyInputScript, "utf8").digest("base64")}'`;
