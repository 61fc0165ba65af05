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

/** Every PEM block in a text, in order; text around the blocks is ignored. Throws on a damaged block. */
export function readPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const re = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;
  for (const match of text.matchAll(re)) {
    const body = (match[2] ?? "").trim();
    if (/^[A-Za-z-]+:/m.test(body))
      throw new Error(`The ${match[1]} block uses old-style headers, which are not supported.`);
    if (!/^[A-Za-z0-9+/=\s]*$/.test(body)) throw new Error(`The ${match[1]} block is not valid Base 64.`);
    blocks.push({ label: match[1] as string, der: fromBase64(body) });
  }
  return blocks;
}

/** Bytes as colon-separated upper-case hex, as Windows and OpenSSL print fingerprints. */
export function toColonHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0").toUpperCase()).join(":");
}
