// Rewrites one bundler chunk (an ES module) so it can run as an inline script of the single file, linked
// through the loader in single-file-loader.js: `import {a as b} from "./x.js"` becomes a read of what x.js
// defined, `import("./x.js")` a load of x.js's template, and the chunk's `export {...}` a define() with getters.
// Anything else a chunk could contain (export *, a computed import()) stops the build rather than run wrong.
//
// What it buys: the single file runs only the first page's code at open, one chunk per task, and the rest when
// its page opens. Measured with `npm run bench` (README, "Size and speed"): the single file's longest task at
// open is about the static reference's (0.92x on 2026-11-25), where one inline bundle of every page
// (rolldown's codeSplitting: false, what the build did before) ran 125 ms median / 168 ms worst.
// Why the bundler cannot do it alone: an inline module script cannot import another inline script, and the
// CSP allows scripts by hash only (no blob: or data: URLs for chunks, no import map pointing at them). What
// would replace this file: a bundler output format for hash-allowed inline chunks, or browsers loading inline
// modules by specifier; until then, deleting it means going back to the one inline bundle and its long task.
import { parseAst } from "vite";

const LOADER = "globalThis.__singleFile";

/** "./x509-Cf.js" → "x509-Cf.js": chunks import each other by a relative name in the same folder. */
function chunkFile(source, from) {
  const match = /^\.\/([\w.-]+\.js)$/.exec(source);
  if (!match) throw new Error(`${from}: cannot link import of "${source}".`);
  return match[1];
}

function stringValue(node) {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

const name = (node) => (node.type === "Identifier" ? node.name : node.value);

function* walk(node) {
  if (Array.isArray(node)) for (const n of node) yield* walk(n);
  else if (node && typeof node.type === "string") {
    yield node;
    for (const key of Object.keys(node))
      if (typeof node[key] === "object" && node[key] !== null) yield* walk(node[key]);
  }
}

/**
 * @param {string} code the chunk as the bundler wrote it
 * @param {string} file its file name, which other chunks import it by
 * @returns {{ code: string, imports: string[], dynamicImports: string[] }}
 */
export function linkChunk(code, file) {
  const edits = [];
  const imports = [];
  const dynamicImports = [];
  let exported = false;
  const program = parseAst(code);
  for (const node of program.body) {
    if (node.type === "ImportDeclaration") {
      const from = chunkFile(node.source.value, file);
      imports.push(from);
      const read = `${LOADER}.get(${JSON.stringify(from)})`;
      const named = node.specifiers.filter((s) => s.type !== "ImportNamespaceSpecifier");
      const namespace = node.specifiers.find((s) => s.type === "ImportNamespaceSpecifier");
      const parts = [];
      if (named.length) {
        const fields = named.map(
          (s) =>
            `${JSON.stringify(s.type === "ImportDefaultSpecifier" ? "default" : name(s.imported))}:${s.local.name}`,
        );
        parts.push(`const{${fields.join(",")}}=${read};`);
      }
      if (namespace) parts.push(`const ${namespace.local.name}=${read};`);
      edits.push({ start: node.start, end: node.end, text: parts.join("") || `${read};` });
    } else if (node.type === "ExportNamedDeclaration" && !node.declaration) {
      // Why getters: an importer reads the binding when it runs, after this chunk has run whole. A re-export
      // (`export {a as b} from "./x.js"`) reads through x.js's own getters.
      let from = "";
      if (node.source) {
        const source = chunkFile(node.source.value, file);
        imports.push(source);
        from = `${LOADER}.get(${JSON.stringify(source)})`;
      }
      const read = (s) => (node.source ? `${from}[${JSON.stringify(name(s.local))}]` : s.local.name);
      const getters = node.specifiers.map((s) => `get ${JSON.stringify(name(s.exported))}(){return ${read(s)}}`);
      edits.push({
        start: node.start,
        end: node.end,
        text: `${LOADER}.define(${JSON.stringify(file)},{${getters.join(",")}});`,
      });
      exported = true;
    } else if (/^Export/.test(node.type)) {
      throw new Error(`${file}: cannot link ${node.type} "${code.slice(node.start, node.end).slice(0, 60)}".`);
    }
  }
  for (const node of walk(program)) {
    if (node.type === "ImportExpression") {
      const source = stringValue(node.source);
      if (source === undefined) throw new Error(`${file}: cannot link import() of a computed name.`);
      const target = chunkFile(source, file);
      dynamicImports.push(target);
      edits.push({ start: node.start, end: node.end, text: `${LOADER}.load(${JSON.stringify(target)})` });
    } else if (node.type === "MetaProperty") {
      // Vite's dynamic-import helper passes import.meta.url along; an inline script's base is the document's.
      edits.push({ start: node.start, end: node.end, text: "({url:document.baseURI})" });
    }
  }
  if (!exported)
    edits.push({ start: code.length, end: code.length, text: `\n${LOADER}.define(${JSON.stringify(file)},{});` });
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    const original = out.slice(edit.start, edit.end);
    if (edit.start !== edit.end && !/^(import|export)\b/.test(original))
      throw new Error(`${file}: source positions are off at "${original.slice(0, 30)}".`);
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return { code: out, imports, dynamicImports };
}
