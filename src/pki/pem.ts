/** Encodings: Base 64 as Windows writes a request, PEM in general, reading PEM back, and colon hex. */

/** Bytes as Base 64 (RFC 4648 section 4), without line breaks. */
export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = new Uint8Array(bytes);
  let binary = "";
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base 64 (RFC 4648 section 4) back to bytes; white space anywhere is ignored. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/[\s]+/g, ""));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Base 64 back to bytes, or null where atob refuses it (bad padding, a stray character). */
export function base64OrNull(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return fromBase64(text);
  } catch {
    return null;
  }
}

/**
 * Whether the bytes are exactly one BER/DER value: a tag (X.690 8.1.2, high tag numbers included), a definite
 * length (8.1.3) and that many bytes of contents, with nothing after it. Why this decides before any PEM search:
 * a DER certificate may carry PEM text in one of its values (an extension, a name), and reading that text
 * instead of the file would show and load a different certificate than the one given.
 */
export function isOneDerValue(bytes: Uint8Array): boolean {
  let at = 1;
  if (bytes.length < 2) return false;
  if ((bytes[0]! & 0x1f) === 0x1f) {
    while (at < bytes.length && bytes[at]! & 0x80) at++;
    at++;
  }
  if (at >= bytes.length) return false;
  let length = bytes[at++]!;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || at + count > bytes.length) return false;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[at++]!;
  }
  return at + length === bytes.length;
}

/**
 * The bytes as text when they are text: UTF-8 (or UTF-16 with its byte-order mark, as Notepad saves
 * "Unicode") with no control character but tab, line ends and form feed. Null for anything else, which is
 * then read as DER and never searched for PEM.
 */
export function textOrNull(bytes: Uint8Array): string | null {
  let text: string;
  try {
    const encoding =
      bytes[0] === 0xff && bytes[1] === 0xfe
        ? "utf-16le"
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? "utf-16be"
          : "utf-8";
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text;
}

/** RFC 7468 textual encoding: 64-column Base 64 between BEGIN and END lines, with the chosen line end. */
export function toPem(params: { label: string; der: ArrayBuffer | Uint8Array; eol?: "\n" | "\r\n" }): string {
  const eol = params.eol ?? "\n";
  const lines = toBase64(params.der).match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${params.label}-----`, ...lines, `-----END ${params.label}-----`, ""].join(eol);
}

/** A request as certreq and MMC write it in Base 64: "NEW CERTIFICATE REQUEST", CRLF line ends. */
export function toWindowsRequestBase64(der: ArrayBuffer | Uint8Array): string {
  return toPem({ label: "NEW CERTIFICATE REQUEST", der, eol: "\r\n" });
}

export interface PemBlock {
  label: string;
  der: Uint8Array<ArrayBuffer>;
}

/** An RFC 7468 boundary line's label: short, so scanning for boundaries stays linear in the text's length. */
const BOUNDARY = /-----(BEGIN|END) ([A-Z0-9 #]{1,64})-----/g;

/**
 * Every PEM block in a text (RFC 7468 section 2), in order; text around the blocks is ignored, and a BEGIN
 * line without its END is no block. Throws on a damaged block. Why one pass over the boundary lines: matching
 * each BEGIN to its END with a back-reference rescans the rest of the text per BEGIN, and a file of BEGIN
 * lines then takes minutes.
 */
export function readPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let open: { label: string; start: number } | null = null;
  for (const match of text.matchAll(BOUNDARY)) {
    const [line, kind, label] = match as unknown as [string, "BEGIN" | "END", string];
    if (kind === "BEGIN") open = { label, start: match.index + line.length };
    else if (open?.label === label) {
      const body = text.slice(open.start, match.index).trim();
      if (/^[A-Za-z-]+:/m.test(body))
        throw new Error(`The ${label} block uses old-style headers, which are not supported.`);
      const der = /^[A-Za-z0-9+/=\s]*$/.test(body) ? base64OrNull(body) : null;
      if (!der) throw new Error(`The ${label} block is not valid Base 64.`);
      blocks.push({ label, der });
      open = null;
    }
  }
  return blocks;
}

/** Bytes as space-separated lower-case hex: how a value the page cannot decode is shown raw. */
export function toSpacedHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** Bytes as colon-separated upper-case hex, as Windows and OpenSSL print fingerprints. */
export function toColonHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0").toUpperCase()).join(":");
}
