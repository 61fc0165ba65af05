/** Key usage and extended key usage catalogues, labelled as the Windows Certificates snap-in labels them. */
import { hasHiddenCharacters } from "./visible-text";

/** KeyUsage bits, RFC 5280 section 4.2.1.3, in the order MMC lists them. */
export const KEY_USAGES = [
  { name: "digitalSignature", label: "Digital signature", bit: 0 },
  { name: "keyEncipherment", label: "Key encipherment", bit: 2 },
  { name: "dataEncipherment", label: "Data encipherment", bit: 3 },
  { name: "keyAgreement", label: "Key agreement", bit: 4 },
  { name: "nonRepudiation", label: "Non repudiation", bit: 1 },
  { name: "keyCertSign", label: "Certificate signing", bit: 5 },
  { name: "cRLSign", label: "CRL signing", bit: 6 },
  { name: "encipherOnly", label: "Encipher only", bit: 7 },
  { name: "decipherOnly", label: "Decipher only", bit: 8 },
] as const;

export type KeyUsageName = (typeof KEY_USAGES)[number]["name"];

export const KEY_USAGE_NAMES: readonly KeyUsageName[] = KEY_USAGES.map((u) => u.name);

/** The @peculiar/x509 flag value of a usage: bit n of RFC 5280 is 1 << n there. */
export function keyUsageFlags(usages: readonly KeyUsageName[]): number {
  return usages.reduce((flags, name) => flags | (1 << keyUsage(name).bit), 0);
}

/** The catalogue entry of a key usage: MMC's label and its RFC 5280 4.2.1.3 bit. */
export function keyUsage(name: KeyUsageName) {
  const usage = KEY_USAGES.find((u) => u.name === name);
  if (!usage) throw new Error(`Unknown key usage ${name}`);
  return usage;
}

/**
 * Extended key usages, application policies as the Certificates snap-in names them, with their OIDs: the IETF
 * ones of RFC 5280 4.2.1.12 (id-kp-*), RFC 4945 and RFC 4556, and Microsoft's of wincrypt.h (szOID_KP_*, and
 * others); the TCG's for TPM certificates. The first two are the ones a reverse proxy's certificate carries.
 */
export const EXTENDED_KEY_USAGES = [
  { oid: "1.3.6.1.5.5.7.3.1", label: "Server Authentication" }, // id-kp-serverAuth
  { oid: "1.3.6.1.5.5.7.3.2", label: "Client Authentication" }, // id-kp-clientAuth
  { oid: "1.3.6.1.5.5.7.3.3", label: "Code Signing" }, // id-kp-codeSigning
  { oid: "1.3.6.1.5.5.7.3.4", label: "Secure Email" }, // id-kp-emailProtection
  { oid: "1.3.6.1.5.5.7.3.5", label: "IP security end system" }, // id-kp-ipsecEndSystem
  { oid: "1.3.6.1.5.5.7.3.6", label: "IP security tunnel termination" }, // id-kp-ipsecTunnel
  { oid: "1.3.6.1.5.5.7.3.7", label: "IP security user" }, // id-kp-ipsecUser
  { oid: "1.3.6.1.5.5.7.3.8", label: "Time Stamping" }, // id-kp-timeStamping
  { oid: "1.3.6.1.5.5.7.3.9", label: "OCSP Signing" }, // id-kp-OCSPSigning
  { oid: "1.3.6.1.5.5.8.2.2", label: "IP security IKE intermediate" }, // iKEIntermediate (RFC 4945)
  { oid: "1.3.6.1.5.2.3.5", label: "KDC Authentication" }, // id-pkinit-KPKdc (RFC 4556)
  { oid: "1.3.6.1.4.1.311.20.2.2", label: "Smart Card Logon" }, // szOID_KP_SMARTCARD_LOGON
  { oid: "1.3.6.1.4.1.311.20.2.1", label: "Certificate Request Agent" }, // szOID_ENROLLMENT_AGENT
  { oid: "1.3.6.1.4.1.311.10.3.4", label: "Encrypting File System" }, // szOID_KP_EFS
  { oid: "1.3.6.1.4.1.311.10.3.4.1", label: "File Recovery" }, // szOID_EFS_RECOVERY
  { oid: "1.3.6.1.4.1.311.10.3.12", label: "Document Signing" }, // szOID_KP_DOCUMENT_SIGNING
  { oid: "1.3.6.1.4.1.311.54.1.2", label: "Remote Desktop Authentication" }, // Remote Desktop (RDP TLS)
  { oid: "1.3.6.1.4.1.311.21.6", label: "Key Recovery Agent" }, // szOID_KP_KEY_RECOVERY_AGENT
  { oid: "1.3.6.1.4.1.311.10.3.11", label: "Key Recovery" }, // szOID_KP_KEY_RECOVERY
  { oid: "1.3.6.1.4.1.311.21.5", label: "Private Key Archival" }, // szOID_KP_CA_EXCHANGE
  { oid: "1.3.6.1.4.1.311.21.19", label: "Directory Service Email Replication" }, // szOID_DS_EMAIL_REPLICATION
  { oid: "1.3.6.1.4.1.311.10.3.1", label: "Microsoft Trust List Signing" }, // szOID_KP_CTL_USAGE_SIGNING
  { oid: "1.3.6.1.4.1.311.10.3.2", label: "Microsoft Time Stamping" }, // szOID_KP_TIME_STAMP_SIGNING
  { oid: "1.3.6.1.4.1.311.10.3.5", label: "Windows Hardware Driver Verification" }, // szOID_WHQL_CRYPTO
  { oid: "1.3.6.1.4.1.311.10.3.6", label: "Windows System Component Verification" }, // szOID_NT5_CRYPTO
  { oid: "1.3.6.1.4.1.311.10.3.7", label: "OEM Windows System Component Verification" }, // szOID_OEM_WHQL_CRYPTO
  { oid: "1.3.6.1.4.1.311.10.3.8", label: "Embedded Windows System Component Verification" }, // szOID_EMBEDDED_NT_CRYPTO
  { oid: "1.3.6.1.4.1.311.10.3.9", label: "Root List Signer" }, // szOID_ROOT_LIST_SIGNER
  { oid: "1.3.6.1.4.1.311.10.3.10", label: "Qualified Subordination" }, // szOID_KP_QUALIFIED_SUBORDINATION
  { oid: "1.3.6.1.4.1.311.10.3.13", label: "Lifetime Signing" }, // szOID_KP_LIFETIME_SIGNING
  { oid: "1.3.6.1.4.1.311.10.3.19", label: "Revoked List Signer" }, // szOID_REVOKED_LIST_SIGNER
  { oid: "1.3.6.1.4.1.311.10.3.30", label: "Disallowed List" }, // szOID_DISALLOWED_LIST
  { oid: "1.3.6.1.4.1.311.10.5.1", label: "Digital Rights" }, // szOID_DRM
  { oid: "1.3.6.1.4.1.311.10.6.1", label: "Key Pack Licenses" }, // szOID_LICENSES
  { oid: "1.3.6.1.4.1.311.10.6.2", label: "License Server Verification" }, // szOID_LICENSE_SERVER
  { oid: "1.3.6.1.4.1.311.61.1.1", label: "Kernel Mode Code Signing" }, // szOID_KP_KERNEL_MODE_CODE_SIGNING
  { oid: "1.3.6.1.4.1.311.61.4.1", label: "Early Launch Antimalware Driver" }, // ..._TRUSTED_BOOT_SIGNING
  { oid: "1.3.6.1.4.1.311.61.5.1", label: "HAL Extension" }, // szOID_KP_KERNEL_MODE_HAL_EXTENSION_SIGNING
  { oid: "1.3.6.1.4.1.311.10.3.22", label: "Protected Process Light Verification" }, // ..._LIGHT_SIGNER
  { oid: "1.3.6.1.4.1.311.10.3.24", label: "Protected Process Verification" }, // szOID_PROTECTED_PROCESS_SIGNER
  { oid: "2.23.133.8.1", label: "Endorsement Key Certificate" }, // TCG tcg-kp-EKCertificate
  { oid: "2.23.133.8.2", label: "Platform Certificate" }, // TCG tcg-kp-PlatformCertificate
  { oid: "2.23.133.8.3", label: "Attestation Identity Key Certificate" }, // TCG tcg-kp-AIKCertificate
  { oid: "2.5.29.37.0", label: "Any Purpose" }, // anyExtendedKeyUsage (RFC 5280 4.2.1.12)
] as const;

export const SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
export const CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

/** What a request starts as: the article's reverse proxy, a web server, or nothing. */
export type UsageProfile = "article" | "web-server" | "blank";

/**
 * The Extended Key Usage a new request starts with, for where it goes. For a public CA: Server Authentication
 * only, since public CAs are removing Client Authentication from TLS certificates (Chrome Root Program Policy
 * 1.8: server-only leaves from 2027-03-15; shared/docs/public-ca-rules.md). For the admin's own CA: the article's
 * Server + Client Authentication ("Request and Configure a Certificate for Your Reverse HTTP Proxy", step 8).
 * A web server needs Server Authentication only wherever the request goes; a blank request starts with none.
 */
export function defaultExtendedKeyUsage(params: { profile: UsageProfile; target: "public" | "internal" }): string[] {
  if (params.profile === "blank") return [];
  return params.profile === "article" && params.target === "internal" ? [SERVER_AUTH, CLIENT_AUTH] : [SERVER_AUTH];
}

/** True when two EKU lists hold the same OIDs in the same order. */
export const sameUsages = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((oid, i) => oid === b[i]);

/** The MMC label of an EKU, or the OID itself for a custom one. */
export function extendedKeyUsageLabel(oid: string): string {
  return EXTENDED_KEY_USAGES.find((u) => u.oid === oid)?.label ?? oid;
}

/** Checks a dotted OID as X.660 allows it: first arc 0-2, second below 40 under 0 and 1, no leading zeros. */
export function validateOid(text: string): string | null {
  const oid = text.trim();
  // Why the raw text: trim() takes a line break or U+FEFF off the ends, which would stay in a kept value.
  if (hasHiddenCharacters(text)) {
    return "This object identifier contains a line break, control or invisible character: retype it as numbers separated by dots.";
  }
  if (!/^[0-2](\.(0|[1-9][0-9]*))+$/.test(oid)) {
    return "Enter an object identifier as numbers separated by dots, such as 1.3.6.1.5.5.7.3.1.";
  }
  const [first, second] = oid.split(".").map(Number);
  if (first !== 2 && (second ?? 0) >= 40) return "The second number of an object identifier must be below 40 here.";
  if (oid.length > 200) return "This object identifier is too long.";
  return null;
}
