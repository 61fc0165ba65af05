/**
 * A parser of certreq's INF format, written for the tests from Microsoft's certreq reference and General Syntax
 * Rules for INF Files: [Section] headers, `Key = Value` lines, values in double quotes with "" for a quote,
 * "%%" for a percent sign (a single "%" starts a %strkey% token, which these files never define, so it is an
 * error here), `;` comments, and `_continue_` lines that append to the previous key's value.
 */
export type Inf = Record<string, Record<string, string>>;

/** Undoes INF's percent escape; a lone "%" would be a string token, substituted by certreq, so it is refused. */
function unpercent(v: string): string {
  if (/%/.test(v.replace(/%%/g, ""))) throw new Error(`A lone % (a %strkey% token) in ${v}`);
  return v.replace(/%%/g, "%");
}

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"')) {
    if (!v.endsWith('"') || v.length < 2) throw new Error(`Unterminated string: ${v}`);
    const inner = v.slice(1, -1);
    if (/(^|[^"])"([^"]|$)/.test(inner.replace(/""/g, ""))) throw new Error(`Stray quote in ${v}`);
    return unpercent(inner.replace(/""/g, '"'));
  }
  return unpercent(v.replace(/\s*;.*$/, ""));
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

/** What certreq must read from the article's example: every [NewRequest] value and the [Extensions]. */
export const ARTICLE_INF = {
  NewRequest: {
    Subject: "CN=webext.contoso.com",
    KeyLength: "2048",
    KeySpec: "1",
    Exportable: "TRUE",
    MachineKeySet: "TRUE",
    ProviderName: "Microsoft RSA SChannel Cryptographic Provider",
    ProviderType: "12",
    HashAlgorithm: "sha256",
    RequestType: "PKCS10",
    FriendlyName: "Reverse Proxy Listener for Lync Server",
  },
  Extensions: {
    "2.5.29.17":
      "{text}dns=webext.contoso.com&dns=meet.contoso.com&dns=dialin.contoso.com&dns=lyncdiscover.contoso.com",
    "2.5.29.15": "{hex}03 02 05 a0",
    "2.5.29.37": "{text}1.3.6.1.5.5.7.3.1,1.3.6.1.5.5.7.3.2",
    Critical: "2.5.29.15",
  },
};

/**
 * Splits certreq's Subject (an X.500 string as CertStrToName reads it) into TYPE=value parts: ", " between
 * parts, a value in double quotes with "" for a quote inside.
 */
export function parseX500(text: string): { type: string; value: string }[] {
  const parts: { type: string; value: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf("=", i);
    if (eq < 0) throw new Error(`No "=" after ${text.slice(i)}`);
    const type = text.slice(i, eq);
    let value = "";
    let j = eq + 1;
    if (text[j] === '"') {
      j++;
      for (;;) {
        if (j >= text.length) throw new Error(`Unterminated quoted value in ${text}`);
        if (text[j] === '"' && text[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (text[j] === '"') break;
        else value += text[j++];
      }
      j++;
    } else {
      const end = text.indexOf(", ", j);
      value = text.slice(j, end < 0 ? text.length : end);
      j = end < 0 ? text.length : end;
    }
    parts.push({ type, value });
    if (j < text.length && text.slice(j, j + 2) !== ", ") throw new Error(`Expected ", " at ${text.slice(j)}`);
    i = j + 2;
  }
  return parts;
}
