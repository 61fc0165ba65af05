/** The public key's fingerprint: how a request, its key and the issued certificate are matched everywhere. */
import { toColonHex } from "./pem";

/**
 * SHA-256 of a DER SubjectPublicKeyInfo (RFC 5280 4.1.2.7), colon hex: the same as
 * `openssl pkey -pubout -outform DER | sha256sum`.
 */
export async function spkiSha256(params: { spki: BufferSource; crypto?: Crypto }): Promise<string> {
  const crypto = params.crypto ?? globalThis.crypto;
  return toColonHex(await crypto.subtle.digest("SHA-256", params.spki));
}
