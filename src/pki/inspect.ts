/**
 * Open a request or certificate: every field decoded as Windows' dialogs show it, the request's signature
 * checked, the facts the preflight reads, and a plan to start a new request from (renewal).
 */
import * as asn1js from "asn1js";
import { CertificationRequest } from "@peculiar/asn1-csr";
import { ECParameters } from "@peculiar/asn1-ecc";
import { RSAPublicKey, RsaSaPssParams } from "@peculiar/asn1-rsa";
import { AsnConvert } from "@peculiar/asn1-schema";
import * as asn1X509 from "@peculiar/asn1-x509";
import * as x509 from "./x509";
import { altNamesOfExtension, keyUsagesOfExtension, validity, type ValidityState } from "./certificates";
import type { RequestFacts } from "./lint";
import {
  checkAltName,
  checkSubjectPart,
  SUBJECT_TYPES,
  type AltName,
  type SubjectPart,
  type SubjectType,
} from "./names";
import { curveOfOid } from "./curves";
import { otherAttributes, requestedExtensions, type RequestAttribute } from "./request-attributes";
import { inputTooLarge } from "./input-limits";
import { spkiSha256 } from "./fingerprint";
import {
  base64OrNull,
  isOneDerValue,
  readPemBlocks,
  textOrNull,
  toColonHex,
  toSpacedHex as hex,
  type PemBlock,
} from "./pem";
import { unwrapSignedRequest, type RequestWrapping } from "./cmc";
import { decodeExtensionValue } from "./extension-values";
import {
  EXTENSION_NAMES,
  OTHER_SUBJECT_ATTRIBUTES,
  REFUSED_HASHES,
  SIGNATURE_ALGORITHMS,
  type SignatureAlgorithm,
} from "./oid-names";
import { blankPlan, type RequestPlan } from "./request";
import type { KeyUsageName } from "./usages";

/** Thrown with one sentence for the admin. */
export class InspectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InspectError";
  }
}

/** The hash names of the OIDs a PSS signature's parameters use (RFC 4055 2.1, NIST). */
const PSS_HASHES: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

/**
 * The signature algorithm by name and its hash; for RSASSA-PSS the hash is read from the parameters
 * (RFC 4055 3.1: absent means SHA-1), and the name says so, as "RSASSA-PSS (sha256)".
 */
function signatureOf(algorithm: asn1X509.AlgorithmIdentifier): SignatureAlgorithm & { pss: boolean } {
  if (algorithm.algorithm === "1.2.840.113549.1.1.10") {
    let hash = "unknown";
    try {
      const params = algorithm.parameters ? AsnConvert.parse(algorithm.parameters, RsaSaPssParams) : null;
      hash = PSS_HASHES[params?.hashAlgorithm.algorithm ?? "1.3.14.3.2.26"] ?? "unknown";
    } catch {
      // Damaged parameters: the signature check says the rest.
    }
    return { name: `RSASSA-PSS (${hash})`, hash, pss: true, webCrypto: hash !== "unknown" };
  }
  const known = SIGNATURE_ALGORITHMS[algorithm.algorithm];
  return known
    ? { ...known, pss: false }
    : { name: algorithm.algorithm, hash: "unknown", pss: false, webCrypto: false };
}

const SHORT_NAMES: Record<string, string> = Object.fromEntries(SUBJECT_TYPES.map((t) => [t.oid, t.type]));

export type SignatureCheck = "verifies" | "does not verify" | "cannot be checked";

export interface SubjectAttribute {
  /** The attribute type's OID (RFC 5280 4.1.2.4). */
  oid: string;
  /** Its short name (CN, STREET, …), or the OID for one not known here. */
  type: string;
  label: string;
  value: string;
  stringType: string;
}

export interface Inspection {
  kind: "request" | "certificate";
  subject: SubjectAttribute[];
  altNames: AltName[];
  sanCritical: boolean;
  keyUsage: { usages: KeyUsageName[]; critical: boolean } | null;
  extendedKeyUsage: { oids: string[]; critical: boolean } | null;
  basicConstraints: { ca: boolean; pathLength?: number; critical: boolean } | null;
  key: { description: string; spkiSha256: string; facts: RequestFacts["key"] };
  /** A request's attributes other than its extensions (Microsoft's decoded); none for a certificate. */
  attributes: RequestAttribute[];
  /** Which attribute carried a request's extensions (PKCS #9's or Microsoft's older one). */
  extensionsCarriedBy: string[];
  signatureAlgorithm: string;
  hash: string;
  /** Signed with RSASSA-PSS (RFC 4055). */
  pss: boolean;
  /**
   * Requests only: "verifies", "does not verify" (checked, and it failed), or "cannot be checked" (the
   * algorithm is one a browser has not: MD2, MD5, DSA). Null for a certificate, whose issuer signed it.
   */
  signatureCheck: SignatureCheck | null;
  /** True or false only when the signature was checked: never false for one that could not be. */
  signatureValid: boolean | null;
  /** The digest is one no CA accepts any more (MD2, MD5, SHA-1). */
  refusedHash: boolean;
  thumbprints: { sha1: string; sha256: string };
  /** Extensions not shown in their own rows: decoded where known (value), always also as hex. */
  otherExtensions: { oid: string; name: string; critical: boolean; hex: string; value: string | null }[];
  /** The signed wrapping a request came in: a CMC Full PKI Request (RFC 5272) or a PKCS #7; null for none. */
  wrapping: RequestWrapping | null;
  /** How the file was read, in the admin's words: the wrapping, which PEM block of several was opened. */
  notes: string[];
  /** Certificates only. */
  issuer?: string;
  validity?: { notBefore: Date; notAfter: Date; state: ValidityState };
}

function stringTypeOf(value: asn1X509.AttributeValue): string {
  if (value.printableString !== undefined) return "PrintableString";
  if (value.utf8String !== undefined) return "UTF8String";
  if (value.ia5String !== undefined) return "IA5String";
  if (value.bmpString !== undefined) return "BMPString";
  if (value.teletexString !== undefined) return "TeletexString";
  if (value.universalString !== undefined) return "UniversalString";
  return "other";
}

function subjectOf(name: ArrayBuffer): SubjectAttribute[] {
  return AsnConvert.parse(name, asn1X509.Name).flatMap((rdn) =>
    rdn.map((atv) => {
      const other = OTHER_SUBJECT_ATTRIBUTES[atv.type];
      const type = SHORT_NAMES[atv.type] ?? other?.type ?? atv.type;
      return {
        oid: atv.type,
        type,
        label: SUBJECT_TYPES.find((t) => t.type === type)?.label ?? other?.label ?? atv.type,
        value: atv.value.anyValue ? hex(atv.value.anyValue) : atv.value.toString(),
        stringType: stringTypeOf(atv.value),
      };
    }),
  );
}

function dsaPrimeBits(parameters: ArrayBuffer): number | null {
  const { result } = asn1js.fromBER(parameters);
  const p = result instanceof asn1js.Sequence ? result.valueBlock.value[0] : undefined;
  if (!(p instanceof asn1js.Integer)) return null;
  return bitLength(p.valueBlock.valueHexView);
}

/**
 * The bit length of an unsigned big-endian integer: its highest set bit, not its byte count times 8. Why: a
 * 2049-bit modulus fills 257 bytes, and the Baseline Requirements (6.1.5) ask for a size divisible by 8.
 */
function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

async function keyOf(spki: ArrayBuffer, crypto: Crypto): Promise<Inspection["key"]> {
  const info = AsnConvert.parse(spki, asn1X509.SubjectPublicKeyInfo);
  const fingerprint = await spkiSha256({ spki, crypto });
  if (info.algorithm.algorithm === "1.2.840.113549.1.1.1") {
    const rsa = AsnConvert.parse(info.subjectPublicKey, RSAPublicKey);
    const modulus = new Uint8Array(rsa.modulus);
    const bits = bitLength(modulus);
    return { description: `RSA (${bits} bits)`, spkiSha256: fingerprint, facts: { algorithm: "rsa", bits } };
  }
  if (info.algorithm.algorithm === "1.2.840.10045.2.1" && info.algorithm.parameters) {
    const curve =
      curveOfOid(AsnConvert.parse(info.algorithm.parameters, ECParameters).namedCurve)?.name ?? "an unnamed curve";
    return { description: `ECDSA ${curve}`, spkiSha256: fingerprint, facts: { algorithm: "ecdsa", curve } };
  }
  if (info.algorithm.algorithm === "1.2.840.10040.4.1") {
    // id-dsa (RFC 3279 2.3.2): the size is that of p in Dss-Parms ::= SEQUENCE { p, q, g INTEGER }.
    const p = info.algorithm.parameters ? dsaPrimeBits(info.algorithm.parameters) : null;
    return {
      description: p ? `DSA (${p} bits)` : "DSA",
      spkiSha256: fingerprint,
      facts: { algorithm: "other", name: "DSA" },
    };
  }
  return {
    description: `Other (${info.algorithm.algorithm})`,
    spkiSha256: fingerprint,
    facts: { algorithm: "other", name: info.algorithm.algorithm },
  };
}

function extensionsOf(extensions: readonly x509.Extension[]) {
  const find = (oid: string) => extensions.find((e) => e.type === oid);
  const ku = find("2.5.29.15");
  const eku = find("2.5.29.37");
  const bc = find("2.5.29.19");
  const bcValue = bc ? new x509.BasicConstraintsExtension(bc.rawData) : null;
  return {
    sanCritical: find("2.5.29.17")?.critical ?? false,
    keyUsage: ku ? { usages: keyUsagesOfExtension(ku), critical: ku.critical } : null,
    extendedKeyUsage: eku
      ? { oids: new x509.ExtendedKeyUsageExtension(eku.rawData).usages.map(String), critical: eku.critical }
      : null,
    basicConstraints: bcValue ? { ca: bcValue.ca, pathLength: bcValue.pathLength, critical: bcValue.critical } : null,
    otherExtensions: extensions
      .filter((e) => !["2.5.29.17", "2.5.29.15", "2.5.29.37", "2.5.29.19"].includes(e.type))
      .map((e) => ({
        oid: e.type,
        name: EXTENSION_NAMES[e.type] ?? "(not known here)",
        critical: e.critical,
        hex: hex(e.value),
        value: decodeExtensionValue(e.type, e.value),
      })),
  };
}

/** Refuses what is too large to be a request or certificate, before anything reads it. */
export function checkInspectSize(size: number): void {
  const tooLarge = inputTooLarge(size, "This file");
  if (tooLarge) throw new InspectError(tooLarge);
}

const REQUEST_LABELS = ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"];
const CERTIFICATE_LABELS = ["CERTIFICATE", "X509 CERTIFICATE"];
/** Labels a CMC request or a PKCS #7 around a request is armoured with (certreq, OpenSSL). */
const SIGNED_LABELS = ["CMC", "PKCS7", "PKCS #7 SIGNED DATA", "CMS"];

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];
const ordinal = (n: number) => ORDINALS[n] ?? `${n + 1}th`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What one PEM block or DER value holds, read once: the order candidates are picked in. */
function rankOf(block: PemBlock): "request" | "certificate" | null {
  if (REQUEST_LABELS.includes(block.label)) return "request";
  if (CERTIFICATE_LABELS.includes(block.label)) return "certificate";
  if (SIGNED_LABELS.includes(block.label)) return safeUnwrap(block.der) ? "request" : null;
  return null;
}

function safeUnwrap(der: Uint8Array<ArrayBuffer>) {
  try {
    return unwrapSignedRequest(der);
  } catch {
    return null;
  }
}

/** The certificate no other among them was issued by: the leaf of a chain pasted whole. */
function leafOf(blocks: PemBlock[]): PemBlock {
  const parsed = blocks.flatMap((b) => {
    try {
      return [{ block: b, cert: new x509.X509Certificate(b.der) }];
    } catch {
      return [];
    }
  });
  const leaf = parsed.find((p) => !parsed.some((o) => o !== p && o.cert.issuer === p.cert.subject));
  return leaf?.block ?? blocks[0]!;
}

/**
 * The request or certificate of a text of PEM blocks (certreq's output, a mail, a chain): the one there is,
 * or the first request, or the leaf certificate, with a note of which block it was and what was left aside.
 */
function pickBlock(text: string): { der: Uint8Array<ArrayBuffer>; label: string; notes: string[] } {
  let blocks: PemBlock[];
  try {
    blocks = readPemBlocks(text);
  } catch (e) {
    // readPemBlocks' messages are this module's own sentences ("The X block is not valid Base 64.").
    throw new InspectError(`The PEM text is damaged: ${(e as Error).message}`);
  }
  if (blocks.length === 0)
    throw new InspectError("The PEM text has a BEGIN line without its END line: it is cut short.");
  const ranked = blocks.map((block, index) => ({ block, index, rank: rankOf(block) }));
  const requests = ranked.filter((r) => r.rank === "request");
  const certificates = ranked.filter((r) => r.rank === "certificate");
  const candidates = requests.length + certificates.length;
  if (candidates === 0) {
    if (blocks.length === 1) {
      throw new InspectError(`This is a ${blocks[0]!.label}, not a certificate request or a certificate.`);
    }
    throw new InspectError(
      `This text holds ${blocks.length} PEM blocks (${blocks.map((b) => b.label).join(", ")}) and none is a certificate request or a certificate.`,
    );
  }
  const chosen =
    requests[0] ?? ranked.find((r) => r.block === leafOf(certificates.map((c) => c.block)))! ?? certificates[0]!;
  const notes: string[] = [];
  if (blocks.length > 1) {
    const what = chosen.rank === "request" ? "request" : "certificate";
    const others = candidates - 1;
    notes.push(
      `This text holds ${blocks.length} PEM blocks; the ${ordinal(chosen.index)} (${chosen.block.label}) was opened` +
        (others === 0
          ? ` and the rest was ignored.`
          : requests.length > 0
            ? `, the first ${what}; ${plural(others, "other request or certificate was", "other requests or certificates were")} ignored.`
            : `, the end certificate of the chain; ${plural(others, "other certificate was", "other certificates were")} ignored.`),
    );
  }
  return { der: chosen.block.der, label: chosen.block.label, notes };
}

/**
 * The DER to decode and how it was found. Why DER is decided first: bytes that are one whole DER value are
 * DER, and only a file that is text is searched for PEM (see isOneDerValue: PEM inside a DER value is data).
 */
function readInput(bytes: Uint8Array<ArrayBuffer>): { der: Uint8Array<ArrayBuffer>; label?: string; notes: string[] } {
  checkInspectSize(bytes.length);
  if (bytes.length === 0) throw new InspectError("There is nothing to open: the file or text is empty.");
  if (isOneDerValue(bytes)) return { der: bytes, notes: [] };
  const text = textOrNull(bytes);
  if (text === null) return { der: bytes, notes: [] };
  if (text.includes("-----BEGIN ")) return pickBlock(text);
  const bare = text.replace(/\s+/g, "");
  const der = /^[A-Za-z0-9+/]{40,}=*$/.test(bare) ? base64OrNull(bare) : null;
  if (der) return { der, notes: [] };
  throw new InspectError("This is neither a certificate request nor a certificate (PEM or DER).");
}

/** The sentence for what went wrong below the reader, never the library's own words. */
function damaged(label: string | undefined, wrapping: RequestWrapping | null): InspectError {
  if (wrapping)
    return new InspectError("The request inside the CMC or PKCS #7 wrapping is damaged: it cannot be decoded.");
  if (label && REQUEST_LABELS.includes(label))
    return new InspectError("The certificate request is damaged: it cannot be decoded.");
  if (label && CERTIFICATE_LABELS.includes(label))
    return new InspectError("The certificate is damaged: it cannot be decoded.");
  return new InspectError(
    "This is neither a certificate request nor a certificate, or it is damaged: it cannot be decoded.",
  );
}

/** Checks a request's own signature where WebCrypto can, and says so where it cannot. */
async function checkSignature(
  csr: x509.Pkcs10CertificateRequest,
  sig: SignatureAlgorithm,
  crypto: Crypto,
): Promise<SignatureCheck> {
  // Why not try and see: a verify that throws for MD5 or DSA would call an authentic request tampered.
  if (!sig.webCrypto) return "cannot be checked";
  // A key or signature too damaged to be checked with a known algorithm is one that does not verify.
  return (await csr.verify(crypto).catch(() => false)) ? "verifies" : "does not verify";
}

const WRAPPING_NOTES: Record<RequestWrapping, string> = {
  cmc: "The request came wrapped in CMC (a Full PKI Request, RFC 5272), as the Certificates snap-in writes it; the PKCS #10 request inside is shown.",
  pkcs7: "The request came wrapped in a PKCS #7 signed message; the PKCS #10 request inside is shown.",
};

/** Decodes a request or certificate (PEM or DER, or a request in CMC or PKCS #7) completely. */
export async function inspect(params: { bytes: Uint8Array<ArrayBuffer>; crypto?: Crypto }): Promise<Inspection> {
  const crypto = params.crypto ?? globalThis.crypto;
  const read = readInput(params.bytes);
  let wrapping: RequestWrapping | null = null;
  try {
    return await decode({ ...read, crypto, wrap: (w) => (wrapping = w) });
  } catch (e) {
    // Why catch everything here: asn1js and the schema parser throw their own words ("Maximum ASN.1 nesting
    // depth exceeded", a stack overflow, a TypeError); the admin gets one sentence of ours instead.
    if (e instanceof InspectError) throw e;
    throw damaged(read.label, wrapping);
  }
}

async function decode(params: {
  der: Uint8Array<ArrayBuffer>;
  label?: string;
  notes: string[];
  crypto: Crypto;
  wrap: (w: RequestWrapping) => void;
}): Promise<Inspection> {
  const { der, label, crypto } = params;
  const notes = [...params.notes];
  const thumbprints = {
    sha1: toColonHex(await crypto.subtle.digest("SHA-1", der)).replace(/:/g, ""),
    sha256: toColonHex(await crypto.subtle.digest("SHA-256", der)).replace(/:/g, ""),
  };
  if (!label || !CERTIFICATE_LABELS.includes(label)) {
    let request = der;
    let csr: x509.Pkcs10CertificateRequest | null = null;
    let wrapping: RequestWrapping | null = null;
    try {
      csr = new x509.Pkcs10CertificateRequest(der);
    } catch {
      const unwrapped = safeUnwrap(der);
      if (unwrapped) {
        wrapping = unwrapped.wrapping;
        params.wrap(wrapping);
        request = unwrapped.pkcs10;
        csr = new x509.Pkcs10CertificateRequest(request);
        notes.push(WRAPPING_NOTES[wrapping]);
        if (unwrapped.others > 0)
          notes.push(
            `It holds ${plural(unwrapped.others, "more request", "more requests")}, which ${unwrapped.others === 1 ? "was" : "were"} ignored.`,
          );
      } else if (label) throw damaged(label, null);
    }
    if (csr) {
      const raw = AsnConvert.parse(request, CertificationRequest);
      const sig = signatureOf(raw.signatureAlgorithm);
      // Both extension attributes: a request made on Windows may carry them under Microsoft's older OID.
      const requested = requestedExtensions(raw);
      const san = requested.extensions.find((e) => e.type === "2.5.29.17") ?? null;
      const signatureCheck = await checkSignature(csr, sig, crypto);
      return {
        kind: "request",
        subject: subjectOf(csr.subjectName.toArrayBuffer()),
        altNames: altNamesOfExtension(san),
        ...extensionsOf(requested.extensions),
        attributes: otherAttributes(raw),
        extensionsCarriedBy: requested.carriedBy,
        key: await keyOf(csr.publicKey.rawData, crypto),
        signatureAlgorithm: sig.name,
        hash: sig.hash,
        pss: sig.pss,
        signatureCheck,
        signatureValid: signatureCheck === "cannot be checked" ? null : signatureCheck === "verifies",
        refusedHash: REFUSED_HASHES.has(sig.hash),
        thumbprints,
        wrapping,
        notes,
      };
    }
  }
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(der);
  } catch {
    throw damaged(label, null);
  }
  const sig = signatureOf(AsnConvert.parse(der, asn1X509.Certificate).signatureAlgorithm);
  const ext = extensionsOf(cert.extensions);
  const v = validity(cert);
  return {
    kind: "certificate",
    subject: subjectOf(cert.subjectName.toArrayBuffer()),
    altNames: altNamesOfExtension(cert.getExtension("2.5.29.17")),
    ...ext,
    attributes: [],
    extensionsCarriedBy: [],
    key: await keyOf(cert.publicKey.rawData, crypto),
    signatureAlgorithm: sig.name,
    hash: sig.hash,
    pss: sig.pss,
    signatureCheck: null,
    signatureValid: null,
    refusedHash: REFUSED_HASHES.has(sig.hash),
    thumbprints,
    issuer: cert.issuer,
    validity: { notBefore: cert.notBefore, notAfter: cert.notAfter, state: v.state },
    wrapping: null,
    notes,
  };
}

/**
 * What the page says of a request's signature, one home for the sentences: checked and good, checked and
 * failed, or not checkable here; and whether a CA will take its digest at all. Null for a certificate.
 */
export function signatureSentence(i: Inspection): { tone: "ok" | "error" | "warning"; text: string } | null {
  if (i.kind !== "request" || !i.signatureCheck) return null;
  const refused = i.refusedHash
    ? ` A CA will refuse a request signed with ${i.hash.toUpperCase().replace("SHA", "SHA-")}: renew it (Use as a starting point) to sign a new one with SHA-256.`
    : "";
  switch (i.signatureCheck) {
    case "verifies":
      return {
        tone: i.refusedHash ? "warning" : "ok",
        text: `The request's signature verifies: it was signed by the key it carries.${refused}`,
      };
    case "does not verify":
      return {
        tone: "error",
        text: "The request's signature does not verify: it was changed after it was signed, or it is damaged. A CA will refuse it.",
      };
    case "cannot be checked":
      return {
        tone: "warning",
        text: `The request's signature (${i.signatureAlgorithm}) cannot be checked in a browser, which has no ${algorithmFamily(i)}: it is neither confirmed nor refuted.${refused}`,
      };
  }
}

function algorithmFamily(i: Inspection): string {
  if (i.signatureAlgorithm.startsWith("dsa")) return "DSA";
  if (i.hash === "md5" || i.hash === "md2") return i.hash.toUpperCase();
  return i.signatureAlgorithm;
}

/** The facts the preflight reads. */
export function inspectionFacts(i: Inspection): RequestFacts {
  return {
    subject: i.subject.map((s) => ({ type: s.type, value: s.value })),
    altNames: i.altNames,
    sanCritical: i.sanCritical,
    keyUsage: i.keyUsage?.usages ?? null,
    keyUsageCritical: i.keyUsage?.critical ?? false,
    extendedKeyUsage: i.extendedKeyUsage?.oids ?? null,
    extendedKeyUsageCritical: i.extendedKeyUsage?.critical ?? false,
    basicConstraints: i.basicConstraints ? { ca: i.basicConstraints.ca, critical: i.basicConstraints.critical } : null,
    key: i.key.facts,
    hash: i.hash,
    pss: i.pss,
  };
}

/**
 * "Use as a starting point": a plan with the same subject, names, usages and key choice, for a renewal.
 * What the wizard cannot carry over (an unknown attribute, a value it would refuse) is said, not dropped silently.
 */
export function planFromInspection(i: Inspection): { plan: RequestPlan; notes: string[] } {
  const notes: string[] = [];
  const subject: SubjectPart[] = [];
  for (const s of i.subject) {
    if (!SUBJECT_TYPES.some((t) => t.type === s.type)) {
      notes.push(`The subject attribute ${s.type} (${s.value}) is not one the wizard writes: it was left out.`);
      continue;
    }
    const checked = checkSubjectPart(s.type as SubjectType, s.value);
    if (checked.ok)
      subject.push(
        checked.unicode
          ? { type: s.type as SubjectType, value: checked.value, unicode: checked.unicode }
          : { type: s.type as SubjectType, value: checked.value },
      );
    else notes.push(`${s.label} "${s.value}" was left out: ${checked.error}`);
  }
  const altNames: AltName[] = [];
  const kept = new Set<string>();
  for (const n of i.altNames) {
    const checked = checkAltName(n.type, n.value);
    if (checked.ok && !kept.has(`${n.type}:${checked.value}`)) {
      kept.add(`${n.type}:${checked.value}`);
      altNames.push({ type: n.type, value: checked.value });
    } else if (!checked.ok) notes.push(`The alternative name ${n.value} was left out: ${checked.error}`);
  }
  const k = i.key.facts;
  const key: RequestPlan["key"] = { ...blankPlan().key };
  let template: RequestPlan["template"] = "legacy";
  if (k.algorithm === "rsa") {
    key.rsaKeySize = ([2048, 3072, 4096, 8192] as const).find((s) => s === k.bits) ?? 2048;
    // A request signed with PSS is renewed signed with PSS; only a request has a signature of its own to copy.
    key.alternateSignature = i.kind === "request" && i.pss;
    if (key.rsaKeySize !== k.bits) notes.push(`The key was RSA ${k.bits}; the new one is RSA ${key.rsaKeySize}.`);
  } else if (k.algorithm === "ecdsa" && (k.curve === "P-256" || k.curve === "P-384")) {
    key.algorithm = k.curve === "P-256" ? "ecdsa-p256" : "ecdsa-p384";
    template = "cng";
  } else notes.push(`The key was ${i.key.description}; the new one is RSA 2048.`);
  const hash = (["sha256", "sha384", "sha512"] as const).find((h) => h === i.hash);
  key.hash = hash ?? "sha256";
  if (!hash) notes.push(`The request was signed with ${i.signatureAlgorithm}; the new one uses sha256.`);
  const cn = subject.find((p) => p.type === "CN")?.value;
  return {
    plan: {
      ...blankPlan(),
      template,
      description: cn ? `Renewal of ${cn}` : "",
      subject,
      altNames,
      keyUsage: i.keyUsage?.usages ?? [],
      keyUsageCritical: i.keyUsage?.critical ?? true,
      extendedKeyUsage: i.extendedKeyUsage?.oids ?? [],
      extendedKeyUsageCritical: i.extendedKeyUsage?.critical ?? false,
      basicConstraints: i.basicConstraints
        ? {
            enabled: true,
            ca: i.basicConstraints.ca,
            pathLength: i.basicConstraints.ca ? (i.basicConstraints.pathLength ?? null) : null,
            critical: i.basicConstraints.critical,
          }
        : blankPlan().basicConstraints,
      key,
    },
    notes,
  };
}
