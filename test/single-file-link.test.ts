/** The single file's chunk linker: what it rewrites, that linked chunks behave as the modules did, and what it refuses. */
import { describe, expect, it } from "vitest";
import { linkChunk } from "../scripts/single-file-link.mjs";

/** Runs linked chunks in order against a stand-in for the loader, as the single file runs them. */
function runLinked(chunks: Record<string, string>) {
  const defined = new Map<string, Record<string, unknown>>();
  const loads: string[] = [];
  const singleFile = {
    define: (file: string, exports: Record<string, unknown>) => defined.set(file, exports),
    get: (file: string) => {
      const exports = defined.get(file);
      if (!exports) throw new Error(`${file} has not run`);
      return exports;
    },
    load: (file: string) => (loads.push(file), Promise.resolve(defined.get(file))),
  };
  for (const [file, code] of Object.entries(chunks)) {
    const { code: linked } = linkChunk(code, file);
    // A test-only stand-in for the browser running the inline script; the build itself evaluates nothing.
    new Function("globalThis", "document", linked)({ __singleFile: singleFile }, { baseURI: "file:///x.html" });
  }
  return { defined, loads };
}

describe("linkChunk", () => {
  it("turns static imports into reads, exports into getters, and import() into loads", () => {
    const out = linkChunk(
      'import{a as b,c}from"./lib-1.js";let n=b+c;const l=()=>import(`./page-2.js`);export{n as total,l as open};',
      "app-3.js",
    );
    expect(out.imports).toEqual(["lib-1.js"]);
    expect(out.dynamicImports).toEqual(["page-2.js"]);
    expect(out.code).toContain('const{"a":b,"c":c}=globalThis.__singleFile.get("lib-1.js");');
    expect(out.code).toContain('globalThis.__singleFile.load("page-2.js")');
    expect(out.code).toContain(
      'globalThis.__singleFile.define("app-3.js",{get "total"(){return n},get "open"(){return l}});',
    );
    expect(out.code).not.toMatch(/\bimport\b|\bexport\b/);
  });

  it("linked chunks see each other's bindings, including ones that change after they ran", async () => {
    const { defined, loads } = runLinked({
      "lib-1.js": "let count=1;function bump(){count++}export{count as c,bump as b};",
      "app-2.js":
        'import{c as n,b as up}from"./lib-1.js";import*as lib from"./lib-1.js";const first=n;up();const open=()=>import("./page-3.js");export{first,lib,open};',
    });
    const app = defined.get("app-2.js")!;
    expect(app.first).toBe(1);
    // The namespace import reads through the getter, so it sees the later value as an ES module would.
    expect((app.lib as { c: number }).c).toBe(2);
    await (app.open as () => Promise<unknown>)();
    expect(loads).toEqual(["page-3.js"]);
  });

  it("re-exports read through the other chunk's getters", () => {
    const { defined } = runLinked({
      "lib-1.js": "let n=1;function up(){n++}export{n,up};",
      "facade-2.js": 'export{n as count,up as bump}from"./lib-1.js";',
    });
    const facade = defined.get("facade-2.js") as { count: number; bump: () => void };
    facade.bump();
    expect(facade.count).toBe(2);
    expect(linkChunk('export{n as count}from"./lib-1.js";', "facade-2.js").imports).toEqual(["lib-1.js"]);
  });

  it("defines a chunk that exports nothing, so that loading it still finishes", () => {
    const { defined } = runLinked({ "side-1.js": "globalThis.x=1;" });
    expect(defined.get("side-1.js")).toEqual({});
  });

  it("gives import.meta.url the document's address, as Vite's import() helper passes it", () => {
    expect(linkChunk("const u=import.meta.url;export{u};", "a-1.js").code).toContain(
      "const u=({url:document.baseURI}).url;",
    );
  });

  it("refuses what it cannot link rather than write a broken file", () => {
    expect(() => linkChunk('export*from"./lib-1.js";', "a-1.js")).toThrow(/cannot link ExportAllDeclaration/);
    expect(() => linkChunk("export const x=1;", "a-1.js")).toThrow(/cannot link ExportNamedDeclaration/);
    expect(() => linkChunk("const f=(n)=>import(n);export{f};", "a-1.js")).toThrow(/computed name/);
    expect(() => linkChunk('import{a}from"https://cdn.example/x.js";export{a};', "a-1.js")).toThrow(
      /cannot link import of "https:/,
    );
  });
});
