// What the first page loads, read from the build's manifest (dist/.vite/manifest.json): the entry script and
// style and what they import, and the app's start chunk (src/boot/boot.tsx), which the entry imports after the
// first paint, with what it imports. For the size test (e2e/size-budget.spec.ts) and the bench.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * @param {string} dist the build's folder
 * @returns {string[]} the files, relative to dist, scripts and styles
 */
export function firstLoadFiles(dist = "dist") {
  /** @type {Record<string, { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[] }>} */
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
  const files = new Set();
  const add = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest.`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of chunk.imports ?? []) add(next);
    for (const next of chunk.dynamicImports ?? []) if (next === "src/boot/boot.tsx") add(next);
  };
  add("index.html");
  return [...files];
}
