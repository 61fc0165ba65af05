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
  EncryptedData,
  ID_MS_CSP_NAME,
  KdfBudget,
  pbeDecrypt,
  PFX_LIMITS,
  pfxMac,
  Pkcs12PbeParams,
  UnsupportedPfxError,
  WrongPfxPasswordError,
  type PfxPassword,
} from "./pfx";
import { ID_PBES2, Pbes2Params, Pbkdf2Params } from "./pbes2";
import { friendlyNameProblem } from "./request";

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
    if (algorithm.algorithm === ID_PBES2) {
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

/** What readPfx returns: the MAC, every bag decrypted, and which form of the password opened it. */
export interface ReadPfx {
  macAlgorithm: string;
  macIterations: number;
  bags: PfxBag[];
  /** "absent" when the .pfx was written with no password at all rather than the empty one (RFC 7292 B.1). */
  passwordForm: "given" | "absent";
}

/** Progress of an opening: iterations done of those asked for so far. */
export type PfxProgress = (done: number, total: number) => void;

/**
 * Reads a .pfx in either profile: checks the MAC, decrypts every bag and returns them with their attributes.
 * Every key derivation is counted against PFX_LIMITS before it runs, and bags against the key and certificate
 * limits, so a crafted file is refused with a sentence instead of running for minutes. An empty password is
 * tried as the empty BMPString and then as no password, as OpenSSL does (Windows writes either).
 */
export async function readPfx(params: {
  der: BufferSource;
  password: string;
  crypto?: Crypto;
  onProgress?: PfxProgress;
}): Promise<ReadPfx> {
  const crypto = params.crypto ?? globalThis.crypto;
  const budget = new KdfBudget(params.onProgress);
  let pfx: PFX;
  let authSafeDer: Uint8Array<ArrayBuffer>;
  let infos: AuthenticatedSafe;
  try {
    pfx = AsnConvert.parse(params.der, PFX);
    if (pfx.authSafe.contentType !== id_data) throw new Error("not password integrity");
    authSafeDer = new Uint8Array(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer);
    infos = AsnConvert.parse(authSafeDer, AuthenticatedSafe);
  } catch {
    throw new UnsupportedPfxError("This file is not a .pfx (PKCS #12), or it is damaged.");
  }

  const candidates: PfxPassword[] = params.password === "" ? ["", null] : [params.password];
  // Before any work: every derivation the file asks for where it can be seen without the password (the MAC,
  // each encrypted part, each key in a part that is not encrypted), counted against the limits at once.
  const survey = new KdfBudget();
  for (const _ of candidates) if (pfx.macData) survey.ask(pfx.macData.iterations, "mac");
  for (const iterations of visibleDerivations(infos)) survey.ask(iterations, "kdf");
  let password: PfxPassword = params.password;
  let macAlgorithm = "none";
  let macIterations = 0;
  if (pfx.macData) {
    const macAlg = pfx.macData.mac.digestAlgorithm.algorithm;
    const hash = macAlg === ID_SHA1 ? "SHA-1" : macAlg === ID_SHA256 ? "SHA-256" : null;
    if (!hash)
      throw new UnsupportedPfxError("This .pfx uses a MAC hash that is not read here (only SHA-1 and SHA-256).");
    macAlgorithm = hash;
    macIterations = pfx.macData.iterations;
    const got = new Uint8Array(pfx.macData.mac.digest.buffer);
    const matched: PfxPassword[] = [];
    for (const candidate of candidates) {
      budget.ask(macIterations, "mac");
      const expected = new Uint8Array(
        await pfxMac({
          hash,
          password: candidate,
          salt: new Uint8Array(pfx.macData.macSalt.buffer),
          iterations: macIterations,
          data: authSafeDer,
          crypto,
        }),
      );
      budget.done(macIterations);
      if (got.length === expected.length && got.every((b, i) => b === expected[i])) {
        matched.push(candidate);
        break;
      }
    }
    if (matched.length === 0) throw new WrongPfxPasswordError();
    password = matched[0]!;
  }

  const bags: PfxBag[] = [];
  const count = { keys: 0, certificates: 0 };
  for (const info of infos) {
    let safeDer: BufferSource;
    let safeEncryption = "none";
    try {
      if (info.contentType === id_data) safeDer = AsnConvert.parse(info.content, OctetString).buffer;
      else if (info.contentType === ID_ENCRYPTED_DATA) {
        const enc = AsnConvert.parse(info.content, EncryptedData).encryptedContentInfo;
        safeEncryption = describeEncryption(enc.contentEncryptionAlgorithm);
        const content = enc.encryptedContent?.value ?? new OctetString();
        safeDer = (
          await pbeDecrypt({
            algorithm: enc.contentEncryptionAlgorithm,
            password,
            data: content.buffer,
            crypto,
            budget,
          })
        ).slice().buffer;
      } else throw new UnsupportedPfxError("This .pfx uses public-key encryption, which is not supported here.");
    } catch (e) {
      throw known(e, "This .pfx is damaged: one of its parts cannot be read.");
    }
    let safe: SafeContents;
    try {
      safe = AsnConvert.parse(safeDer, SafeContents);
    } catch {
      // Decrypted with a MAC that matched, or not encrypted at all: what is inside is not a list of bags.
      throw pfx.macData
        ? new UnsupportedPfxError("This .pfx is damaged: one of its parts cannot be read.")
        : new WrongPfxPasswordError();
    }
    for (const bag of safe) {
      if (bag.bagId === id_certBag && ++count.certificates > PFX_LIMITS.certificates)
        throw new UnsupportedPfxError(
          `This .pfx holds more than ${PFX_LIMITS.certificates} certificates: it is not opened.`,
        );
      if (bag.bagId === id_pkcs8ShroudedKeyBag && ++count.keys > PFX_LIMITS.keys)
        throw new UnsupportedPfxError(`This .pfx holds more than ${PFX_LIMITS.keys} keys: it is not opened.`);
      try {
        const read = await readBag(bag, { password, crypto, budget, safeEncryption });
        if (read) bags.push(read);
      } catch (e) {
        throw known(e, "This .pfx is damaged: one of its certificates or keys cannot be read.");
      }
    }
  }
  return { macAlgorithm, macIterations, bags, passwordForm: password === null ? "absent" : "given" };
}

/** The iteration count of each derivation visible before decryption; a part that cannot be read counts as 1. */
function visibleDerivations(infos: AuthenticatedSafe): number[] {
  const counts: number[] = [];
  const pbeIterations = (algorithm: { algorithm: string; parameters?: ArrayBuffer | null }) => {
    try {
      if (algorithm.algorithm === ID_PBES2) {
        const pbes2 = AsnConvert.parse(algorithm.parameters!, Pbes2Params);
        return AsnConvert.parse(pbes2.keyDerivationFunc.parameters!, Pbkdf2Params).iterationCount;
      }
      return AsnConvert.parse(algorithm.parameters!, Pkcs12PbeParams).iterations;
    } catch {
      return 1;
    }
  };
  for (const info of infos) {
    try {
      if (info.contentType === ID_ENCRYPTED_DATA) {
        counts.push(
          pbeIterations(AsnConvert.parse(info.content, EncryptedData).encryptedContentInfo.contentEncryptionAlgorithm),
        );
      } else if (info.contentType === id_data) {
        const safe = AsnConvert.parse(AsnConvert.parse(info.content, OctetString).buffer, SafeContents);
        for (const bag of safe)
          if (bag.bagId === id_pkcs8ShroudedKeyBag)
            counts.push(pbeIterations(AsnConvert.parse(bag.bagValue, EncryptedPrivateKeyInfo).encryptionAlgorithm));
      }
    } catch {
      // A damaged part is refused when it is read, with its own sentence.
    }
  }
  return counts;
}

/** The errors that already speak to the admin pass; anything else (a library's text) becomes the sentence given. */
function known(e: unknown, sentence: string): Error {
  return e instanceof WrongPfxPasswordError || e instanceof UnsupportedPfxError ? e : new UnsupportedPfxError(sentence);
}

/** One SafeBag (RFC 7292 section 4.2): a certificate or a shrouded key with its attributes; null for other kinds. */
async function readBag(
  bag: SafeContents[number],
  context: { password: PfxPassword; crypto: Crypto; budget: KdfBudget; safeEncryption: string },
): Promise<PfxBag | null> {
  const attrs = bag.bagAttributes ?? [];
  const value = (id: string) => attrs.find((a) => a.attrId === id)?.attrValues[0];
  const text = (id: string) => {
    const v = value(id);
    // Windows writes these BMPStrings with a closing U+0000 (seen in its own exports); OpenSSL drops it too.
    return v ? AsnConvert.parse(v, FriendlyName).value.replace(/\0$/, "") : undefined;
  };
  const keyId = value(id_pkcs9_at_localKeyId);
  const meta = {
    friendlyName: text(id_pkcs9_at_friendlyName),
    localKeyId: keyId ? hexOf(AsnConvert.parse(keyId, OctetString).buffer) : undefined,
    cspName: text(ID_MS_CSP_NAME),
  };
  if (bag.bagId === id_certBag) {
    const cert = AsnConvert.parse(bag.bagValue, CertBag);
    return {
      kind: "certificate",
      der: AsnConvert.parse(cert.certValue, OctetString).buffer,
      encryption: context.safeEncryption,
      ...meta,
    };
  }
  if (bag.bagId !== id_pkcs8ShroudedKeyBag) return null;
  const epki = AsnConvert.parse(bag.bagValue, EncryptedPrivateKeyInfo);
  const der = (
    await pbeDecrypt({
      algorithm: epki.encryptionAlgorithm,
      password: context.password,
      data: epki.encryptedData.buffer,
      crypto: context.crypto,
      budget: context.budget,
    })
  ).slice().buffer;
  let info: PrivateKeyInfo;
  try {
    info = AsnConvert.parse(der, PrivateKeyInfo);
  } catch {
    // The padding happened to fit a wrong password, or the key inside is damaged.
    throw new WrongPfxPasswordError();
  }
  const ku = info.attributes?.find((a) => a.type === ID_KEY_USAGE)?.values[0];
  return {
    kind: "key",
    der,
    algorithm: epki.encryptionAlgorithm.algorithm,
    encryption: describeEncryption(epki.encryptionAlgorithm),
    ...meta,
    keySpec: ku ? new Uint8Array(AsnConvert.parse(ku, BitString).value)[0] : undefined,
  };
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
  /** The name certlm.msc shows, when the .pfx carries one the wizard's friendly-name rule accepts. */
  friendlyName?: string;
  /** Where the friendly name came from, or why the .pfx's name was not used; for the admin. */
  friendlyNameNote?: string;
  /** The key's Windows provider attributes, when the .pfx carries them (RFC 7292 bag attributes, Microsoft's). */
  cspName?: string;
  keySpec?: "exchange" | "signature";
  contents: PfxContents;
}

/** PKCS #8's key usage attribute byte, as Windows writes it for a CAPI key: 0x10 Exchange, 0x80 Signature. */
const KEY_SPEC_BYTE: Record<number, "exchange" | "signature"> = { 0x10: "exchange", 0x80: "signature" };

/**
 * A key container's name, which Windows writes as the key bag's friendlyName: CertEnroll's "te-<template>-<GUID>",
 * a bare or braced GUID, or a machine key file name ("<32 hex>_<GUID>"). Not a name an admin gave.
 */
const CONTAINER_NAME =
  /^(?:te-.*|\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?|[0-9a-f]{32}_[0-9a-f]{8}-[0-9a-f-]{27})$/i;

/**
 * The friendly name to carry over: the key's certificate bag's (what certlm.msc shows), else the key bag's
 * when it is not a container name; checked by the wizard's friendly-name rule before it becomes a form value.
 */
export function pfxFriendlyName(
  key: PfxBag,
  keyCertificate: PfxBag | undefined,
): { friendlyName?: string; note?: string } {
  const fromCertificate = keyCertificate?.friendlyName;
  const fromKey = key.friendlyName && !CONTAINER_NAME.test(key.friendlyName) ? key.friendlyName : undefined;
  const chosen = fromCertificate ?? fromKey;
  if (chosen === undefined)
    return key.friendlyName
      ? { note: "The .pfx names only its key container, not the certificate: no friendly name was taken from it." }
      : {};
  const where = fromCertificate !== undefined ? "the certificate's" : "the key's";
  const problem = friendlyNameProblem(chosen);
  if (problem)
    return { note: `The .pfx's friendly name (${where}) was not used: ${problem.replace(/; retype it\.$/, ".")}` };
  return { friendlyName: chosen, note: `Friendly name: ${where} in the .pfx.` };
}

/** Reads the bags of a .pfx: readPfx here, or the same run in a Worker by the page. */
export type PfxBagReader = (params: {
  der: BufferSource;
  password: string;
  onProgress?: PfxProgress;
}) => Promise<ReadPfx>;

/**
 * Opens a .pfx with its password for conversion: exactly one key, the certificates, and which of them is the
 * key's. Throws WrongPfxPasswordError or UnsupportedPfxError, whose messages are sentences for the admin.
 */
export async function openPfx(params: {
  der: BufferSource;
  password: string;
  crypto?: Crypto;
  read?: PfxBagReader;
  onProgress?: PfxProgress;
}): Promise<OpenedPfx> {
  const crypto = params.crypto ?? globalThis.crypto;
  const [{ spkiOfPrivateKeyInfo }, { spkiSha256 }, x509] = await Promise.all([
    import("./keys"),
    import("./fingerprint"),
    import("./x509"),
  ]);
  const read = await (params.read ?? ((p) => readPfx({ ...p, crypto })))({
    der: params.der,
    password: params.password,
    onProgress: params.onProgress,
  });
  const keys = read.bags.filter((b) => b.kind === "key");
  if (keys.length !== 1)
    throw new UnsupportedPfxError(
      keys.length === 0
        ? "This .pfx holds no private key: it cannot be converted here (a certificate alone needs no .pfx)."
        : "This .pfx holds more than one private key: export each certificate with its key on Windows first.",
    );
  const key = keys[0]!;
  let keySpki: ArrayBuffer;
  try {
    keySpki = await spkiOfPrivateKeyInfo({ pkcs8: key.der, crypto });
  } catch {
    throw new UnsupportedPfxError(
      "The private key in this .pfx is of a kind this page does not read: it reads RSA and ECDSA keys.",
    );
  }
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
  let keyCertificate: PfxBag | undefined;
  for (const bag of read.bags.filter((b) => b.kind === "certificate")) {
    let cert: InstanceType<typeof x509.X509Certificate>;
    let matchesKey: boolean;
    try {
      // The certificate's fields are decoded when first read: the subject and key are read inside this try.
      cert = new x509.X509Certificate(bag.der);
      matchesKey = (await spkiSha256({ spki: cert.publicKey.rawData, crypto })) === fingerprint;
      void cert.subject;
    } catch {
      throw new UnsupportedPfxError("A certificate in this .pfx is damaged: it cannot be read.");
    }
    if (matchesKey && !keyCertificate) keyCertificate = bag;
    certificates.push({ der: new Uint8Array(bag.der), subject: cert.subject });
    items.push({
      kind: "certificate",
      title: cert.subject,
      friendlyName: bag.friendlyName,
      encryption: bag.encryption,
      matchesKey,
    });
  }
  const name = pfxFriendlyName(key, keyCertificate);
  const mac = read.macAlgorithm === "none" ? "none" : `HMAC-${read.macAlgorithm}, ${read.macIterations} iterations`;
  return {
    pkcs8: key.der,
    spkiSha256: fingerprint,
    certificates,
    friendlyName: name.friendlyName,
    friendlyNameNote: name.note,
    cspName: key.cspName,
    keySpec,
    contents: {
      mac: read.passwordForm === "absent" ? `${mac} (written with no password at all)` : mac,
      items,
    },
  };
}

/** The sentence the page shows when a .pfx did not open: the reader's own, or one in the admin's words. */
export function pfxOpenError(e: unknown): string {
  if (e instanceof WrongPfxPasswordError || e instanceof UnsupportedPfxError) return e.message;
  return "The .pfx could not be opened: it is damaged or not a .pfx.";
}
