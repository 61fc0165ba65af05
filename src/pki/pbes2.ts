/**
 * PBES2 (RFC 8018 section 6.2) with PBKDF2 and AES-CBC: the parameters as ASN.1, and encryption and decryption
 * of any data with WebCrypto. Used by the encrypted key file (PKCS #8) and by the AES256-SHA256 .pfx profile.
 * Reading also takes des-EDE3-CBC (node-forge's 3DES, loaded only then), as `openssl pkcs8 -v2 des3` writes it.
 */
import { AsnConvert, AsnProp, AsnPropTypes, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";

/** RFC 8018 Appendix A.4 id-PBES2, A.2 id-PBKDF2. */
export const ID_PBES2 = "1.2.840.113549.1.5.13";
export const ID_PBKDF2 = "1.2.840.113549.1.5.12";
/** RFC 8018 Appendix B.1: the PRFs PBKDF2 may use. hmacWithSHA1 is the DEFAULT when absent. */
const PRFS: Record<string, "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512"> = {
  "1.2.840.113549.2.7": "SHA-1",
  "1.2.840.113549.2.9": "SHA-256",
  "1.2.840.113549.2.10": "SHA-384",
  "1.2.840.113549.2.11": "SHA-512",
};
export const ID_HMAC_WITH_SHA256 = "1.2.840.113549.2.9";
/** NIST aes128/192/256-CBC (RFC 8018 B.2.5 names AES-CBC-Pad), parameters: the 16-byte IV. */
const AES_CBC: Record<string, number> = {
  "2.16.840.1.101.3.4.1.2": 128,
  "2.16.840.1.101.3.4.1.22": 192,
  "2.16.840.1.101.3.4.1.42": 256,
};
export const ID_AES256_CBC = "2.16.840.1.101.3.4.1.42";
/** RFC 8018 B.2.2 des-EDE3-CBC, parameters: the 8-byte IV. Read only, as `openssl pkcs8 -v2 des3` writes it. */
const ID_DES_EDE3_CBC = "1.2.840.113549.3.7";

/** Why a ceiling when reading: a hostile file could otherwise ask the page to run for hours. */
const MAX_ITERATIONS = 10_000_000;

/**
 * ```asn1
 * PBKDF2-params ::= SEQUENCE {
 *   salt CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier {{PBKDF2-SaltSources}} },
 *   iterationCount INTEGER (1..MAX),
 *   keyLength INTEGER (1..MAX) OPTIONAL,
 *   prf AlgorithmIdentifier {{PBKDF2-PRFs}} DEFAULT algid-hmacWithSHA1 }
 * ```
 * Only the `specified` salt is supported, as in every PBES2 file OpenSSL and Windows write.
 */
export class Pbkdf2Params {
  @AsnProp({ type: OctetString })
  public salt = new OctetString();

  @AsnProp({ type: AsnPropTypes.Integer })
  public iterationCount = 0;

  @AsnProp({ type: AsnPropTypes.Integer, optional: true })
  public keyLength?: number;

  @AsnProp({ type: AlgorithmIdentifier, optional: true })
  public prf?: AlgorithmIdentifier;

  constructor(params: Partial<Pbkdf2Params> = {}) {
    Object.assign(this, params);
  }
}

/**
 * ```asn1
 * PBES2-params ::= SEQUENCE {
 *   keyDerivationFunc AlgorithmIdentifier {{PBES2-KDFs}},
 *   encryptionScheme AlgorithmIdentifier {{PBES2-Encs}} }
 * ```
 */
export class Pbes2Params {
  @AsnProp({ type: AlgorithmIdentifier })
  public keyDerivationFunc = new AlgorithmIdentifier();

  @AsnProp({ type: AlgorithmIdentifier })
  public encryptionScheme = new AlgorithmIdentifier();

  constructor(params: Partial<Pbes2Params> = {}) {
    Object.assign(this, params);
  }
}

/** Why UTF-8 of the string as typed: it is the octet string OpenSSL derives from when the same text is typed at its prompt. */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase);
}

async function deriveAesKey(params: {
  passphrase: string;
  salt: BufferSource;
  iterations: number;
  prf: "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";
  bits: number;
  usage: "encrypt" | "decrypt";
  crypto: Crypto;
}): Promise<CryptoKey> {
  const { crypto } = params;
  const base = await crypto.subtle.importKey("raw", passphraseBytes(params.passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", salt: params.salt, iterations: params.iterations, hash: params.prf },
    base,
    { name: "AES-CBC", length: params.bits },
    false,
    [params.usage],
  );
}

/** Thrown for parameters this reader cannot use whatever the passphrase; the message is for the admin. */
export class UnsupportedEncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedEncryptionError";
  }
}

/**
 * Encrypts data under a passphrase with PBKDF2-HMAC-SHA256 and AES-256-CBC; returns the PBES2
 * AlgorithmIdentifier and the ciphertext. `salt` and `iv` may be given only so tests can pin the bytes.
 */
export async function pbes2Encrypt(params: {
  data: BufferSource;
  passphrase: string;
  iterations: number;
  saltLength?: number;
  salt?: Uint8Array<ArrayBuffer>;
  iv?: Uint8Array<ArrayBuffer>;
  crypto?: Crypto;
}): Promise<{ algorithm: AlgorithmIdentifier; ciphertext: ArrayBuffer }> {
  const crypto = params.crypto ?? globalThis.crypto;
  // Why random salt of 16 bytes by default: RFC 8018 4.1 asks for at least 64 bits; NIST SP 800-132 for 128.
  const salt = params.salt ?? crypto.getRandomValues(new Uint8Array(params.saltLength ?? 16));
  // Why a fresh random IV: CBC needs an unpredictable IV for each encryption (RFC 8018 B.2.5).
  const iv = params.iv ?? crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveAesKey({
    passphrase: params.passphrase,
    salt,
    iterations: params.iterations,
    prf: "SHA-256",
    bits: 256,
    usage: "encrypt",
    crypto,
  });
  const ciphertext = await crypto.subtle.encrypt({ name: "AES-CBC", iv }, key, params.data);
  const pbes2 = new Pbes2Params({
    keyDerivationFunc: new AlgorithmIdentifier({
      algorithm: ID_PBKDF2,
      parameters: AsnConvert.serialize(
        new Pbkdf2Params({
          salt: new OctetString(salt),
          iterationCount: params.iterations,
          prf: new AlgorithmIdentifier({ algorithm: ID_HMAC_WITH_SHA256, parameters: null }),
        }),
      ),
    }),
    encryptionScheme: new AlgorithmIdentifier({
      algorithm: ID_AES256_CBC,
      parameters: AsnConvert.serialize(new OctetString(iv)),
    }),
  });
  return {
    algorithm: new AlgorithmIdentifier({ algorithm: ID_PBES2, parameters: AsnConvert.serialize(pbes2) }),
    ciphertext,
  };
}

/**
 * Decrypts PBES2 data. Throws UnsupportedEncryptionError for parameters it cannot use, and the platform's
 * error when the CBC padding is wrong, which is what a wrong passphrase almost always gives.
 */
export async function pbes2Decrypt(params: {
  algorithm: AlgorithmIdentifier;
  ciphertext: BufferSource;
  passphrase: string;
  crypto?: Crypto;
}): Promise<ArrayBuffer> {
  const crypto = params.crypto ?? globalThis.crypto;
  if (params.algorithm.algorithm !== ID_PBES2 || !params.algorithm.parameters) {
    throw new UnsupportedEncryptionError("This is encrypted with an old scheme; only PBES2 (AES) is supported here.");
  }
  let pbes2: Pbes2Params;
  let kdf: Pbkdf2Params;
  let iv: OctetString;
  try {
    pbes2 = AsnConvert.parse(params.algorithm.parameters, Pbes2Params);
    if (pbes2.keyDerivationFunc.algorithm !== ID_PBKDF2 || !pbes2.keyDerivationFunc.parameters) throw new Error();
    kdf = AsnConvert.parse(pbes2.keyDerivationFunc.parameters, Pbkdf2Params);
    iv = AsnConvert.parse(pbes2.encryptionScheme.parameters ?? new ArrayBuffer(0), OctetString);
  } catch {
    throw new UnsupportedEncryptionError("The encryption parameters are damaged or not PBKDF2.");
  }
  const prf = kdf.prf ? PRFS[kdf.prf.algorithm] : "SHA-1";
  const des3 = pbes2.encryptionScheme.algorithm === ID_DES_EDE3_CBC;
  const bits = des3 ? 192 : AES_CBC[pbes2.encryptionScheme.algorithm];
  if (!prf) throw new UnsupportedEncryptionError("The PBKDF2 hash is not supported.");
  if (!bits) throw new UnsupportedEncryptionError("The cipher is neither AES-CBC nor 3DES-CBC, the ones read here.");
  if (iv.byteLength !== (des3 ? 8 : 16)) throw new UnsupportedEncryptionError("The initialisation vector is damaged.");
  if (kdf.iterationCount < 1 || kdf.iterationCount > MAX_ITERATIONS) {
    throw new UnsupportedEncryptionError(
      `It asks for ${kdf.iterationCount} PBKDF2 iterations, outside what is safe to run here.`,
    );
  }
  if (des3) {
    if (kdf.keyLength !== undefined && kdf.keyLength !== 24) {
      throw new UnsupportedEncryptionError("The PBKDF2 key length does not fit the cipher.");
    }
    // Why node-forge here: WebCrypto has no 3DES; PBKDF2 itself is still WebCrypto's.
    const base = await crypto.subtle.importKey("raw", passphraseBytes(params.passphrase), "PBKDF2", false, [
      "deriveBits",
    ]);
    const key = await crypto.subtle.deriveBits(
      { name: "PBKDF2", salt: kdf.salt.buffer, iterations: kdf.iterationCount, hash: prf },
      base,
      192,
    );
    const { des3Cbc } = await import("./des3");
    const c = params.ciphertext;
    const data = ArrayBuffer.isView(c) ? new Uint8Array(c.buffer, c.byteOffset, c.byteLength) : new Uint8Array(c);
    const out = des3Cbc({ encrypt: false, key: new Uint8Array(key), iv: new Uint8Array(iv.buffer), data });
    if (!out) throw new Error("The padding is broken: the passphrase does not fit.");
    return out.buffer;
  }
  if (kdf.keyLength !== undefined && kdf.keyLength !== bits / 8) {
    throw new UnsupportedEncryptionError("The PBKDF2 key length does not fit the cipher.");
  }
  const key = await deriveAesKey({
    passphrase: params.passphrase,
    salt: kdf.salt.buffer,
    iterations: kdf.iterationCount,
    prf,
    bits,
    usage: "decrypt",
    crypto,
  });
  return crypto.subtle.decrypt({ name: "AES-CBC", iv: iv.buffer }, key, params.ciphertext);
}
