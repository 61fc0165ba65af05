/**
 * The CA's answer: certificates read from PEM, DER or PKCS #7 (.p7b), the leaf that matches a key, the
 * chain built from what was given, and how the issued certificate differs from what the request asked.
 */
import * as x509 from "./x509";
import { spkiSha256 } from "./fingerprint";
import { effectiveAltNames, type AltName } from "./names";
import { base64OrNull, isOneDerValue, readPemBlocks, textOrNull, toColonHex } from "./pem";
import { effectiveKeyUsage, type RequestPlan } from "./request";
import { extendedKeyUsageLabel, KEY_USAGES, keyUsageFlags, type KeyUsageName } from "./usages";

/** Thrown with one sentence for the admin when what was given is not a certificate. */
export class CertificateInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CertificateInputError";
  }
}

const REQUEST_LABELS = new Set(["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"]);

/**
 * Splits DER into its top-level TLVs (X.690 8.1: tag, definite length, contents), refusing what DER forbids
 * or a file cuts short: an indefinite length, a length past the end. Why: a damaged length or trailing bytes
 * must not be accepted and copied into a .pfx, and a second certificate appended must be read, not ignored.
 */
function topLevelDer(der: Uint8Array<ArrayBuffer>, what: string): Uint8Array<ArrayBuffer>[] {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const damaged = () => new CertificateInputError(`${what} is damaged or cut short: it is not a whole certificate.`);
  let at = 0;
  while (at < der.length) {
    if (der.length - at < 2) throw damaged();
    let length = der[at + 1]!;
    let header = 2;
    if (length & 0x80) {
      const count = length & 0x7f;
      if (count === 0 || count > 4 || der.length - at < 2 + count) throw damaged();
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + der[at + 2 + i]!;
      header += count;
    }
    if (at + header + length > der.length) throw damaged();
    parts.push(der.subarray(at, at + header + length));
    at += header + length;
  }
  return parts;
}

function parseDer(der: Uint8Array<ArrayBuffer>, what: string): x509.X509Certificate[] {
  if (der.length > 0 && der[0] === 0x30) {
    const parts = topLevelDer(der, what);
    if (parts.length > 1) return parts.flatMap((part) => parseOne(part, what));
  }
  return parseOne(der, what);
}

function parseOne(der: Uint8Array<ArrayBuffer>, what: string): x509.X509Certificate[] {
  try {
    return [new x509.X509Certificate(der)];
  } catch {
    /* not a single certificate: try the other forms */
  }
  try {
    const certs = [...new x509.X509Certificates(der)];
    if (certs.length === 0)
      throw new CertificateInputError(`${what} is a PKCS #7 (.p7b) file with no certificate in it.`);
    return certs;
  } catch (e) {
    if (e instanceof CertificateInputError) throw e;
  }
  try {
    new x509.Pkcs10CertificateRequest(der);
    throw new CertificateInputError(`${what} is a certificate request, not the certificate the CA issued for it.`);
  } catch (e) {
    if (e instanceof CertificateInputError) throw e;
  }
  throw new CertificateInputError(
    der.length > 0 && der[0] === 0x30
      ? `${what} is damaged or cut short: it is not a whole certificate.`
      : `${what} is not a certificate: expected a .cer, .crt or .p7b file (PEM or DER).`,
  );
}

/** Reads every certificate in a file or pasted text: PEM (CERTIFICATE, PKCS7) with anything around it, or DER. */
export function readCertificates(params: { bytes: Uint8Array<ArrayBuffer>; name?: string }): x509.X509Certificate[] {
  const what = params.name ? `"${params.name}"` : "This";
  try {
    return readCertificatesOf(params.bytes, what);
  } catch (e) {
    // Why catch everything: the parsers below throw their own words (nesting depth, stack size, TypeError);
    // the admin gets one sentence of ours instead.
    if (e instanceof CertificateInputError) throw e;
    throw new CertificateInputError(`${what} is damaged: it cannot be read as a certificate.`);
  }
}

function readCertificatesOf(bytes: Uint8Array<ArrayBuffer>, what: string): x509.X509Certificate[] {
  if (bytes.length === 0) throw new CertificateInputError(`${what} is empty.`);
  // Why DER first: bytes that are one whole DER value are DER, even when a value inside holds PEM text (a
  // certificate carrying another's PEM in an extension must not be loaded as that other one). Only a file
  // that is text is searched for PEM.
  if (isOneDerValue(bytes)) return parseDer(bytes, what);
  const text = textOrNull(bytes);
  if (text === null) return parseDer(bytes, what);
  if (!text.includes("-----BEGIN ")) {
    // Base 64 without armour (what some CA web pages show) is read too.
    const bare = text.replace(/\s+/g, "");
    const der = bare.length > 40 && /^[A-Za-z0-9+/]+=*$/.test(bare) ? base64OrNull(bare) : null;
    return parseDer(der ?? bytes, what);
  }
  let blocks;
  try {
    blocks = readPemBlocks(text);
  } catch (e) {
    throw new CertificateInputError(`${what} has a damaged PEM block: ${(e as Error).message}`);
  }
  if (blocks.length === 0)
    throw new CertificateInputError(`${what} has a BEGIN line without its END line: the text is cut short.`);
  const certificates: x509.X509Certificate[] = [];
  for (const block of blocks) {
    if (REQUEST_LABELS.has(block.label))
      throw new CertificateInputError(`${what} is a certificate request, not the certificate the CA issued for it.`);
    if (block.label === "CERTIFICATE" || block.label === "PKCS7" || block.label === "X509 CERTIFICATE") {
      certificates.push(...parseDer(block.der, what));
    } else if (!block.label.endsWith("PRIVATE KEY")) {
      throw new CertificateInputError(`${what} holds a ${block.label}, not a certificate.`);
    }
  }
  if (certificates.length === 0) throw new CertificateInputError(`${what} holds no certificate.`);
  return certificates;
}

/** SHA-256 of the certificate's SubjectPublicKeyInfo (RFC 5280 4.1.2.7): what it is matched to its key by. */
export async function certificateSpkiSha256(
  cert: x509.X509Certificate,
  crypto: Crypto = globalThis.crypto,
): Promise<string> {
  return spkiSha256({ spki: cert.publicKey.rawData, crypto });
}

/** The chain from the leaf up, as far as the certificates given allow, and whether it reached a root. */
export async function buildChain(
  leaf: x509.X509Certificate,
  pool: readonly x509.X509Certificate[],
  crypto: Crypto = globalThis.crypto,
) {
  const chain = [...(await new x509.X509ChainBuilder({ certificates: [...pool] }).build(leaf, crypto))];
  const top = chain[chain.length - 1] ?? leaf;
  return { chain, complete: await top.isSelfSigned(crypto) };
}

export type ValidityState = "valid" | "expired" | "not-yet-valid";

/** Whether the certificate is within its validity period (RFC 5280 4.1.2.5), and the whole days left. */
export function validity(
  cert: x509.X509Certificate,
  now: Date = new Date(),
): { state: ValidityState; daysLeft: number } {
  const daysLeft = Math.floor((cert.notAfter.getTime() - now.getTime()) / 86_400_000);
  if (now < cert.notBefore) return { state: "not-yet-valid", daysLeft };
  return { state: now > cert.notAfter ? "expired" : "valid", daysLeft };
}

/** Alternative names of a SAN extension (of a certificate or a request) in the wizard's own form, so they compare. */
export function altNamesOfExtension(extension: x509.Extension | null): AltName[] {
  const san = extension ? new x509.SubjectAlternativeNameExtension(extension.rawData) : null;
  return (san?.names.items ?? []).flatMap((n): AltName[] => {
    switch (n.type) {
      case "dns":
      case "email":
      case "url":
      case "upn":
      case "dn":
        return [{ type: n.type, value: n.value }];
      case "guid":
        return [{ type: "guid", value: n.value.toLowerCase() }];
      case "ip":
        return [{ type: n.value.includes(":") ? "ipv6" : "ipv4", value: n.value }];
      default:
        return [];
    }
  });
}

/** The certificate's subject alternative names (RFC 5280 4.2.1.6) in the wizard's own form. */
export function certificateAltNames(cert: x509.X509Certificate): AltName[] {
  return altNamesOfExtension(cert.getExtension("2.5.29.17"));
}

/** The key usages a KeyUsage extension (of a certificate or a request) sets. */
export function keyUsagesOfExtension(extension: x509.Extension | null): KeyUsageName[] {
  const flags = extension ? new x509.KeyUsagesExtension(extension.rawData).usages : 0;
  return KEY_USAGES.filter((u) => flags & keyUsageFlags([u.name])).map((u) => u.name);
}

/** The certificate's key usages (RFC 5280 4.2.1.3). */
export function certificateKeyUsages(cert: x509.X509Certificate): KeyUsageName[] {
  return keyUsagesOfExtension(cert.getExtension("2.5.29.15"));
}

/** The certificate's extended key usage OIDs (RFC 5280 4.2.1.12). */
export function certificateExtendedKeyUsages(cert: x509.X509Certificate): string[] {
  return (cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? []).map(String);
}

export interface RequestComparison {
  droppedNames: string[];
  addedNames: string[];
  droppedKeyUsages: string[];
  addedKeyUsages: string[];
  droppedExtendedKeyUsages: string[];
  addedExtendedKeyUsages: string[];
}

/** What the CA dropped from, or added to, the names and usages the request asked for. */
export function compareWithRequest(cert: x509.X509Certificate, plan: RequestPlan): RequestComparison {
  const key = (n: AltName) =>
    `${n.type === "ipv4" || n.type === "ipv6" ? "IP" : n.type.toUpperCase()}:${n.type === "dns" ? n.value.toLowerCase() : n.value}`;
  const asked = effectiveAltNames(plan.subject, plan.altNames).map(key);
  const got = certificateAltNames(cert).map(key);
  const askedKu = effectiveKeyUsage(plan);
  const gotKu = certificateKeyUsages(cert);
  const gotEku = certificateExtendedKeyUsages(cert);
  const label = (name: KeyUsageName) => KEY_USAGES.find((u) => u.name === name)?.label ?? name;
  return {
    droppedNames: asked.filter((n) => !got.includes(n)),
    addedNames: got.filter((n) => !asked.includes(n)),
    droppedKeyUsages: askedKu.filter((u) => !gotKu.includes(u)).map(label),
    addedKeyUsages: gotKu.filter((u) => !askedKu.includes(u)).map(label),
    droppedExtendedKeyUsages: plan.extendedKeyUsage.filter((o) => !gotEku.includes(o)).map(extendedKeyUsageLabel),
    addedExtendedKeyUsages: gotEku.filter((o) => !plan.extendedKeyUsage.includes(o)).map(extendedKeyUsageLabel),
  };
}

/** The SHA-1 thumbprint as Windows shows it: upper-case hex without separators. */
export async function windowsThumbprint(
  cert: x509.X509Certificate,
  crypto: Crypto = globalThis.crypto,
): Promise<string> {
  return toColonHex(await cert.getThumbprint("SHA-1", crypto)).replace(/:/g, "");
}

/** What Windows' certificate dialog shows of a certificate. */
export interface CertificateView {
  subject: string;
  /** The subject's first common name, or "" when it has none. */
  commonName: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  validity: { state: ValidityState; daysLeft: number };
  altNames: string[];
  keyUsages: string[];
  extendedKeyUsages: string[];
  thumbprint: string;
  spkiSha256: string;
}

/** The certificate as Windows' certificate dialog shows it: names, usages, validity, SHA-1 thumbprint (RFC 5280). */
export async function viewCertificate(
  cert: x509.X509Certificate,
  crypto: Crypto = globalThis.crypto,
): Promise<CertificateView> {
  return {
    subject: cert.subject,
    commonName: cert.subjectName.getField("CN")[0] ?? "",
    issuer: cert.issuer,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    validity: validity(cert),
    altNames: certificateAltNames(cert).map(
      (n) => `${n.type === "ipv4" || n.type === "ipv6" ? "IP Address" : n.type.toUpperCase()}=${n.value}`,
    ),
    keyUsages: certificateKeyUsages(cert).map((u) => KEY_USAGES.find((k) => k.name === u)?.label ?? u),
    extendedKeyUsages: certificateExtendedKeyUsages(cert).map(extendedKeyUsageLabel),
    thumbprint: await windowsThumbprint(cert, crypto),
    spkiSha256: await certificateSpkiSha256(cert, crypto),
  };
}

/**
 * The answer matched to a key: the leaf (the certificate whose public key is the key's), the chain built
 * from the other certificates given, or, when none matches, which key each certificate does belong to.
 */
export async function matchAnswer(params: {
  certificates: readonly Uint8Array<ArrayBuffer>[];
  keySpkiSha256: string;
  crypto?: Crypto;
}): Promise<
  | { matched: true; leaf: x509.X509Certificate; chain: x509.X509Certificate[]; complete: boolean }
  | { matched: false; belongsTo: { subject: string; spkiSha256: string }[] }
> {
  const crypto = params.crypto ?? globalThis.crypto;
  const certs = params.certificates.map((der) => new x509.X509Certificate(der));
  const prints = await Promise.all(certs.map((c) => certificateSpkiSha256(c, crypto)));
  const index = prints.indexOf(params.keySpkiSha256);
  const leaf = certs[index];
  if (!leaf) {
    // Only end-entity certificates can be what the admin meant: leave out the CAs given with them.
    const ends = certs.map((c, i) => ({ c, i })).filter(({ c }) => !c.getExtension(x509.BasicConstraintsExtension)?.ca);
    return { matched: false, belongsTo: ends.map(({ c, i }) => ({ subject: c.subject, spkiSha256: prints[i]! })) };
  }
  const { chain, complete } = await buildChain(
    leaf,
    certs.filter((_, i) => i !== index),
    crypto,
  );
  return { matched: true, leaf, chain, complete };
}

/** What the Complete page shows of the CA's answer and the chosen key. */
export type AnswerMatch =
  | { state: "waiting" }
  | { state: "no-match"; belongsTo: { subject: string; spkiSha256: string }[] }
  | {
      state: "matched";
      leaf: x509.X509Certificate;
      /** From the leaf up; the root last when `complete`. */
      chain: x509.X509Certificate[];
      complete: boolean;
      view: CertificateView;
      /** How the certificate differs from the request, when the request's plan is known. */
      comparison: RequestComparison | null;
    }
  | { state: "failed"; error: string };

/**
 * The CA's answer examined against a key (RFC 5280 6.1 path building from what was given): the matched leaf
 * with its chain, how it reads and what the CA changed, or which key each certificate belongs to. Never throws:
 * a damaged certificate is a "failed" state with a sentence for the admin.
 */
export async function examineAnswer(params: {
  certificates: readonly Uint8Array<ArrayBuffer>[];
  keySpkiSha256: string | null;
  plan?: RequestPlan;
  crypto?: Crypto;
}): Promise<AnswerMatch> {
  if (!params.keySpkiSha256 || params.certificates.length === 0) return { state: "waiting" };
  try {
    const match = await matchAnswer({ ...params, keySpkiSha256: params.keySpkiSha256 });
    if (!match.matched) return { state: "no-match", belongsTo: match.belongsTo };
    return {
      state: "matched",
      leaf: match.leaf,
      chain: match.chain,
      complete: match.complete,
      view: await viewCertificate(match.leaf, params.crypto),
      comparison: params.plan ? compareWithRequest(match.leaf, params.plan) : null,
    };
  } catch (e) {
    return {
      state: "failed",
      error: `The certificate could not be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** The root of a complete chain (a self-signed top, RFC 5280 6.1), which the .pfx leaves out unless asked. */
export function chainRoot(match: AnswerMatch): x509.X509Certificate | undefined {
  return match.state === "matched" && match.complete ? match.chain[match.chain.length - 1] : undefined;
}

/** The certificates a .pfx carries beside the leaf (RFC 7292 certBags): the chain, the root only when asked. */
export function exportChain(match: AnswerMatch, includeRoot: boolean): x509.X509Certificate[] {
  if (match.state !== "matched") return [];
  const root = chainRoot(match);
  return match.chain.slice(1).filter((c) => c !== root || includeRoot);
}
