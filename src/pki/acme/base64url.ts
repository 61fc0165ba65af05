/** base64url without padding (RFC 7515 section 2, RFC 4648 section 5): every ACME and JWS value is written so. */
import { fromBase64, toBase64 } from "../pem";

/** Bytes (or a string, as UTF-8) to base64url without padding. */
export function base64url(data: string | ArrayBuffer | Uint8Array): string {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** base64url (padding optional) back to bytes; throws on any other character. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) throw new Error("Not base64url.");
  const plain = text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  return fromBase64(plain + "=".repeat((4 - (plain.length % 4)) % 4));
}
