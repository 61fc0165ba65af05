import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { policyDirectives } from "./csp.mjs";

export const contentSecurityPolicy = policyDirectives({ script: "'self'", style: "'self'", img: "'self' data:" }).join(
  "; ",
);

/** Writes the CSP into the built index.html, so it holds on any static web server. */
function cspMeta(): Plugin {
  return {
    name: "csp-meta",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy },
        injectTo: "head-prepend",
      },
    ],
  };
}

/**
 * node-forge's pbe.js, which holds the PKCS #12 key derivation pfx.ts uses (RFC 7292 Appendix B), requires
 * RSA (with its big-integer and prime code), RC2, AES, PBKDF2, PEM and the random generator for functions this
 * product never calls: about 100 KB of the .pfx chunk. Those requires from pbe.js get an empty module; the one
 * thing pbe.js reads of them as it loads, `forge.jsbn.BigInteger`, is left undefined. The e2e tests export
 * both .pfx profiles from the built page and OpenSSL reads them, so a missing piece would show there.
 */
function forgePkcs12KdfOnly(): Plugin {
  const unused = new Set(["./aes", "./pbkdf2", "./pem", "./random", "./rc2", "./rsa"]);
  const stub = "\0forge-unused";
  return {
    name: "forge-pkcs12-kdf-only",
    enforce: "pre",
    apply: "build",
    resolveId: (source, importer) =>
      importer?.replace(/\\/g, "/").endsWith("node-forge/lib/pbe.js") && unused.has(source) ? stub : null,
    load: (id) =>
      id === stub
        ? 'var forge = require("node-forge/lib/forge"); forge.jsbn = forge.jsbn || {}; module.exports = forge;'
        : null,
  };
}

export default defineConfig({
  base: "./",
  plugins: [cspMeta(), forgePkcs12KdfOnly()],
  oxc: { jsx: { runtime: "automatic" } },
  // The .pfx reader's Worker (src/pki/pfx-worker.ts) is bundled on its own: it gets the same node-forge trim.
  worker: { plugins: () => [forgePkcs12KdfOnly()] },
  build: {
    target: "es2022",
    sourcemap: false,
    // Why ASCII: one "…" makes a whole script two-byte text, which the browser decodes and V8 scans more slowly.
    rolldownOptions: { output: { charset: "ascii" } },
  },
  // `npm start` serves the production build; the header repeats the meta tag (and adds frame-ancestors).
  preview: {
    port: 4173,
    headers: { "Content-Security-Policy": `${contentSecurityPolicy}; frame-ancestors 'none'` },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    // RSA 4096 key generation and the OpenSSL runs take seconds on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
