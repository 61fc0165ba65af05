/**
 * The page's Content-Security-Policy directives. Why: the private key must never leave the page unencrypted,
 * so the page may load its own files and nothing else, may open no connection at all, runs no inline or
 * evaluated script, and takes no HTML from strings (Trusted Types with no policy allowed).
 * The built site allows its own files ('self'); the single file allows its inline scripts and style by hash,
 * and names the one Trusted Types policy its chunk loader creates (scripts only, never HTML).
 * @param {{ script: string; style: string; img: string; trustedTypes?: string }} sources
 * @returns {string[]}
 */
export function policyDirectives(sources) {
  return [
    "default-src 'none'",
    `script-src ${sources.script}`,
    `style-src ${sources.style}`,
    `img-src ${sources.img}`,
    "font-src 'none'",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${sources.trustedTypes ?? "'none'"}`,
  ];
}
