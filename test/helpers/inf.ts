/**
 * A parser of certreq's INF format, written for the tests from Microsoft's certreq reference: [Section]
 * headers, `Key = Value` lines, values in double quotes with "" for a quote, `;` comments, and
 * `_continue_` lines that append to the previous key's value.
 */
export type Inf = Record<string, Record<string, string>>;

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"')) {
    if (!v.endsWith('"') || v.length < 2) throw new Error(`Unterminated string: ${v}`);
    const inner = v.slice(1, -1);
    if (/(^|[^"])"([^"]|$)/.test(inner.replace(/""/g, ""))) throw new Error(`Stray quote in ${v}`);
    return inner.replace(/""/g, '"');
  }
  return v.replace(/\s*;.*$/, "");
}

export function parseInf(text: string): Inf {
  if (/[^\r]\n/.test(text)) throw new Error("certreq INF files are written with CRLF line ends");
  const inf: Inf = {};
  let section: Record<string, string> | null = null;
  let last: string | null = null;
  for (const line of text.split("\r\n")) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith(";")) continue;
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      section = inf[header[1]!] = {};
      last = null;
      continue;
    }
    if (!section) throw new Error(`Line outside a section: ${line}`);
    const eq = trimmed.indexOf("=");
    if (eq < 1) throw new Error(`Not a key = value line: ${line}`);
    const key = trimmed.slice(0, eq).trim();
    const value = unquote(trimmed.slice(eq + 1));
    if (key === "_continue_") {
      if (!last) throw new Error("_continue_ with nothing to continue");
      section[last] += value;
    } else {
      if (key in section) throw new Error(`Key ${key} twice`);
      section[key] = value;
      last = key;
    }
  }
  return inf;
}
