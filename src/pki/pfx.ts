/**
 * PKCS #12 (RFC 7292) files in the two profiles Windows imports (shared/docs/windows-pfx.md):
 * - TripleDES-SHA1: key and certificates pbeWithSHAAnd3-KeyTripleDES-CBC, MAC HMAC-SHA-1, as
 *   `openssl pkcs12 -export -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1` writes it;
 * - AES256-SHA256: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for key and certificates, MAC HMAC-SHA-256,
 *   as OpenSSL 3's default `openssl pkcs12 -export` writes it.
 * The PKCS #12 key derivation (RFC 7292 Appendix B) and 3DES come from node-forge (WebCrypto has neither), the
 * derivation's SHA-1 from @noble/hashes (sha1-md.ts); PBKDF2, AES and HMAC from WebCrypto. This module only lays
 * out the ASN.1.
 */
import { ContentInfo, EncryptedContent, EncryptedContentInfo, id_data } from "@peculiar/asn1-cms";
import {
  AuthenticatedSafe,
  CertBag,
  id_certBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
  MacData,
  PFX,
  PKCS12Attribute,
  SafeBag,
  SafeContents,
} from "@peculiar/asn1-pfx";
import { Attributes, EncryptedPrivateKeyInfo, PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { Attribute } from "@peculiar/asn1-x509";
import { FriendlyName, id_pkcs9_at_friendlyName, id_pkcs9_at_localKeyId } from "@peculiar/asn1-pkcs9";
import { DigestInfo } from "@peculiar/asn1-rsa";
import { AsnConvert, AsnProp, AsnPropTypes, BitString, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";
// Only the parts of node-forge this needs (its PKCS #12 key derivation, 3DES and the two hashes), not all of it.
import forge from "node-forge/lib/forge";
import "node-forge/lib/pbe";
import "node-forge/lib/sha256";
import "node-forge/lib/util";
import { des3Cbc } from "./des3";
import { nobleSha1Md } from "./sha1-md";
import { ID_PBES2, Pbes2Params, pbes2Decrypt, pbes2Encrypt, Pbkdf2Params, UnsupportedEncryptionError } from "./pbes2";

export type PfxProfile = "TripleDES-SHA1" | "AES256-SHA256";

/** RFC 7292 Appendix C: pbeWithSHAAnd3-KeyTripleDES-CBC. */
const ID_PBE_SHA1_3DES = "1.2.840.113549.1.12.1.3";
/** pbeWithSHAAnd40BitRC2-CBC (RFC 7292 Appendix C): read only, for .pfx files from OpenSSL 1.1. */
const ID_PBE_SHA1_RC2_40 = "1.2.840.113549.1.12.1.6";
/** RFC 5652 section 8: id-encryptedData. */
const ID_ENCRYPTED_DATA = "1.2.840.113549.1.7.6";
const ID_SHA1 = "1.3.14.3.2.26";
const ID_SHA256 = "2.16.840.1.101.3.4.2.1";
/** Microsoft's CSP name attribute (szOID_PKCS_12_KEY_PROVIDER_NAME_ATTR), BMPString. */
export const ID_MS_CSP_NAME = "1.3.6.1.4.1.311.17.1";
/** id-ce-keyUsage used as a PKCS #8 attribute: the CAPI key spec, as `openssl pkcs12 -keyex/-keysig` writes it. */
const ID_KEY_USAGE = "2.5.29.15";
/** What Lync, Exchange and TMG expect a legacy (CAPI) RSA key to live in. */
export const SCHANNEL_CSP = "Microsoft RSA SChannel Cryptographic Provider";
/** OpenSSL's PKCS12_DEFAULT_ITER: what Windows and OpenSSL write, and what every Windows version imports. */
export const PFX_ITERATIONS = 2048;
/**
 * What a .pfx may ask of the reader before a byte of it is trusted (its MAC is itself the first costly step):
 * .NET's Pkcs12LoaderLimits defaults (System.Security.Cryptography, since .NET 9): the MAC and each key
 * derivation at most 300,000 iterations, all of them together at most 1,000,000, at most 200 keys and 200
 * certificates. Why: RFC 7292 sets no bound, and a crafted file of a few hundred bytes could otherwise keep the
 * page busy for hours (the probe: 10,000,000 iterations per bag). Real writers stay far below: Windows
 * 2,000, OpenSSL 2,048, Java's keytool 10,000.
 */
export const PFX_LIMITS = {
  macIterations: 300_000,
  kdfIterations: 300_000,
  totalIterations: 1_000_000,
  keys: 200,
  certificates: 200,
} as const;

/**
 * A .pfx password as RFC 7292 Appendix B.1 sees it: text, or `null` for an absent password. Why both: Windows
 * writes a .pfx "without a password" either with the empty BMPString (two zero bytes into the key derivation)
 * or with no password at all (nothing), and the two give different MAC keys; OpenSSL tries both.
 */
export type PfxPassword = string | null;

/**
 * Counts every key derivation a .pfx asks for against PFX_LIMITS before it runs, and reports progress as
 * iterations done of those known so far. One budget per opening: a MAC tried twice (empty password) counts twice.
 */
export class KdfBudget {
  private asked = 0;
  private finished = 0;

  constructor(private readonly onProgress?: (done: number, total: number) => void) {}

  /** Refuses a step over the limits with UnsupportedPfxError, before any work; else counts it. */
  ask(count: number, what: "mac" | "kdf"): void {
    // Why Number(): a large INTEGER may come out of the ASN.1 reader as another type; compare and print it as one.
    const iterations = Number(count);
    const limit = what === "mac" ? PFX_LIMITS.macIterations : PFX_LIMITS.kdfIterations;
    const shown = (n: number) => n.toLocaleString("en-US");
    if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > limit)
      throw new UnsupportedPfxError(
        `This .pfx asks for ${shown(iterations)} iterations in one step, where Windows, OpenSSL and Java ask for a few thousand: it is not opened (the limit is ${shown(limit)}).`,
      );
    if (this.asked + iterations > PFX_LIMITS.totalIterations)
      throw new UnsupportedPfxError(
        `This .pfx asks for more than ${shown(PFX_LIMITS.totalIterations)} iterations in all, which no real export does: it is not opened.`,
      );
    this.asked += iterations;
  }

  /** Reports a finished step. */
  done(iterations: number): void {
    this.finished += iterations;
    this.onProgress?.(this.finished, this.asked);
  }
}

/**
 * ```asn1
 * pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
 * ```
 */
export class Pkcs12PbeParams {
  @AsnProp({ type: OctetString })
  public salt = new OctetString();

  @AsnProp({ type: AsnPropTypes.Integer })
  public iterations = 0;

  constructor(params: Partial<Pkcs12PbeParams> = {}) {
    Object.assign(this, params);
  }
}

/**
 * ```asn1
 * EncryptedData ::= SEQUENCE { version CMSVersion, encryptedContentInfo EncryptedContentInfo,
 *   unprotectedAttrs [1] IMPLICIT UnprotectedAttributes OPTIONAL }
 * ```
 * RFC 5652 section 8; the attributes are never written in a .pfx.
 */
export class EncryptedData {
  @AsnProp({ type: AsnPropTypes.Integer })
  public version = 0;

  @AsnProp({ type: EncryptedContentInfo })
  public encryptedContentInfo = new EncryptedContentInfo();

  constructor(params: Partial<EncryptedData> = {}) {
    Object.assign(this, params);
  }
}

const toBinary = (bytes: Uint8Array) => forge.util.binary.raw.encode(bytes);
const fromBinary = (text: string) => Uint8Array.from(forge.util.binary.raw.decode(text));
const bytes = (data: BufferSource) =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** One RFC 7292 Appendix B.2 key derivation: id 1 key, 2 IV, 3 MAC key. */
export interface Pkcs12KdfJob {
  password: PfxPassword;
  salt: Uint8Array;
  id: 1 | 2 | 3;
  iterations: number;
  length: number;
  hash: "SHA-1" | "SHA-256";
}

/**
 * Runs independent key derivations and answers their keys in the same order: in this thread (deriveInThread),
 * or in Workers (pfx-off-thread.ts), which the page passes to createPfx.
 */
export type Pkcs12KdfRunner = (jobs: Pkcs12KdfJob[]) => Promise<Uint8Array[]>;

/** The derivations one after the other in this thread: Node's tests, and a page without Workers. */
export const deriveInThread: Pkcs12KdfRunner = async (jobs) => jobs.map((job) => pkcs12Kdf(job));

/**
 * RFC 7292 Appendix B.2 key derivation (id 1 key, 2 IV, 3 MAC key), node-forge's implementation; with SHA-1
 * (TripleDES, RC2 and the TripleDES-SHA1 MAC) it hashes with @noble/hashes' SHA-1 through its `md` argument.
 */
export function pkcs12Kdf(params: Pkcs12KdfJob): Uint8Array {
  const md = params.hash === "SHA-1" ? nobleSha1Md() : forge.md.sha256.create();
  const out = forge.pbe.generatePkcs12Key(
    // node-forge reads null as "no password" (no bytes at all, not even the BMPString's terminator); its types say string.
    params.password as string,
    forge.util.createBuffer(toBinary(params.salt)),
    params.id,
    params.iterations,
    params.length,
    md,
  );
  return fromBinary(out.getBytes());
}

/** Decrypts pbeWithSHAAnd3-KeyTripleDES-CBC: its key and IV derived here, in this thread. */
function tripleDesDecrypt(params: {
  password: PfxPassword;
  salt: Uint8Array;
  iterations: number;
  data: Uint8Array;
}): Uint8Array {
  const [key, iv] = tripleDesJobs(params.password, params.salt, params.iterations).map((job) => pkcs12Kdf(job));
  const out = des3Cbc({ encrypt: false, key: key!, iv: iv!, data: params.data });
  // A wrong password almost always breaks the padding.
  if (!out) throw new WrongPfxPasswordError();
  return out;
}

/**
 * What one encryption of the profile's scheme needs before its data: the salt (and AES's IV) drawn, and for
 * TripleDES the key and IV derivations it asks for (run by createPfx's runner, alongside the others).
 */
function encryptionInputs(profile: PfxProfile, random: (n: number) => Uint8Array<ArrayBuffer>) {
  if (profile === "AES256-SHA256") return { salt: random(16), iv: random(16) };
  // Why an 8-byte salt: what OpenSSL and Windows write for the PKCS #12 PBE (RFC 7292 B.2 asks for at least 8).
  return { salt: random(8), iv: null };
}

/** The MAC's hash: SHA-256 with AES, SHA-1 with TripleDES (as OpenSSL writes each profile). */
const macHash = (profile: PfxProfile) => (profile === "AES256-SHA256" ? "SHA-256" : "SHA-1");

/** The TripleDES key (id 1, 24 bytes) and IV (id 2, 8 bytes) derivations for one salt (RFC 7292 Appendix C). */
const tripleDesJobs = (password: PfxPassword, salt: Uint8Array, iterations: number): Pkcs12KdfJob[] => [
  { password, salt, id: 1, iterations, length: 24, hash: "SHA-1" },
  { password, salt, id: 2, iterations, length: 8, hash: "SHA-1" },
];

/**
 * Encrypts with the profile's scheme; returns the AlgorithmIdentifier and the ciphertext. TripleDES takes the
 * key and IV already derived (`derived`), AES derives its own with WebCrypto's PBKDF2.
 */
async function encrypt(params: {
  profile: PfxProfile;
  password: string;
  data: Uint8Array<ArrayBuffer>;
  iterations: number;
  inputs: ReturnType<typeof encryptionInputs>;
  derived: () => Promise<{ key: Uint8Array; iv: Uint8Array }>;
  crypto: Crypto;
}) {
  const { salt, iv } = params.inputs;
  if (params.profile === "AES256-SHA256") {
    return pbes2Encrypt({
      data: params.data,
      passphrase: params.password,
      iterations: params.iterations,
      salt,
      iv: iv!,
      crypto: params.crypto,
    });
  }
  // Encryption never fails on padding; the null is decryption's (a wrong password).
  const ciphertext = des3Cbc({ encrypt: true, ...(await params.derived()), data: params.data })!;
  return {
    algorithm: new AlgorithmIdentifier({
      algorithm: ID_PBE_SHA1_3DES,
      parameters: AsnConvert.serialize(
        new Pkcs12PbeParams({ salt: new OctetString(salt), iterations: params.iterations }),
      ),
    }),
    ciphertext: ciphertext.slice().buffer,
  };
}

/**
 * Decrypts what a .pfx encrypted under its password: pbeWithSHAAnd3-KeyTripleDES-CBC or pbeWithSHAAnd40BitRC2-CBC
 * (RFC 7292 Appendix C) or PBES2 (RFC 8018 6.2), each key derivation counted against the budget before it runs.
 * Throws WrongPfxPasswordError or UnsupportedPfxError.
 */
export async function pbeDecrypt(params: {
  algorithm: AlgorithmIdentifier;
  password: PfxPassword;
  data: BufferSource;
  crypto: Crypto;
  budget: KdfBudget;
}): Promise<Uint8Array> {
  const { budget } = params;
  const pkcs12Params = () => {
    try {
      return AsnConvert.parse(params.algorithm.parameters ?? new ArrayBuffer(0), Pkcs12PbeParams);
    } catch {
      throw new UnsupportedPfxError("This .pfx is damaged: its encryption parameters cannot be read.");
    }
  };
  if (params.algorithm.algorithm === ID_PBE_SHA1_RC2_40) {
    const pbe = pkcs12Params();
    budget.ask(pbe.iterations, "kdf");
    // Why a dynamic import: only a .pfx from OpenSSL 1.1 (or -legacy) needs RC2, and the page never writes it.
    const { rc2Decrypt } = await import("./pfx-rc2");
    const plain = rc2Decrypt({
      password: params.password,
      salt: new Uint8Array(pbe.salt.buffer),
      iterations: pbe.iterations,
      data: bytes(params.data),
    });
    budget.done(pbe.iterations);
    if (!plain) throw new WrongPfxPasswordError();
    return plain;
  }
  if (params.algorithm.algorithm === ID_PBE_SHA1_3DES) {
    const pbe = pkcs12Params();
    budget.ask(pbe.iterations, "kdf");
    const plain = tripleDesDecrypt({
      password: params.password,
      salt: new Uint8Array(pbe.salt.buffer),
      iterations: pbe.iterations,
      data: bytes(params.data),
    });
    budget.done(pbe.iterations);
    return plain;
  }
  if (params.algorithm.algorithm !== ID_PBES2)
    throw new UnsupportedPfxError(
      "This .pfx is encrypted with a scheme read here only as TripleDES, RC2-40 or PBES2 (AES): it cannot be opened.",
    );
  const iterations = pbes2Iterations(params.algorithm);
  budget.ask(iterations, "kdf");
  try {
    const plain = new Uint8Array(
      await pbes2Decrypt({
        algorithm: params.algorithm,
        ciphertext: params.data,
        // PBES2 in PKCS #12 takes the password as UTF-8 (RFC 7292 Appendix B.1): absent and empty are alike.
        passphrase: params.password ?? "",
        crypto: params.crypto,
      }),
    );
    budget.done(iterations);
    return plain;
  } catch (e) {
    if (e instanceof UnsupportedEncryptionError)
      throw new UnsupportedPfxError(`This .pfx cannot be opened here: ${e.message}`);
    throw new WrongPfxPasswordError();
  }
}

/** PBES2's PBKDF2 iteration count, for the budget; 1 when the parameters cannot be read (pbes2Decrypt says why). */
function pbes2Iterations(algorithm: AlgorithmIdentifier): number {
  try {
    const pbes2 = AsnConvert.parse(algorithm.parameters!, Pbes2Params);
    return AsnConvert.parse(pbes2.keyDerivationFunc.parameters!, Pbkdf2Params).iterationCount;
  } catch {
    return 1;
  }
}

/** The MAC key's derivation (id 3), as long as the hash's output. */
const macJob = (params: { hash: "SHA-1" | "SHA-256"; password: PfxPassword; salt: Uint8Array; iterations: number }) =>
  ({
    password: params.password,
    salt: params.salt,
    id: 3,
    iterations: params.iterations,
    length: params.hash === "SHA-1" ? 20 : 32,
    hash: params.hash,
  }) satisfies Pkcs12KdfJob;

/** HMAC over the AuthenticatedSafe with a key from the PKCS #12 KDF (id 3), as RFC 7292 Appendix B and OpenSSL do. */
export async function pfxMac(params: {
  hash: "SHA-1" | "SHA-256";
  password: PfxPassword;
  salt: Uint8Array;
  iterations: number;
  data: Uint8Array<ArrayBuffer>;
  crypto: Crypto;
}): Promise<ArrayBuffer> {
  const macKey = pkcs12Kdf(macJob(params));
  return hmac({ ...params, key: macKey });
}

/** The MAC itself: HMAC with WebCrypto over the AuthenticatedSafe, under the derived MAC key. */
async function hmac(params: {
  hash: "SHA-1" | "SHA-256";
  key: Uint8Array;
  data: Uint8Array<ArrayBuffer>;
  crypto: Crypto;
}) {
  const key = await params.crypto.subtle.importKey(
    "raw",
    new Uint8Array(params.key),
    { name: "HMAC", hash: params.hash },
    false,
    ["sign"],
  );
  return params.crypto.subtle.sign("HMAC", key, params.data);
}

// Why Object.assign: PKCS12Attribute's constructor in @peculiar/asn1-pfx 2.11.1 drops its params (`Object.assign(params)`).
const attribute = (attrId: string, value: ArrayBuffer) =>
  Object.assign(new PKCS12Attribute(), { attrId, attrValues: [value] });
const bmp = (text: string) => AsnConvert.serialize(new FriendlyName(text));

/** Windows provider fidelity for a legacy key: which CSP it goes to on import, and its CAPI key spec. */
export interface LegacyProvider {
  name: string;
  keySpec: "exchange" | "signature";
}

/**
 * The key spec as OpenSSL writes it: a key usage BIT STRING in the PrivateKeyInfo's attributes,
 * 0x10 (KEY_EX, AT_KEYEXCHANGE) or 0x80 (KEY_SIG, AT_SIGNATURE).
 */
function withKeySpec(pkcs8: BufferSource, keySpec: LegacyProvider["keySpec"]): ArrayBuffer {
  const info = AsnConvert.parse(pkcs8, PrivateKeyInfo);
  const value = keySpec === "exchange" ? 0x10 : 0x80;
  // OpenSSL counts the unused bits from the trailing zero bits of the one byte: 4 for 0x10, 7 for 0x80.
  const bits = new BitString(new Uint8Array([value]), keySpec === "exchange" ? 4 : 7);
  info.attributes = new Attributes([new Attribute({ type: ID_KEY_USAGE, values: [AsnConvert.serialize(bits)] })]);
  return AsnConvert.serialize(info);
}

/** An export's salts (and AES's IVs) and its key derivations under way, from startPfxDerivations. */
export interface PfxDerivations {
  profile: PfxProfile;
  password: string;
  iterations: number;
  certInputs: ReturnType<typeof encryptionInputs>;
  keyInputs: ReturnType<typeof encryptionInputs>;
  macSalt: Uint8Array<ArrayBuffer>;
  /** The TripleDES keys and IVs (certificates, then key), then the MAC key. */
  keys: Promise<Uint8Array[]>;
}

/**
 * Draws an export's salts and starts its key derivations: none depends on the certificates or the key (only
 * on the password and the salts), so the page can start them as soon as the password is final, and createPfx
 * starts them before it lays out the ASN.1.
 */
export function startPfxDerivations(params: {
  profile: PfxProfile;
  password: string;
  iterations?: number;
  random?: (n: number) => Uint8Array<ArrayBuffer>;
  derive?: Pkcs12KdfRunner;
}): PfxDerivations {
  const { profile, password } = params;
  const iterations = params.iterations ?? PFX_ITERATIONS;
  const random = params.random ?? ((n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)));
  const hash = macHash(profile);
  // Salts (and AES's IVs) drawn in the order they always were: certificates, key, MAC.
  const certInputs = encryptionInputs(profile, random);
  const keyInputs = encryptionInputs(profile, random);
  const macSalt = random(8);
  const jobs = [
    ...(profile === "TripleDES-SHA1"
      ? [
          ...tripleDesJobs(password, certInputs.salt, iterations),
          ...tripleDesJobs(password, keyInputs.salt, iterations),
        ]
      : []),
    macJob({ hash, password, salt: macSalt, iterations }),
  ];
  const keys = (params.derive ?? deriveInThread)(jobs);
  // Why a handler now: the derivations may fail (or be cancelled) before anyone awaits them; awaits still throw.
  keys.catch(() => undefined);
  return { profile, password, iterations, certInputs, keyInputs, macSalt, keys };
}

/** Builds a .pfx. The leaf certificate comes first in `certificates`; the rest are its chain. */
export async function createPfx(params: {
  profile: PfxProfile;
  privateKeyInfo: BufferSource;
  certificates: readonly BufferSource[];
  password: string;
  friendlyName?: string;
  provider?: LegacyProvider | null;
  iterations?: number;
  random?: (n: number) => Uint8Array<ArrayBuffer>;
  crypto?: Crypto;
  /** The derivations started ahead for this profile, password and iteration count (startPfxDerivations). */
  derivations?: PfxDerivations;
}): Promise<ArrayBuffer> {
  const crypto = params.crypto ?? globalThis.crypto;
  const random = params.random ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const iterations = params.iterations ?? PFX_ITERATIONS;
  const leaf = params.certificates[0];
  if (!leaf) throw new Error("A .pfx needs the certificate.");
  const { profile, password } = params;
  const hash = macHash(profile);
  // Derivations started ahead serve only the export they were started for (the page uses each once).
  const ahead = params.derivations;
  const d =
    ahead && ahead.profile === profile && ahead.password === password && ahead.iterations === iterations
      ? ahead
      : startPfxDerivations({ profile, password, iterations, random });
  const { certInputs, keyInputs, macSalt } = d;
  const keyAndIv = (at: number) => () => d.keys.then((keys) => ({ key: keys[at]!, iv: keys[at + 1]! }));
  const common = { profile, password, iterations, crypto };

  // localKeyId pairs the key with its certificate; OpenSSL and Windows use the certificate's SHA-1.
  const localKeyId = new Uint8Array(await crypto.subtle.digest("SHA-1", leaf));
  const pairing = [
    attribute(id_pkcs9_at_localKeyId, AsnConvert.serialize(new OctetString(localKeyId))),
    ...(params.friendlyName ? [attribute(id_pkcs9_at_friendlyName, bmp(params.friendlyName))] : []),
  ];

  const certBags = params.certificates.map(
    (der, i) =>
      new SafeBag({
        bagId: id_certBag,
        bagValue: AsnConvert.serialize(
          new CertBag({ certId: id_x509Certificate, certValue: AsnConvert.serialize(new OctetString(der)) }),
        ),
        bagAttributes: i === 0 ? pairing : undefined,
      }),
  );
  const certSafe = new Uint8Array(AsnConvert.serialize(new SafeContents(certBags)));
  const certEncryption = await encrypt({ ...common, data: certSafe, inputs: certInputs, derived: keyAndIv(0) });
  const certInfo = new ContentInfo({
    contentType: ID_ENCRYPTED_DATA,
    content: AsnConvert.serialize(
      new EncryptedData({
        encryptedContentInfo: new EncryptedContentInfo({
          contentType: id_data,
          contentEncryptionAlgorithm: certEncryption.algorithm,
          encryptedContent: new EncryptedContent({ value: new OctetString(certEncryption.ciphertext) }),
        }),
      }),
    ),
  });

  const keyDer = new Uint8Array(
    params.provider
      ? withKeySpec(params.privateKeyInfo, params.provider.keySpec)
      : bytes(params.privateKeyInfo).slice(),
  );
  const keyEncryption = await encrypt({ ...common, data: keyDer, inputs: keyInputs, derived: keyAndIv(2) });
  const keyBag = new SafeBag({
    bagId: id_pkcs8ShroudedKeyBag,
    bagValue: AsnConvert.serialize(
      new EncryptedPrivateKeyInfo({
        encryptionAlgorithm: keyEncryption.algorithm,
        encryptedData: new OctetString(keyEncryption.ciphertext),
      }),
    ),
    bagAttributes: [...pairing, ...(params.provider ? [attribute(ID_MS_CSP_NAME, bmp(params.provider.name))] : [])],
  });
  const keyInfo = new ContentInfo({
    contentType: id_data,
    content: AsnConvert.serialize(new OctetString(AsnConvert.serialize(new SafeContents([keyBag])))),
  });

  const authSafe = new Uint8Array(AsnConvert.serialize(new AuthenticatedSafe([certInfo, keyInfo])));
  const keys = await d.keys;
  const macKey = keys[keys.length - 1]!;
  const digest = await hmac({ hash, key: macKey, data: authSafe, crypto });
  const pfx = new PFX({
    version: 3,
    authSafe: new ContentInfo({ contentType: id_data, content: AsnConvert.serialize(new OctetString(authSafe)) }),
    macData: new MacData({
      mac: new DigestInfo({
        digestAlgorithm: new AlgorithmIdentifier({
          algorithm: hash === "SHA-1" ? ID_SHA1 : ID_SHA256,
          parameters: null,
        }),
        digest: new OctetString(digest),
      }),
      macSalt: new OctetString(macSalt),
      iterations,
    }),
  });
  return AsnConvert.serialize(pfx);
}

/** The password does not open the .pfx: its MAC (RFC 7292 section 5) does not verify. */
export class WrongPfxPasswordError extends Error {
  constructor() {
    super("The password does not open this .pfx.");
    this.name = "WrongPfxPasswordError";
  }
}

/** A .pfx this reader cannot open whatever the password: an algorithm RFC 7292 allows but this tool does not read. */
export class UnsupportedPfxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedPfxError";
  }
}
