/**
 * The ACME account file the page gives the admin: the account URL (`kid`, RFC 8555 section 7.3) and the account
 * key as PKCS #8 EncryptedPrivateKeyInfo under their passphrase (the same PBES2 file as the request's key), in a
 * small JSON file. The key is never kept unencrypted anywhere but in the page's memory.
 */
import { decryptPrivateKey, encryptedKeyPem, encryptPrivateKeyInfo } from "../private-key";
import { readPemBlocks } from "../pem";
import { ES256, publicJwk, type EcPublicJwk } from "./jws";

/** The file's JSON. */
export interface AccountFile {
  format: "acme-account";
  version: 1;
  directory: string;
  kid: string;
  /** PEM "ENCRYPTED PRIVATE KEY". */
  key: string;
}

/** A fresh ECDSA P-256 account key. Why extractable: once, to write the encrypted account file; see openAccountKey. */
export async function generateAccountKey(crypto: Crypto = globalThis.crypto): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
}

/** Writes the account file: the key encrypted under the passphrase (PBES2, private-key.ts), with the directory and kid. */
export async function writeAccountFile(params: {
  privateKey: CryptoKey;
  kid: string;
  directory: string;
  passphrase: string;
  iterations?: number;
  crypto?: Crypto;
}): Promise<string> {
  const crypto = params.crypto ?? globalThis.crypto;
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", params.privateKey);
  const der = await encryptPrivateKeyInfo({
    pkcs8,
    passphrase: params.passphrase,
    iterations: params.iterations,
    crypto,
  });
  const file: AccountFile = {
    format: "acme-account",
    version: 1,
    directory: params.directory,
    kid: params.kid,
    key: encryptedKeyPem(der),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads the account file's JSON, or says in one sentence why it is not one. */
export function readAccountFile(text: string): { ok: true; file: AccountFile } | { ok: false; error: string } {
  const refused = { ok: false as const, error: "This is not an ACME account file from this page." };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return refused;
  }
  if (typeof v !== "object" || v === null) return refused;
  const f = v as Record<string, unknown>;
  if (f.format !== "acme-account" || f.version !== 1) return refused;
  if (typeof f.directory !== "string" || typeof f.kid !== "string" || typeof f.key !== "string") return refused;
  if (!/^https:\/\//.test(f.directory) || !/^https:\/\//.test(f.kid)) return refused;
  if (!f.key.includes("-----BEGIN ENCRYPTED PRIVATE KEY-----")) return refused;
  return { ok: true, file: { format: "acme-account", version: 1, directory: f.directory, kid: f.kid, key: f.key } };
}

/**
 * Opens the account key with the passphrase (WrongPassphraseError otherwise) and imports it to sign. Why import
 * twice: once extractable to read its public JWK, then for signing as non-extractable, so the page's copy cannot
 * be exported again.
 */
export async function openAccountKey(params: {
  pem: string;
  passphrase: string;
  crypto?: Crypto;
}): Promise<{ privateKey: CryptoKey; jwk: EcPublicJwk }> {
  const crypto = params.crypto ?? globalThis.crypto;
  const block = readPemBlocks(params.pem).find((b) => b.label === "ENCRYPTED PRIVATE KEY");
  if (!block) throw new Error("The account file holds no encrypted key.");
  const pkcs8 = await decryptPrivateKey({ der: block.der, passphrase: params.passphrase, crypto });
  const algorithm = { name: "ECDSA", namedCurve: "P-256" };
  const readable = await crypto.subtle.importKey("pkcs8", pkcs8, algorithm, true, ["sign"]);
  const jwk = await publicJwk({ key: readable, crypto });
  const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, algorithm, false, ["sign"]);
  return { privateKey, jwk };
}

/** The account key once its file is written: non-extractable from here on (see openAccountKey). */
export async function lockAccountKey(params: { privateKey: CryptoKey; crypto?: Crypto }): Promise<CryptoKey> {
  const crypto = params.crypto ?? globalThis.crypto;
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", params.privateKey);
  return crypto.subtle.importKey("pkcs8", pkcs8, { name: ES256.name, namedCurve: "P-256" }, false, ["sign"]);
}
