/**
 * Opening a .pfx (PKCS #12, RFC 7292) to convert it: the MAC checked first (a wrong password is one sentence),
 * then every bag decrypted and returned with its attributes and how it was protected, so the page can list
 * what is inside and re-export it in another profile. The tests read createPfx's output with it too.
 */
import { id_data } from "@peculiar/asn1-cms";
import { AuthenticatedSafe, CertBag, id_certBag, id_pkcs8ShroudedKeyBag, PFX, SafeContents } from "@peculiar/asn1-pfx";
import { EncryptedPrivateKeyInfo, PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { FriendlyName, id_pkcs9_at_friendlyName, id_pkcs9_at_localKeyId } from "@peculiar/asn1-pkcs9";
import { AsnConvert, BitString, OctetString } from "@peculiar/asn1-schema";
import {
  checkPfxIterations,
  EncryptedData,
  ID_MS_CSP_NAME,
  pbeDecrypt,
  pfxMac,
  Pkcs12PbeParams,
  UnsupportedPfxError,
  WrongPfxPasswordError,
} from "./pfx";
import { Pbes2Params, Pbkdf2Params } from "./pbes2";

const ID_SHA1 = "1.3.14.3.2.26";
const ID_SHA256 = "2.16.840.1.101.3.4.2.1";
const ID_ENCRYPTED_DATA = "1.2.840.113549.1.7.6";
const ID_KEY_USAGE = "2.5.29.15";

/** One certificate or key of a .pfx, decrypted, with its attributes and how it was encrypted. */
export interface PfxBag {
  kind: "certificate" | "key";
  /** Certificate DER, or the PrivateKeyInfo DER. */
  der: ArrayBuffer;
  algorithm?: string;
  /** How the bag (or the safe holding it) was encrypted, by name with its iteration count; "none" when it was not. */
  encryption: string;
  friendlyName?: string;
  localKeyId?: string;
  cspName?: string;
  /** The PKCS #8 key usage attribute's byte, when there is one: 0x10 Exchange, 0x80 Signature. */
  keySpec?: number;
}

/** The names of the encryption schemes a .pfx uses (RFC 7292 Appendix C, RFC 8018), as OpenSSL prints them. */
const SCHEMES: Record<string, string> = {
  "1.2.840.113549.1.12.1.3": "pbeWithSHA1And3-KeyTripleDES-CBC",
  "1.2.840.113549.1.12.1.6": "pbeWithSHA1And40BitRC2-CBC",
  "2.16.840.1.101.3.4.1.42": "AES-256-CBC",
  "2.16.840.1.101.3.4.1.2": "AES-128-CBC",
  "1.2.840.113549.2.7": "hmacWithSHA1",
  "1.2.840.113549.2.9": "hmacWithSHA256",
};

/** An encryption AlgorithmIdentifier as one line: the scheme, and for PBES2 the cipher, PRF and iterations. */
export function describeEncryption(algorithm: { algorithm: string; parameters?: ArrayBuffer | null }): string {
  try {
    if (algorithm.algorithm === "1.2.840.113549.1.5.13") {
      const pbes2 = AsnConvert.parse(algorithm.parameters!, Pbes2Params);
      const kdf = AsnConvert.parse(pbes2.keyDerivationFunc.parameters!, Pbkdf2Params);
      const prf = SCHEMES[kdf.prf?.algorithm ?? "1.2.840.113549.2.7"] ?? kdf.prf?.algorithm;
      const cipher = SCHEMES[pbes2.encryptionScheme.algorithm] ?? pbes2.encryptionScheme.algorithm;
      return `PBES2, PBKDF2 (${prf}), ${cipher}, ${kdf.iterationCount} iterations`;
    }
    const scheme = SCHEMES[algorithm.algorithm] ?? algorithm.algorithm;
    const iterations = AsnConvert.parse(algorithm.parameters!, Pkcs12PbeParams).iterations;
    return `${scheme}, ${iterations} iterations`;
  } catch {
    return SCHEMES[algorithm.algorithm] ?? algorithm.algorithm;
  }
}

const hexOf = (data: ArrayBuffer) => Array.from(new Uint8Array(data), (b) => b.toString(16).padStart(2, "0")).join("");

/** Reads a .pfx in either profile: checks the MAC, decrypts every bag and returns them with their attributes. */
export async function readPfx(params: {
  der: BufferSource;
  password: string;
  crypto?: Crypto;
}): Promise<{ macAlgorithm: string; macIterations: number; bags: PfxBag[] }> {
  const crypto = params.crypto ?? globalThis.crypto;
  let pfx: PFX;
  let authSafeDer: Uint8Array<ArrayBuffer>;
  try {
    pfx = AsnConvert.parse(params.der, PFX);
    authSafeDer = new Uint8Array(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer);
  } catch {
    throw new UnsupportedPfxError("This file is not a .pfx (PKCS #12).");
  }
  const macAlg = pfx.macData.mac.digestAlgorithm.algorithm;
  const hash = macAlg === ID_SHA1 ? "SHA-1" : macAlg === ID_SHA256 ? "SHA-256" : null;
  if (!hash) throw new UnsupportedPfxError("This .pfx uses a MAC hash that is not supported here.");
  checkPfxIterations(pfx.macData.iterations);
  const expected = await pfxMac({
    hash,
    password: params.password,
    salt: new Uint8Array(pfx.macData.macSalt.buffer),
    iterations: pfx.macData.iterations,
    data: authSafeDer,
    crypto,
  });
  const got = new Uint8Array(pfx.macData.mac.digest.buffer);
  if (got.length !== expected.byteLength || !got.every((b, i) => b === new Uint8Array(expected)[i]))
    throw new WrongPfxPasswordError();

  const bags: PfxBag[] = [];
  for (const info of AsnConvert.parse(authSafeDer, AuthenticatedSafe)) {
    let safeDer: BufferSource;
    let safeEncryption = "none";
    if (info.contentType === id_data) safeDer = AsnConvert.parse(info.content, OctetString).buffer;
    else if (info.contentType === ID_ENCRYPTED_DATA) {
      const enc = AsnConvert.parse(info.content, EncryptedData).encryptedContentInfo;
      safeEncryption = describeEncryption(enc.contentEncryptionAlgorithm);
      const content = enc.encryptedContent?.value ?? new OctetString();
      safeDer = (
        await pbeDecrypt({
          algorithm: enc.contentEncryptionAlgorithm,
          password: params.password,
          data: content.buffer,
          crypto,
        })
      ).slice().buffer;
    } else throw new UnsupportedPfxError("This .pfx uses public-key encryption, which is not supported here.");
    for (const bag of AsnConvert.parse(safeDer, SafeContents)) {
      const attrs = bag.bagAttributes ?? [];
      const value = (id: string) => attrs.find((a) => a.attrId === id)?.attrValues[0];
      const name = value(id_pkcs9_at_friendlyName);
      const keyId = value(id_pkcs9_at_localKeyId);
      const csp = value(ID_MS_CSP_NAME);
      const meta = {
        friendlyName: name ? AsnConvert.parse(name, FriendlyName).value : undefined,
        localKeyId: keyId ? hexOf(AsnConvert.parse(keyId, OctetString).buffer) : undefined,
        cspName: csp ? AsnConvert.parse(csp, FriendlyName).value : undefined,
      };
      if (bag.bagId === id_certBag) {
        const cert = AsnConvert.parse(bag.bagValue, CertBag);
        bags.push({
          kind: "certificate",
          der: AsnConvert.parse(cert.certValue, OctetString).buffer,
          encryption: safeEncryption,
          ...meta,
        });
      } else if (bag.bagId === id_pkcs8ShroudedKeyBag) {
        const epki = AsnConvert.parse(bag.bagValue, EncryptedPrivateKeyInfo);
        const der = (
          await pbeDecrypt({
            algorithm: epki.encryptionAlgorithm,
            password: params.password,
            data: epki.encryptedData.buffer,
            crypto,
          })
        ).slice().buffer;
        const ku = AsnConvert.parse(der, PrivateKeyInfo).attributes?.find((a) => a.type === ID_KEY_USAGE)?.values[0];
        bags.push({
          kind: "key",
          der,
          algorithm: epki.encryptionAlgorithm.algorithm,
          encryption: describeEncryption(epki.encryptionAlgorithm),
          ...meta,
          keySpec: ku ? new Uint8Array(AsnConvert.parse(ku, BitString).value)[0] : undefined,
        });
      }
    }
  }
  return { macAlgorithm: hash, macIterations: pfx.macData.iterations, bags };
}

/** What the page lists of an opened .pfx: no secret, only what each bag is and how it was protected. */
export interface PfxContents {
  mac: string;
  items: {
    kind: "certificate" | "key";
    /** A certificate's subject; for the key, its algorithm and size. */
    title: string;
    friendlyName?: string;
    cspName?: string;
    keySpec?: "Exchange" | "Signature";
    encryption: string;
    /** A certificate whose public key is the key's. */
    matchesKey: boolean;
  }[];
}

/** An opened .pfx: its key (as Complete the request holds an opened key file), its certificates and contents. */
export interface OpenedPfx {
  pkcs8: ArrayBuffer;
  spkiSha256: string;
  certificates: { der: Uint8Array<ArrayBuffer>; subject: string }[];
  friendlyName?: string;
  /** The key's Windows provider attributes, when the .pfx carries them (RFC 7292 bag attributes, Microsoft's). */
  cspName?: string;
  keySpec?: "exchange" | "signature";
  contents: PfxContents;
}

/** PKCS #8's key usage attribute byte, as Windows writes it for a CAPI key: 0x10 Exchange, 0x80 Signature. */
const KEY_SPEC_BYTE: Record<number, "exchange" | "signature"> = { 0x10: "exchange", 0x80: "signature" };

/**
 * Opens a .pfx with its password for conversion: exactly one key, the certificates, and which of them is the
 * key's. Throws WrongPfxPasswordError or UnsupportedPfxError, whose messages are sentences for the admin.
 */
export async function openPfx(params: { der: BufferSource; password: string; crypto?: Crypto }): Promise<OpenedPfx> {
  const crypto = params.crypto ?? globalThis.crypto;
  const [{ spkiOfPrivateKeyInfo }, { spkiSha256 }, x509] = await Promise.all([
    import("./keys"),
    import("./fingerprint"),
    import("./x509"),
  ]);
  const read = await readPfx({ ...params, crypto });
  const keys = read.bags.filter((b) => b.kind === "key");
  if (keys.length !== 1)
    throw new UnsupportedPfxError(
      keys.length === 0
        ? "This .pfx holds no private key: it cannot be converted here (a certificate alone needs no .pfx)."
        : "This .pfx holds more than one private key: export each certificate with its key on Windows first.",
    );
  const key = keys[0]!;
  const keySpki = await spkiOfPrivateKeyInfo({ pkcs8: key.der, crypto });
  const fingerprint = await spkiSha256({ spki: keySpki, crypto });
  const keyInfo = await x509.PublicKey.create(keySpki, crypto).catch(() => null);
  const certificates: OpenedPfx["certificates"] = [];
  const items: PfxContents["items"] = [];
  const keySpec = key.keySpec !== undefined ? KEY_SPEC_BYTE[key.keySpec] : undefined;
  items.push({
    kind: "key",
    title: keyInfo ? `Private key (${keyInfo.algorithm.name})` : "Private key",
    friendlyName: key.friendlyName,
    cspName: key.cspName,
    keySpec: keySpec === "exchange" ? "Exchange" : keySpec === "signature" ? "Signature" : undefined,
    encryption: key.encryption,
    matchesKey: true,
  });
  for (const bag of read.bags.filter((b) => b.kind === "certificate")) {
    const cert = new x509.X509Certificate(bag.der);
    certificates.push({ der: new Uint8Array(bag.der), subject: cert.subject });
    items.push({
      kind: "certificate",
      title: cert.subject,
      friendlyName: bag.friendlyName,
      encryption: bag.encryption,
      matchesKey: (await spkiSha256({ spki: cert.publicKey.rawData, crypto })) === fingerprint,
    });
  }
  return {
    pkcs8: key.der,
    spkiSha256: fingerprint,
    certificates,
    friendlyName: key.friendlyName,
    cspName: key.cspName,
    keySpec,
    contents: { mac: `HMAC-${read.macAlgorithm}, ${read.macIterations} iterations`, items },
  };
}

/** The sentence the page shows when a .pfx did not open. */
export function pfxOpenError(e: unknown): string {
  if (e instanceof WrongPfxPasswordError || e instanceof UnsupportedPfxError) return e.message;
  return `The .pfx could not be opened: ${e instanceof Error ? e.message : String(e)}`;
}
