// `npm run build`, second step: one self-contained HTML file (script, style and icon inline, every page's code
// in it) that works when opened from disk with the network off. Its CSP allows the inline script and style by
// their SHA-256 hashes, not by 'unsafe-inline'. The file's own SHA-256 is printed and written beside it.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { policyDirectives } from "../csp.mjs";

const NAME = "certificate-request-wizard.html";
const out = mkdtempSync(join(tmpdir(), "single-file-"));
try {
  await build({
    logLevel: "warn",
    build: {
      outDir: out,
      emptyOutDir: true,
      cssCodeSplit: false,
      chunkSizeWarningLimit: 4096,
      modulePreload: false,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      // Why one chunk: a file opened from disk cannot load other files, so the pages loaded on demand come inline too.
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const assets = join(out, "assets");
  const files = readdirSync(assets);
  const js = files.filter((f) => f.endsWith(".js"));
  const css = files.filter((f) => f.endsWith(".css"));
  if (js.length !== 1 || css.length > 1) throw new Error(`Expected one script and at most one style, got ${files.join(", ")}`);
  // Why the escape: "</script" inside the code would end the inline script early.
  const script = readFileSync(join(assets, js[0]), "utf8").replace(/<\/(script)/gi, "<\\/$1");
  const style = css.length ? readFileSync(join(assets, css[0]), "utf8") : "";
  const icon = `data:image/svg+xml;base64,${readFileSync("public/favicon.svg").toString("base64")}`;
  const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
  const csp = policyDirectives({ script: hash(script), style: style ? hash(style) : "'none'", img: "data:" }).join("; ");

  let html = readFileSync(join(out, "index.html"), "utf8");
  html = html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(/<script type="module" crossorigin src="[^"]+"><\/script>/, () => `<script type="module">${script}</script>`)
    .replace(/<link rel="stylesheet" crossorigin href="[^"]+">/, () => (style ? `<style>${style}</style>` : ""))
    .replace(/<link rel="icon" href="[^"]+" type="image\/svg\+xml" \/?>/, () => `<link rel="icon" href="${icon}" type="image/svg+xml">`);
  if (/\s(src|href)="\.?\/?assets\//.test(html)) throw new Error("An external reference is left in the single file.");
  writeFileSync(join("dist", NAME), html);
  const sha256 = createHash("sha256").update(html, "utf8").digest("hex");
  writeFileSync(join("dist", `${NAME}.sha256`), `${sha256}  ${NAME}\n`);
  console.log(`dist/${NAME}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB`);
  console.log(`SHA-256 ${sha256}  ${NAME}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
