/** Key pairs for the request, made with WebCrypto, and the public key's fingerprint. */
import type { HashName, KeyAlgorithm, RsaKeySize } from "./request";

/** WebCrypto's name of each hash choice. */
export const WEBCRYPTO_HASH: Record<HashName, "SHA-256" | "SHA-384" | "SHA-512"> = {
  sha256: "SHA-256",
  sha384: "SHA-384",
  sha512: "SHA-512",
};

export interface KeyChoice {
  algorithm: KeyAlgorithm;
  rsaKeySize: RsaKeySize;
  hash: HashName;
}

/** The WebCrypto algorithm a key is made and used with. RSA keys carry their hash, ECDSA keys do not. */
export function keyAlgorithm(choice: KeyChoice): RsaHashedKeyGenParams | EcKeyGenParams {
  if (choice.algorithm === "rsa") {
    return {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: choice.rsaKeySize,
      publicExponent: new Uint8Array([1, 0, 1]), // 65537, what every CA expects (CA/B Forum BR 6.1.6)
      hash: WEBCRYPTO_HASH[choice.hash],
    };
  }
  return { name: "ECDSA", namedCurve: choice.algorithm === "ecdsa-p256" ? "P-256" : "P-384" };
}

/** The algorithm the request is signed with. */
export function signingAlgorithm(choice: KeyChoice): Algorithm | EcdsaParams {
  return choice.algorithm === "rsa"
    ? { name: "RSASSA-PKCS1-v1_5" }
    : { name: "ECDSA", hash: WEBCRYPTO_HASH[choice.hash] };
}

/**
 * Makes the key pair in the page. Why extractable: the private key leaves WebCrypto only once, to be
 * encrypted under the user's passphrase (private-key.ts); it is never exported in the clear otherwise.
 */
export async function generateKeyPair(params: { choice: KeyChoice; crypto?: Crypto }): Promise<CryptoKeyPair> {
  const crypto = params.crypto ?? globalThis.crypto;
  return crypto.subtle.generateKey(keyAlgorithm(params.choice), true, ["sign", "verify"]);
}

/** Bytes as colon-separated upper-case hex, as Windows and OpenSSL print fingerprints. */
export function toColonHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0").toUpperCase()).join(":");
}

/** SHA-256 of the DER SubjectPublicKeyInfo (RFC 5280 4.1.2.7): the same as `openssl pkey -pubout -outform DER | sha256sum`. */
export async function spkiFingerprint(params: { publicKey: CryptoKey; crypto?: Crypto }): Promise<string> {
  const crypto = params.crypto ?? globalThis.crypto;
  const spki = await crypto.subtle.exportKey("spki", params.publicKey);
  return toColonHex(await crypto.subtle.digest("SHA-256", spki));
}
