/** Key usage and extended key usage catalogues, labelled as the Windows Certificates snap-in labels them. */

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

/** Extended key usages (application policies) that MMC offers, with their OIDs. */
export const EXTENDED_KEY_USAGES = [
  { oid: "1.3.6.1.5.5.7.3.1", label: "Server Authentication" }, // RFC 5280 4.2.1.12 id-kp-serverAuth
  { oid: "1.3.6.1.5.5.7.3.2", label: "Client Authentication" }, // id-kp-clientAuth
  { oid: "1.3.6.1.5.5.7.3.3", label: "Code Signing" }, // id-kp-codeSigning
  { oid: "1.3.6.1.5.5.7.3.4", label: "Secure Email" }, // id-kp-emailProtection
  { oid: "1.3.6.1.5.5.7.3.8", label: "Time Stamping" }, // id-kp-timeStamping
  { oid: "1.3.6.1.5.5.7.3.9", label: "OCSP Signing" }, // id-kp-OCSPSigning
  { oid: "1.3.6.1.5.5.8.2.2", label: "IP security IKE intermediate" }, // Microsoft/IETF iKEIntermediate
  { oid: "1.3.6.1.4.1.311.20.2.2", label: "Smart Card Logon" }, // Microsoft szOID_KP_SMARTCARD_LOGON
  { oid: "1.3.6.1.4.1.311.10.3.12", label: "Document Signing" }, // Microsoft szOID_KP_DOCUMENT_SIGNING
] as const;

export const SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
export const CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

/** The MMC label of an EKU, or the OID itself for a custom one. */
export function extendedKeyUsageLabel(oid: string): string {
  return EXTENDED_KEY_USAGES.find((u) => u.oid === oid)?.label ?? oid;
}

/** Checks a dotted OID as X.660 allows it: first arc 0-2, second below 40 under 0 and 1, no leading zeros. */
export function validateOid(text: string): string | null {
  const oid = text.trim();
  if (!/^[0-2](\.(0|[1-9][0-9]*))+$/.test(oid)) {
    return "Enter an object identifier as numbers separated by dots, such as 1.3.6.1.5.5.7.3.1.";
  }
  const [first, second] = oid.split(".").map(Number);
  if (first !== 2 && (second ?? 0) >= 40) return "The second number of an object identifier must be below 40 here.";
  if (oid.length > 200) return "This object identifier is too long.";
  return null;
}
