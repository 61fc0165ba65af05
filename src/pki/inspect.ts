/**
 * Open a request or certificate: every field decoded as Windows' dialogs show it, the request's signature
 * checked, the facts the preflight reads, and a plan to start a new request from (renewal).
 */
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
import { readPemBlocks, toColonHex, toSpacedHex as hex } from "./pem";
import { blankPlan, type RequestPlan } from "./request";
import type { KeyUsageName } from "./usages";

/** Thrown with one sentence for the admin. */
export class InspectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InspectError";
  }
}

/** Requests and certificates are a few kilobytes; anything this large is something else. */

const SIGNATURES: Record<string, { name: string; hash: string }> = {
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", hash: "sha1" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", hash: "sha256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", hash: "sha384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", hash: "sha512" },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", hash: "sha1" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", hash: "sha256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", hash: "sha384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", hash: "sha512" },
};
/** Extensions shown by name; any other is shown raw, by OID. */
const KNOWN_EXTENSIONS: Record<string, string> = {
  "2.5.29.17": "Subject Alternative Name",
  "2.5.29.15": "Key Usage",
  "2.5.29.37": "Enhanced Key Usage",
  "2.5.29.19": "Basic Constraints",
  "2.5.29.14": "Subject Key Identifier",
  "2.5.29.35": "Authority Key Identifier",
  "2.5.29.31": "CRL Distribution Points",
  "2.5.29.32": "Certificate Policies",
  "1.3.6.1.5.5.7.1.1": "Authority Information Access",
  "1.3.6.1.4.1.11129.2.4.2": "SCT List (Certificate Transparency)",
  "1.3.6.1.4.1.311.21.7": "Certificate Template Information",
  "1.3.6.1.4.1.311.20.2": "Certificate Template Name",
  "1.3.6.1.4.1.311.21.10": "Application Policies",
};
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
function signatureOf(algorithm: asn1X509.AlgorithmIdentifier): { name: string; hash: string; pss: boolean } {
  if (algorithm.algorithm === "1.2.840.113549.1.1.10") {
    let hash = "unknown";
    try {
      const params = algorithm.parameters ? AsnConvert.parse(algorithm.parameters, RsaSaPssParams) : null;
      hash = PSS_HASHES[params?.hashAlgorithm.algorithm ?? "1.3.14.3.2.26"] ?? "unknown";
    } catch {
      // Damaged parameters: the signature check says the rest.
    }
    return { name: `RSASSA-PSS (${hash})`, hash, pss: true };
  }
  const known = SIGNATURES[algorithm.algorithm];
  return known ? { ...known, pss: false } : { name: algorithm.algorithm, hash: "unknown", pss: false };
}

const SHORT_NAMES: Record<string, string> = Object.fromEntries(SUBJECT_TYPES.map((t) => [t.oid, t.type]));

export interface SubjectAttribute {
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
  /** Requests only: whether the self-signature verifies. */
  signatureValid: boolean | null;
  thumbprints: { sha1: string; sha256: string };
  otherExtensions: { oid: string; name: string; critical: boolean; hex: string }[];
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
      const type = SHORT_NAMES[atv.type] ?? atv.type;
      return {
        type,
        label: SUBJECT_TYPES.find((t) => t.type === type)?.label ?? atv.type,
        value: atv.value.anyValue ? hex(atv.value.anyValue) : atv.value.toString(),
        stringType: stringTypeOf(atv.value),
      };
    }),
  );
}

async function keyOf(spki: ArrayBuffer, crypto: Crypto): Promise<Inspection["key"]> {
  const info = AsnConvert.parse(spki, asn1X509.SubjectPublicKeyInfo);
  const fingerprint = await spkiSha256({ spki, crypto });
  if (info.algorithm.algorithm === "1.2.840.113549.1.1.1") {
    const rsa = AsnConvert.parse(info.subjectPublicKey, RSAPublicKey);
    const modulus = new Uint8Array(rsa.modulus);
    const bits = (modulus.length - (modulus[0] === 0 ? 1 : 0)) * 8;
    return { description: `RSA (${bits} bits)`, spkiSha256: fingerprint, facts: { algorithm: "rsa", bits } };
  }
  if (info.algorithm.algorithm === "1.2.840.10045.2.1" && info.algorithm.parameters) {
    const curve =
      curveOfOid(AsnConvert.parse(info.algorithm.parameters, ECParameters).namedCurve)?.name ?? "an unnamed curve";
    return { description: `ECDSA ${curve}`, spkiSha256: fingerprint, facts: { algorithm: "ecdsa", curve } };
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
        name: KNOWN_EXTENSIONS[e.type] ?? "(not known here)",
        critical: e.critical,
        hex: hex(e.value),
      })),
  };
}

/** Refuses what is too large to be a request or certificate, before anything reads it. */
export function checkInspectSize(size: number): void {
  const tooLarge = inputTooLarge(size, "This file");
  if (tooLarge) throw new InspectError(tooLarge);
}

/** One PEM block or DER value, or a sentence saying why not. */
function singleDer(bytes: Uint8Array<ArrayBuffer>): { der: Uint8Array<ArrayBuffer>; label?: string } {
  checkInspectSize(bytes.length);
  if (bytes.length === 0) throw new InspectError("There is nothing to open: the file or text is empty.");
  const text = new TextDecoder().decode(bytes);
  if (!text.includes("-----BEGIN ")) {
    const bare = text.replace(/\s+/g, "");
    if (/^[A-Za-z0-9+/]{40,}=*$/.test(bare)) return { der: Uint8Array.from(atob(bare), (c) => c.charCodeAt(0)) };
    return { der: bytes };
  }
  let blocks;
  try {
    blocks = readPemBlocks(text);
  } catch (e) {
    throw new InspectError(`The PEM text is damaged: ${(e as Error).message}`);
  }
  if (blocks.length === 0)
    throw new InspectError("The PEM text has a BEGIN line without its END line: it is cut short.");
  if (blocks.length > 1)
    throw new InspectError(
      `This text holds ${blocks.length} PEM blocks (${blocks.map((b) => b.label).join(", ")}): open one request or certificate at a time.`,
    );
  const block = blocks[0]!;
  if (!["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "CERTIFICATE"].includes(block.label)) {
    throw new InspectError(`This is a ${block.label}, not a certificate request or a certificate.`);
  }
  return { der: block.der, label: block.label };
}

/** Decodes a request or certificate (PEM or DER) completely. */
export async function inspect(params: { bytes: Uint8Array<ArrayBuffer>; crypto?: Crypto }): Promise<Inspection> {
  const crypto = params.crypto ?? globalThis.crypto;
  const { der, label } = singleDer(params.bytes);
  const thumbprints = {
    sha1: toColonHex(await crypto.subtle.digest("SHA-1", der)).replace(/:/g, ""),
    sha256: toColonHex(await crypto.subtle.digest("SHA-256", der)).replace(/:/g, ""),
  };
  if (label !== "CERTIFICATE") {
    let csr: x509.Pkcs10CertificateRequest | null = null;
    try {
      csr = new x509.Pkcs10CertificateRequest(der);
    } catch {
      if (label) throw new InspectError("The certificate request is damaged: it cannot be decoded.");
    }
    if (csr) {
      const raw = AsnConvert.parse(der, CertificationRequest);
      const sig = signatureOf(raw.signatureAlgorithm);
      // Both extension attributes: a request made on Windows may carry them under Microsoft's older OID.
      const requested = requestedExtensions(raw);
      const san = requested.extensions.find((e) => e.type === "2.5.29.17") ?? null;
      // A signature that cannot even be checked (an unknown algorithm, a damaged key) is not a valid one.
      const signatureValid = await csr.verify(crypto).catch(() => false);
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
        signatureValid,
        thumbprints,
      };
    }
  }
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(der);
  } catch {
    throw new InspectError(
      label === "CERTIFICATE"
        ? "The certificate is damaged: it cannot be decoded."
        : "This is neither a certificate request nor a certificate (PEM or DER).",
    );
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
    signatureValid: null,
    thumbprints,
    issuer: cert.issuer,
    validity: { notBefore: cert.notBefore, notAfter: cert.notAfter, state: v.state },
  };
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
