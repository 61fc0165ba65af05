import { fileURLToPath } from "node:url";
import { createServer, build as viteBuild, type Plugin, type UserConfig } from "vite";
import { defineConfig } from "vitest/config";
import { earlyInputHash, earlyInputScript, policyDirectives } from "./csp.mjs";

export const contentSecurityPolicy = policyDirectives({
  script: `'self' ${earlyInputHash}`,
  style: "'self'",
  img: "'self' data:",
}).join("; ");
/** The ACME page's policy: the same, except that it may connect to the https: CA the admin chooses. */
export const acmeContentSecurityPolicy = policyDirectives({
  // The same script sources as the wizard's (its early script's hash included), so connect-src alone differs.
  script: `'self' ${earlyInputHash}`,
  style: "'self'",
  img: "'self' data:",
  connect: "https:",
}).join("; ");
const isAcmePage = (path: string) => /^\/acme(\.html)?$/.test(path.replace(/[?#].*$/, ""));

/** Writes the CSP into each built HTML file (acme.html its own), so it holds on any static web server. */
function cspMeta(): Plugin {
  return {
    name: "csp-meta",
    apply: "build",
    transformIndexHtml: (_html, ctx) => [
      {
        tag: "meta",
        attrs: {
          "http-equiv": "Content-Security-Policy",
          content: isAcmePage(ctx.path) ? acmeContentSecurityPolicy : contentSecurityPolicy,
        },
        injectTo: "head-prepend",
      },
    ],
  };
}

/** `npm start`'s header repeats each page's meta tag (and adds frame-ancestors): the ACME page's for acme.html only. */
function cspHeader(): Plugin {
  return {
    name: "csp-header",
    configurePreviewServer: (server) => {
      server.middlewares.use((req, res, next) => {
        const policy = isAcmePage(req.url ?? "/") ? acmeContentSecurityPolicy : contentSecurityPolicy;
        res.setHeader("Content-Security-Policy", `${policy}; frame-ancestors 'none'`);
        next();
      });
    },
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

/**
 * The first page as HTML in index.html (and so in the single file): rendered at build time by React from the
 * app's own components (src/boot/prerender.tsx), with the inline script that keeps early input
 * (src/boot/early-input.js). Why: the page is readable, its choices visible and its input kept as soon as the
 * HTML is painted, instead of once React has been compiled and run (`npm run bench`, first load). The browser
 * hydrates it (src/boot/boot.tsx); e2e/first-paint.spec.ts clicks before the script runs.
 */
function prerenderFirstPage(): Plugin {
  return {
    name: "prerender-first-page",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: async (html, ctx) => {
        if (ctx.path !== "/index.html") return html;
        const server = await createServer({
          ...pageConfig,
          configFile: false,
          root: fileURLToPath(new URL(".", import.meta.url)),
          logLevel: "warn",
          appType: "custom",
          server: { middlewareMode: true, hmr: false, ws: false },
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const { renderFirstPage } = (await server.ssrLoadModule("/src/boot/prerender.tsx")) as {
            renderFirstPage: () => string;
          };
          const markup = renderFirstPage();
          if (!html.includes('<div id="root"></div>')) throw new Error("index.html has no empty #root to prerender.");
          // The early script first in <head>: after the stylesheet's link it would wait for the style to load,
          // and the parser with it.
          if (!html.includes("<title>")) throw new Error("index.html has no <title> to put the early script before.");
          return html
            .replace('<div id="root"></div>', () => `<div id="root">${markup}</div>`)
            .replace("<title>", () => `<script>${earlyInputScript}</script>\n    <title>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}

/**
 * The modules src/boot/boot.tsx imports statically, found once the module graph is built. Why: the app starts
 * from a dynamic import (after the first paint, src/main.tsx), and code splitting would otherwise cut what it
 * shares with the later pages into a dozen small chunks, each a request and some bytes of its own; they are
 * always loaded with it, so they go in its chunk (bootChunk below).
 */
const bootGraph = new Set<string>();
function findBootGraph(): Plugin {
  return {
    name: "boot-graph",
    apply: "build",
    buildEnd() {
      bootGraph.clear();
      const start = this.getModuleIds
        ? [...this.getModuleIds()].find((id) => /[\\/]src[\\/]boot[\\/]boot\.tsx$/.test(id))
        : undefined;
      const visit = (id: string) => {
        if (bootGraph.has(id)) return;
        bootGraph.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
      };
      if (start) visit(start);
    },
  };
}

/** What both pages are built with. */
const pageConfig = {
  base: "./",
  oxc: { jsx: { runtime: "automatic" } },
  // The .pfx reader's Worker (src/pki/pfx-worker.ts) is bundled on its own: it gets the same node-forge trim.
  worker: { plugins: () => [forgePkcs12KdfOnly()] },
  build: {
    target: "es2022",
    sourcemap: false,
    // Why ASCII: one "…" makes a whole script two-byte text, which the browser decodes and V8 scans more slowly.
    rolldownOptions: {
      output: {
        charset: "ascii",
        // React apart: compiled and run with the app in one script it made a main-thread task over 50 ms.
        codeSplitting: {
          groups: [
            { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            // Vite's preload helper apart: the entry imports it, and would otherwise load (and run) the app's chunk
            // before the first paint.
            { name: "preload-helper", test: /^\0vite\/preload-helper/, priority: 3 },
            { name: "boot", test: (id: string) => bootGraph.has(id), priority: 1 },
          ],
        },
      },
    },
  },
} satisfies UserConfig;

/**
 * The ACME page (acme.html) is built apart, into the same folder, once the wizard's build is written. Why apart:
 * as a second input of one build it would share chunks with the wizard (React, the store), which splits the
 * first page's script into several files and adds ACME's imports to them; apart, the wizard's files are exactly
 * what they were, and no ACME code can reach them. Not for the single file's build (write: false).
 */
function acmePage(): Plugin {
  let outDir = "dist";
  let write = true;
  return {
    name: "acme-page",
    apply: "build",
    configResolved: (config) => {
      outDir = config.build.outDir;
      write = config.build.write;
    },
    closeBundle: async () => {
      if (!write) return;
      await viteBuild({
        ...pageConfig,
        configFile: false,
        logLevel: "warn",
        plugins: [cspMeta(), forgePkcs12KdfOnly()],
        build: {
          ...pageConfig.build,
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          // Its own folder: the wizard's chunk names (pfx-*, des3-*…) stay one file each in assets/.
          rolldownOptions: {
            input: "acme.html",
            output: {
              charset: pageConfig.build.rolldownOptions.output.charset,
              entryFileNames: "assets/acme/[name]-[hash].js",
              chunkFileNames: "assets/acme/[name]-[hash].js",
              assetFileNames: "assets/acme/[name]-[hash][extname]",
            },
          },
        },
      });
    },
  };
}

export default defineConfig({
  ...pageConfig,
  // The manifest says which files the first page loads (scripts/first-load-files.mjs): the entry, and the app's
  // start chunk it imports after the first paint. The size test and the bench read it.
  build: { ...pageConfig.build, manifest: true },
  plugins: [cspMeta(), cspHeader(), forgePkcs12KdfOnly(), findBootGraph(), prerenderFirstPage(), acmePage()],
  // `npm start` serves the production build; cspHeader() sets each page's policy as a header.
  preview: { port: 4173 },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    // RSA 4096 key generation and the OpenSSL runs take seconds on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
