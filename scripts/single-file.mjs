// `npm run build`, second step: one self-contained HTML file (scripts, style and icon inline) that works when
// opened from disk with the network off. Every chunk of the bundle waits in a template, gzip'd in base64, as
// the text of an inline module script; single-file-loader.js, the one script that runs at open, links them and runs the first page's chunks
// one task each, and the other pages' chunks when those pages open. The CSP allows each inline script and the
// style by its SHA-256 hash, not by 'unsafe-inline'. The file's own SHA-256 is printed and written beside it.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { earlyInputHash, policyDirectives } from "../csp.mjs";
import { linkChunk } from "./single-file-link.mjs";

const NAME = "certificate-request-wizard.html";
const result = await build({
  logLevel: "warn",
  build: {
    write: false,
    cssCodeSplit: false,
    modulePreload: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
  },
});
const output = (Array.isArray(result) ? result[0] : result).output;
const chunks = output.filter((o) => o.type === "chunk");
const css = output.filter((o) => o.type === "asset" && o.fileName.endsWith(".css"));
const html0 = output.find((o) => o.type === "asset" && o.fileName === "index.html");
if (css.length > 1 || !html0)
  throw new Error(`Expected index.html and at most one style, got ${output.map((o) => o.fileName).join(", ")}`);

const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// Chunks import each other by file name, all in one folder.
const base = (fileName) => fileName.replace(/^.*\//, "");
const linked = new Map(chunks.map((c) => [base(c.fileName), linkChunk(c.code, base(c.fileName))]));
const entry = base(chunks.find((c) => c.isEntry).fileName);

const loader = readFileSync(new URL("./single-file-loader.js", import.meta.url), "utf8");
// Why compressed: the browser parses every byte of the file before it paints the first page, and the chunks'
// text is nearly all of them (1.1 MB). Gzip in base64 is about 40% of that, and the page shows sooner (README,
// "Size and speed"). The loader inflates a chunk when it runs it; the CSP still allows it only if the inflated
// text has one of the hashes below, so a changed byte in the base64 cannot run. `dist/assets/` holds the same
// chunks as plain files, for reading.
const templates = [...linked].map(([file, chunk]) => {
  const role = file === entry ? " data-entry" : "";
  const gzip = gzipSync(Buffer.from(chunk.code, "utf8"), { level: 9 }).toString("base64");
  return `<template data-chunk="${file}" data-imports="${chunk.imports.join(" ")}"${role} data-gzip>${gzip}</template>`;
});
const style = css.length ? String(css[0].source) : "";
const icon = `data:image/svg+xml;base64,${readFileSync("public/favicon.svg").toString("base64")}`;
const csp = policyDirectives({
  // The early-input script (src/boot/early-input.js) is in the HTML the build gave: its hash is the build's too.
  script: [earlyInputHash, ...[loader, ...[...linked.values()].map((c) => c.code)].map(hash)].join(" "),
  style: style ? hash(style) : "'none'",
  img: "data:",
  trustedTypes: "single-file-chunks",
}).join("; ");

let html = String(html0.source)
  .replace(
    /<meta http-equiv="Content-Security-Policy"[^>]*>/,
    () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
  )
  .replace(/<script type="module" crossorigin src="[^"]+"><\/script>/, () => `<script type="module">${loader}</script>`)
  .replace(/<link rel="stylesheet" crossorigin href="[^"]+">/, () => (style ? `<style>${style}</style>` : ""))
  .replace(
    /<link rel="icon" href="[^"]+" type="image\/svg\+xml" \/?>/,
    () => `<link rel="icon" href="${icon}" type="image/svg+xml">`,
  )
  .replace(/<\/body>/, () => `${templates.join("\n")}\n</body>`);
if (/\s(src|href)="\.?\/?(assets\/|favicon)/.test(html))
  throw new Error("An external reference is left in the single file.");
writeFileSync(`dist/${NAME}`, html);
const sha256 = createHash("sha256").update(html, "utf8").digest("hex");
writeFileSync(`dist/${NAME}.sha256`, `${sha256}  ${NAME}\n`);
console.log(`dist/${NAME}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB, ${templates.length} chunks`);
console.log(`SHA-256 ${sha256}  ${NAME}`);
