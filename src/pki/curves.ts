/** The named elliptic curves this tool knows: their OIDs (RFC 5480 2.1.1.1) and the wizard's ECDSA choices. */
import type { KeyAlgorithm } from "./request";

/** NIST curves by OID (RFC 5480 2.1.1.1), with the key algorithm choice that makes each, where there is one. */
export const NAMED_CURVES = [
  { name: "P-256", oid: "1.2.840.10045.3.1.7", algorithm: "ecdsa-p256", bits: 256 }, // secp256r1
  { name: "P-384", oid: "1.3.132.0.34", algorithm: "ecdsa-p384", bits: 384 }, // secp384r1
  { name: "P-521", oid: "1.3.132.0.35", algorithm: null, bits: 521 }, // secp521r1: read, never made here
] as const;

export type CurveName = (typeof NAMED_CURVES)[number]["name"];

/** The curve of an ECDSA key choice (WebCrypto's and OpenSSL's name for it); undefined for RSA. */
export function curveOfAlgorithm(algorithm: KeyAlgorithm): (typeof NAMED_CURVES)[number] | undefined {
  return NAMED_CURVES.find((c) => c.algorithm === algorithm);
}

/** The curve named by an ECParameters namedCurve OID (RFC 5480 2.1.1.1); undefined for another curve. */
export function curveOfOid(oid: string | undefined): (typeof NAMED_CURVES)[number] | undefined {
  return NAMED_CURVES.find((c) => c.oid === oid);
}
