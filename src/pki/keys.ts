/** Key pairs for the request, made with WebCrypto, and the public key's fingerprint. */
import { PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { ECParameters } from "@peculiar/asn1-ecc";
import { AsnConvert } from "@peculiar/asn1-schema";
import { curveOfAlgorithm, curveOfOid } from "./curves";
import { spkiSha256 } from "./fingerprint";
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
  /** RSASSA-PSS for the request's signature (MMC's "Use alternate signature format"); RSA only. */
  alternateSignature?: boolean;
}

/** The hash's output length in bytes: RFC 4055's recommended PSS salt length for that hash. */
export const PSS_SALT_LENGTH: Record<HashName, number> = { sha256: 32, sha384: 48, sha512: 64 };

const usesPss = (choice: KeyChoice) => choice.algorithm === "rsa" && choice.alternateSignature === true;

/** The WebCrypto algorithm a key is made and used with. RSA keys carry their hash, ECDSA keys do not. */
export function keyAlgorithm(choice: KeyChoice): RsaHashedKeyGenParams | EcKeyGenParams {
  if (choice.algorithm === "rsa") {
    return {
      // Why a PSS key for PSS: WebCrypto binds a key to one scheme. Both export as rsaEncryption, so the key
      // file and the .pfx are the same as for a PKCS #1 v1.5 key.
      name: usesPss(choice) ? "RSA-PSS" : "RSASSA-PKCS1-v1_5",
      modulusLength: choice.rsaKeySize,
      publicExponent: new Uint8Array([1, 0, 1]), // 65537, what every CA expects (CA/B Forum BR 6.1.6)
      hash: WEBCRYPTO_HASH[choice.hash],
    };
  }
  return { name: "ECDSA", namedCurve: curveOfAlgorithm(choice.algorithm)!.name };
}

/** The algorithm the request is signed with. */
export function signingAlgorithm(choice: KeyChoice): Algorithm | EcdsaParams | RsaPssParams {
  // RSASSA-PSS as RFC 4055 3.1 recommends: the key's hash, MGF1 with the same hash, a salt as long as the hash
  // (@peculiar/x509 writes these parameters into the AlgorithmIdentifier).
  if (usesPss(choice)) return { name: "RSA-PSS", saltLength: PSS_SALT_LENGTH[choice.hash] };
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

/** SHA-256 of the DER SubjectPublicKeyInfo (RFC 5280 4.1.2.7): the same as `openssl pkey -pubout -outform DER | sha256sum`. */
export async function spkiFingerprint(params: { publicKey: CryptoKey; crypto?: Crypto }): Promise<string> {
  const crypto = params.crypto ?? globalThis.crypto;
  return spkiSha256({ spki: await crypto.subtle.exportKey("spki", params.publicKey), crypto });
}

/** OIDs of the key algorithms a PrivateKeyInfo may carry (RFC 8017, RFC 5480), with WebCrypto's import parameters. */
const KEY_IMPORT: Record<string, (curve?: string) => RsaHashedImportParams | EcKeyImportParams | null> = {
  "1.2.840.113549.1.1.1": () => ({ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }),
  "1.2.840.10045.2.1": (curve) => {
    const named = curveOfOid(curve)?.name;
    return named ? { name: "ECDSA", namedCurve: named } : null;
  },
};

/**
 * The SubjectPublicKeyInfo of a private key read from a file: the public half is rebuilt from the private
 * one's JWK (n and e, or x and y), since PKCS #8 does not always carry it.
 */
export async function spkiOfPrivateKeyInfo(params: { pkcs8: BufferSource; crypto?: Crypto }): Promise<ArrayBuffer> {
  const crypto = params.crypto ?? globalThis.crypto;
  const info = AsnConvert.parse(params.pkcs8, PrivateKeyInfo);
  const alg = info.privateKeyAlgorithm;
  const curve =
    alg.parameters && alg.parameters.byteLength > 2
      ? AsnConvert.parse(alg.parameters, ECParameters).namedCurve
      : undefined;
  const importParams = KEY_IMPORT[alg.algorithm]?.(curve);
  if (!importParams) throw new Error("This key's algorithm is not RSA or ECDSA P-256, P-384 or P-521.");
  const privateKey = await crypto.subtle.importKey("pkcs8", params.pkcs8, importParams, true, ["sign"]);
  const { kty, n, e, crv, x, y } = await crypto.subtle.exportKey("jwk", privateKey);
  const publicKey = await crypto.subtle.importKey("jwk", { kty, n, e, crv, x, y }, importParams, true, ["verify"]);
  return crypto.subtle.exportKey("spki", publicKey);
}
