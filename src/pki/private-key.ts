/**
 * The private key file: PKCS #8 EncryptedPrivateKeyInfo (RFC 5208 section 6) with PBES2 (RFC 8018
 * section 6.2), PBKDF2-HMAC-SHA256 and AES-256-CBC, as `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes it.
 * Every cipher and KDF is WebCrypto's; pbes2.ts only encodes and decodes the parameters.
 */
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { EncryptedPrivateKeyInfo, PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { pbes2Decrypt, pbes2Encrypt, UnsupportedEncryptionError } from "./pbes2";
import { spkiSha256 } from "./fingerprint";
import { spkiOfPrivateKeyInfo } from "./keys";
import { readPemBlocks, toPem } from "./pem";

/** Iterations for new keys. Why: OWASP's 2023 figure for PBKDF2-HMAC-SHA256, and what the issue asks. */
export const PBKDF2_ITERATIONS = 600_000;

/** The passphrase could not open the key: wrong, or the file is not what it claims. */
export class WrongPassphraseError extends Error {
  constructor() {
    super("The passphrase does not open this key.");
    this.name = "WrongPassphraseError";
  }
}

/** How to encrypt. `salt` and `iv` may be given only so tests can pin the bytes; by default they are fresh random values. */
interface EncryptionChoice {
  passphrase: string;
  iterations?: number;
  salt?: Uint8Array<ArrayBuffer>;
  iv?: Uint8Array<ArrayBuffer>;
  crypto?: Crypto;
}

/** Encrypts a private key under a passphrase and returns the DER EncryptedPrivateKeyInfo. */
export async function encryptPrivateKey(params: EncryptionChoice & { privateKey: CryptoKey }): Promise<ArrayBuffer> {
  const crypto = params.crypto ?? globalThis.crypto;
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", params.privateKey);
  return encryptPrivateKeyInfo({ ...params, pkcs8 });
}

/** The same for a PrivateKeyInfo already in DER (a key read back from a file or from storage). */
export async function encryptPrivateKeyInfo(params: EncryptionChoice & { pkcs8: BufferSource }): Promise<ArrayBuffer> {
  const { algorithm, ciphertext } = await pbes2Encrypt({
    ...params,
    data: params.pkcs8,
    iterations: params.iterations ?? PBKDF2_ITERATIONS,
  });
  return AsnConvert.serialize(
    new EncryptedPrivateKeyInfo({ encryptionAlgorithm: algorithm, encryptedData: new OctetString(ciphertext) }),
  );
}

/** The key file as the wizard writes it: PEM "ENCRYPTED PRIVATE KEY" (RFC 7468 section 11). */
export function encryptedKeyPem(der: ArrayBuffer): string {
  return toPem({ label: "ENCRYPTED PRIVATE KEY", der });
}

/** Thrown for a key file this reader cannot open whatever the passphrase; the message is for the admin. */
export class UnsupportedKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedKeyError";
  }
}

/** Opens a PBES2 EncryptedPrivateKeyInfo and returns the PKCS #8 PrivateKeyInfo DER inside it. */
export async function decryptPrivateKey(params: {
  der: BufferSource;
  passphrase: string;
  crypto?: Crypto;
}): Promise<ArrayBuffer> {
  let info: EncryptedPrivateKeyInfo;
  try {
    info = AsnConvert.parse(params.der, EncryptedPrivateKeyInfo);
  } catch {
    throw new UnsupportedKeyError("This file is not an encrypted private key (PKCS #8).");
  }
  let pkcs8: ArrayBuffer;
  try {
    pkcs8 = await pbes2Decrypt({
      algorithm: info.encryptionAlgorithm,
      ciphertext: info.encryptedData.buffer,
      passphrase: params.passphrase,
      crypto: params.crypto,
    });
  } catch (e) {
    if (e instanceof UnsupportedEncryptionError)
      throw new UnsupportedKeyError(`This key cannot be opened here: ${e.message}`);
    throw new WrongPassphraseError();
  }
  try {
    // A wrong passphrase almost always breaks the CBC padding; when it does not, the result is not PKCS #8.
    AsnConvert.parse(pkcs8, PrivateKeyInfo);
    return pkcs8;
  } catch {
    throw new WrongPassphraseError();
  }
}

/** An opened key file: the PrivateKeyInfo (RFC 5208 section 5) and its public key's fingerprint. */
export interface OpenedKey {
  pkcs8: ArrayBuffer;
  spkiSha256: string;
}

/**
 * Opens the key file the wizard wrote (PEM "ENCRYPTED PRIVATE KEY", RFC 7468 section 11) with its passphrase,
 * and fingerprints its public key so that the issued certificate can be matched to it. Throws
 * UnsupportedKeyError or WrongPassphraseError, whose messages are sentences for the admin.
 */
export async function openKeyFile(params: { pem: string; passphrase: string; crypto?: Crypto }): Promise<OpenedKey> {
  const block = readPemBlocks(params.pem).find((b) => b.label === "ENCRYPTED PRIVATE KEY");
  if (!block) {
    throw new UnsupportedKeyError(
      "This file is not an encrypted private key: expected -----BEGIN ENCRYPTED PRIVATE KEY-----.",
    );
  }
  const pkcs8 = await decryptPrivateKey({ der: block.der, passphrase: params.passphrase, crypto: params.crypto });
  const spki = await spkiOfPrivateKeyInfo({ pkcs8, crypto: params.crypto });
  return { pkcs8, spkiSha256: await spkiSha256({ spki, crypto: params.crypto }) };
}

/** The sentence the page shows when a key file did not open: the reader's own, or one in the admin's words. */
export function keyFileError(e: unknown): string {
  if (e instanceof WrongPassphraseError || e instanceof UnsupportedKeyError) return e.message;
  return "The key could not be opened: the file is damaged or holds a kind of key this page does not read (RSA and ECDSA).";
}
