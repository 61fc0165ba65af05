/** Reads the committed OpenSSL vectors (see test/vectors/make.sh) and imports their keys into WebCrypto. */
import { readFileSync } from "node:fs";
import { readPemBlocks } from "../../src/pki/pem";

export const vector = (name: string): Buffer => readFileSync(new URL(`../vectors/${name}`, import.meta.url));

export const hex = (bytes: ArrayBuffer | Uint8Array): string => Buffer.from(new Uint8Array(bytes)).toString("hex");

/** The fixed RSA 2048 key as a WebCrypto pair, the public half rebuilt from the private one's n and e. */
export async function fixedRsaPair(): Promise<CryptoKeyPair> {
  const pkcs8 = readPemBlocks(vector("rsa2048.pk8.pem").toString())[0]!.der;
  const alg = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, alg, true, ["sign"]);
  const jwk = await crypto.subtle.exportKey("jwk", privateKey);
  const publicKey = await crypto.subtle.importKey("jwk", { kty: jwk.kty, n: jwk.n, e: jwk.e }, alg, true, ["verify"]);
  return { privateKey, publicKey };
}
