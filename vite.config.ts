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

export default defineConfig({
  base: "./",
  plugins: [cspMeta()],
  oxc: { jsx: { runtime: "automatic" } },
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
