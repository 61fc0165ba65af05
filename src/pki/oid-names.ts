/**
 * Names of the OIDs a request or certificate may carry, as the standards spell them and certlm.msc shows them.
 * An OID not listed here is shown as it is.
 */

/** How a browser can check a signature algorithm: with WebCrypto, or not at all. */
export interface SignatureAlgorithm {
  /** The name in its RFC. */
  name: string;
  /** The digest, as the preflight names it ("md5", "sha1", "sha256", …). */
  hash: string;
  /**
   * Why a flag and not a try: WebCrypto has no MD2, MD5 or DSA, and a verify that throws for those must not be
   * read as a signature that failed. The page says "cannot be checked in a browser" for these instead.
   */
  webCrypto: boolean;
}

/** Signature algorithms (RFC 3279 2.2, RFC 4055 5, RFC 5758 3, RFC 8410 3). */
export const SIGNATURE_ALGORITHMS: Record<string, SignatureAlgorithm> = {
  "1.2.840.113549.1.1.2": { name: "md2WithRSAEncryption", hash: "md2", webCrypto: false },
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", hash: "md5", webCrypto: false },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", hash: "sha1", webCrypto: true },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", hash: "sha224", webCrypto: false },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", hash: "sha256", webCrypto: true },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", hash: "sha384", webCrypto: true },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", hash: "sha512", webCrypto: true },
  "1.2.840.10040.4.3": { name: "dsa-with-sha1", hash: "sha1", webCrypto: false },
  "2.16.840.1.101.3.4.3.1": { name: "dsa-with-sha224", hash: "sha224", webCrypto: false },
  "2.16.840.1.101.3.4.3.2": { name: "dsa-with-sha256", hash: "sha256", webCrypto: false },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", hash: "sha1", webCrypto: true },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", hash: "sha224", webCrypto: false },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", hash: "sha256", webCrypto: true },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", hash: "sha384", webCrypto: true },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", hash: "sha512", webCrypto: true },
  "1.3.101.112": { name: "Ed25519", hash: "none", webCrypto: false },
  "1.3.101.113": { name: "Ed448", hash: "none", webCrypto: false },
};

/** Digests no CA accepts in a request's signature any more (CA/Browser Forum BR 7.1.3.2; Windows CAs too). */
export const REFUSED_HASHES: ReadonlySet<string> = new Set(["md2", "md5", "sha1"]);

/**
 * Subject attributes beyond the wizard's own (names.ts SUBJECT_TYPES), with the keys Windows' CertNameToStr
 * writes where it has one (STREET, SERIALNUMBER, PostalCode, POBox, Phone, Description) and the RFC 4519 /
 * X.520 names otherwise.
 */
export const OTHER_SUBJECT_ATTRIBUTES: Record<string, { type: string; label: string }> = {
  "2.5.4.5": { type: "SERIALNUMBER", label: "Serial number" }, // X.520 serialNumber
  "2.5.4.9": { type: "STREET", label: "Street address" }, // RFC 4519 2.34
  "2.5.4.13": { type: "Description", label: "Description" }, // RFC 4519 2.5
  "2.5.4.15": { type: "BusinessCategory", label: "Business category" }, // RFC 4519 2.1
  "2.5.4.17": { type: "PostalCode", label: "Postal code" }, // RFC 4519 2.23
  "2.5.4.18": { type: "POBox", label: "Post office box" }, // RFC 4519 2.25
  "2.5.4.20": { type: "Phone", label: "Telephone number" }, // RFC 4519 2.35
  "2.5.4.46": { type: "dnQualifier", label: "DN qualifier" }, // RFC 4519 2.8
  "2.5.4.65": { type: "Pseudonym", label: "Pseudonym" }, // X.520
  "2.5.4.97": { type: "OrganizationIdentifier", label: "Organization identifier" }, // X.520 (2016)
  "0.9.2342.19200300.100.1.1": { type: "UID", label: "User ID" }, // RFC 4519 2.39
  "1.2.840.113549.1.9.2": { type: "UnstructuredName", label: "Unstructured name" }, // PKCS #9
  "1.2.840.113549.1.9.8": { type: "UnstructuredAddress", label: "Unstructured address" }, // PKCS #9
  // CA/Browser Forum EV Guidelines 9.2.4: the jurisdiction of incorporation.
  "1.3.6.1.4.1.311.60.2.1.1": { type: "jurisdictionL", label: "Jurisdiction locality" },
  "1.3.6.1.4.1.311.60.2.1.2": { type: "jurisdictionST", label: "Jurisdiction state or province" },
  "1.3.6.1.4.1.311.60.2.1.3": { type: "jurisdictionC", label: "Jurisdiction country" },
};

/** Extensions shown by name (RFC 5280 4.2, RFC 6962 3.3, Microsoft's); any other is shown raw, by OID. */
export const EXTENSION_NAMES: Record<string, string> = {
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
  "1.2.840.113549.1.9.15": "SMIME Capabilities",
  "1.3.6.1.4.1.311.21.1": "CA Version", // szOID_CERTSRV_CA_VERSION
  "1.3.6.1.4.1.311.21.2": "Previous CA Certificate Hash", // szOID_CERTSRV_PREVIOUS_CERT_HASH
  "1.3.6.1.4.1.311.25.2": "NTDS CA Security (the account's SID)", // szOID_NTDS_CA_SECURITY_EXT
};
