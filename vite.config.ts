import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/**
 * The page's Content-Security-Policy. Why: the private key must never leave the page unencrypted, so the
 * page may load its own static files and nothing else, and may open no connection at all.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "manifest-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

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
  build: { target: "es2022", sourcemap: false },
  // `npm start` serves the production build; the header repeats the meta tag (and adds frame-ancestors).
  preview: {
    port: 4173,
    headers: { "Content-Security-Policy": `${contentSecurityPolicy}; frame-ancestors 'none'` },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
  },
});
