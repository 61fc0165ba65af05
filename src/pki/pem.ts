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
      if (!/^[A-Za-z0-9+/=\s]*$/.test(body)) throw new Error(`The ${label} block is not valid Base 64.`);
      blocks.push({ label, der: fromBase64(body) });
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
