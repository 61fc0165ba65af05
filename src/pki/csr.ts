/** The PKCS #10 certification request (RFC 2986), built with @peculiar/x509 from a RequestPlan. */
import { CertificationRequest } from "@peculiar/asn1-csr";
import { id_mgf1, id_RSASSA_PSS, RsaSaPssParams, sha256, sha384, sha512 } from "@peculiar/asn1-rsa";
import * as asn1X509 from "@peculiar/asn1-x509";
import { AsnConvert } from "@peculiar/asn1-schema";
import * as x509 from "./x509";
import { PSS_SALT_LENGTH, signingAlgorithm } from "./keys";
import {
  effectiveAltNames,
  isPrintableString,
  parseDirectoryName,
  subjectType,
  type AltName,
  type SubjectPart,
} from "./names";
import { effectiveKeyUsage, type HashName, type RequestPlan } from "./request";
import { keyUsageFlags } from "./usages";

/** id-ce-subjectAltName, RFC 5280 4.2.1.6. */
const ID_CE_SUBJECT_ALT_NAME = "2.5.29.17";
/** Microsoft's UPN otherName, szOID_NT_PRINCIPAL_NAME. */
const ID_MS_UPN = "1.3.6.1.4.1.311.20.2.3";

/**
 * One attribute value with its string type chosen explicitly. Country is a PrintableString (RFC 5280
 * Appendix A); Email and Domain component are IA5String (PKCS #9, RFC 4519); everything else is a
 * PrintableString when it fits and a UTF8String otherwise (RFC 5280 4.1.2.4 asks for UTF8String, and
 * PrintableString is what MMC and most CAs write for plain ASCII).
 */
function directoryString(
  part: SubjectPart,
): { printableString: string } | { utf8String: string } | { ia5String: string } {
  if (part.type === "E" || part.type === "DC") return { ia5String: part.value };
  if (part.type === "C" || isPrintableString(part.value)) return { printableString: part.value };
  return { utf8String: part.value };
}

/** The subject as an X.501 Name: one RDN per part, in the order the admin added them. */
export function toName(subject: readonly SubjectPart[]): x509.Name {
  // Values are passed as typed objects so the library never re-parses quotes or backslashes in them.
  const json = subject.map((part) => ({ [subjectType(part.type).oid]: [directoryString(part)] }));
  return new x509.Name(json as unknown as x509.JsonName);
}

function toGeneralName(name: AltName): asn1X509.GeneralName {
  switch (name.type) {
    case "dns":
      return new asn1X509.GeneralName({ dNSName: name.value });
    case "ipv4":
    case "ipv6":
      return new asn1X509.GeneralName({ iPAddress: name.value });
    case "email":
      return new asn1X509.GeneralName({ rfc822Name: name.value });
    case "url":
      return new asn1X509.GeneralName({ uniformResourceIdentifier: name.value });
    case "upn":
      // otherName { 1.3.6.1.4.1.311.20.2.3, [0] UTF8String }, as Windows writes it.
      return new asn1X509.GeneralName({
        otherName: new asn1X509.OtherName({
          typeId: ID_MS_UPN,
          value: AsnConvert.serialize(new asn1X509.DirectoryString({ utf8String: name.value })),
        }),
      });
    case "guid":
      // otherName { 1.3.6.1.4.1.311.25.1, [0] OCTET STRING }: the first three groups byte-reversed, as Windows
      // stores a GUID in memory; @peculiar/x509 writes (and reads) it that way.
      return AsnConvert.parse(new x509.GeneralName("guid", name.value).rawData, asn1X509.GeneralName);
    case "dn": {
      const parts = parseDnValue(name.value);
      return new asn1X509.GeneralName({
        directoryName: AsnConvert.parse(toName(parts).toArrayBuffer(), asn1X509.Name),
      });
    }
  }
}

/** A stored directory name was checked by checkAltName, so it parses; a hand-edited one throws. */
function parseDnValue(value: string): SubjectPart[] {
  const parsed = parseDirectoryName(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.parts;
}

/** GeneralNames DER for the subjectAltName extension value. */
export function generalNamesDer(names: readonly AltName[]): ArrayBuffer {
  return new x509.GeneralNames(names.map(toGeneralName)).rawData;
}

/** The extensions the request asks for, in the order MMC writes them. */
export async function requestExtensions(params: {
  plan: RequestPlan;
  publicKey: CryptoKey;
  crypto?: Crypto;
}): Promise<x509.Extension[]> {
  const { plan, publicKey } = params;
  const extensions: x509.Extension[] = [];
  const altNames = effectiveAltNames(plan.subject, plan.altNames);
  if (altNames.length > 0) {
    // RFC 5280 4.2.1.6: with an empty subject the SAN is the only identity, and must be critical.
    extensions.push(new x509.Extension(ID_CE_SUBJECT_ALT_NAME, plan.subject.length === 0, generalNamesDer(altNames)));
  }
  const keyUsage = effectiveKeyUsage(plan);
  if (keyUsage.length > 0) {
    extensions.push(new x509.KeyUsagesExtension(keyUsageFlags(keyUsage), plan.keyUsageCritical));
  }
  if (plan.extendedKeyUsage.length > 0) {
    extensions.push(new x509.ExtendedKeyUsageExtension(plan.extendedKeyUsage, plan.extendedKeyUsageCritical));
  }
  const bc = plan.basicConstraints;
  if (bc.enabled) {
    extensions.push(
      new x509.BasicConstraintsExtension(bc.ca, bc.ca ? (bc.pathLength ?? undefined) : undefined, bc.critical),
    );
  }
  if (!plan.suppressDefaultExtensions) {
    // MMC adds a Subject Key Identifier (RFC 5280 4.2.1.2 method 1, SHA-1 of the key) unless suppressed.
    extensions.push(
      await x509.SubjectKeyIdentifierExtension.create(publicKey, false, params.crypto ?? globalThis.crypto),
    );
  }
  return extensions;
}

const PSS_HASH: Record<HashName, asn1X509.AlgorithmIdentifier> = { sha256, sha384, sha512 };

/**
 * The RSASSA-PSS AlgorithmIdentifier as RFC 4055 3.1 writes it: the hash, MGF1 with the same hash, a salt as
 * long as the hash, trailer 1; each hash identifier with NULL parameters, as RFC 4055 2.1 lists them and as
 * OpenSSL and Windows write them.
 */
export function rsassaPssIdentifier(hash: HashName): asn1X509.AlgorithmIdentifier {
  const params = new RsaSaPssParams({
    hashAlgorithm: PSS_HASH[hash],
    maskGenAlgorithm: new asn1X509.AlgorithmIdentifier({
      algorithm: id_mgf1,
      parameters: AsnConvert.serialize(PSS_HASH[hash]),
    }),
    saltLength: PSS_SALT_LENGTH[hash],
  });
  return new asn1X509.AlgorithmIdentifier({ algorithm: id_RSASSA_PSS, parameters: AsnConvert.serialize(params) });
}

/** Signs the request with the key pair in the page and returns its DER. */
export async function createPkcs10(params: {
  plan: RequestPlan;
  keys: CryptoKeyPair;
  crypto?: Crypto;
}): Promise<ArrayBuffer> {
  const crypto = params.crypto ?? globalThis.crypto;
  const { plan, keys } = params;
  const request = await x509.Pkcs10CertificateRequestGenerator.create(
    {
      name: toName(plan.subject),
      keys,
      // @peculiar/x509 converts WebCrypto's raw r||s ECDSA signature to the DER Ecdsa-Sig-Value.
      signingAlgorithm: signingAlgorithm(plan.key),
      extensions: await requestExtensions({ plan, publicKey: keys.publicKey, crypto }),
    },
    crypto,
  );
  if (!(plan.key.algorithm === "rsa" && plan.key.alternateSignature)) return request.rawData;
  // Why rewrite it: @peculiar/x509 leaves the hash identifiers' parameters absent, which RFC 4055 allows
  // readers to accept but does not write. The signature covers the request's info only, not this field.
  const signed = AsnConvert.parse(request.rawData, CertificationRequest);
  signed.signatureAlgorithm = rsassaPssIdentifier(plan.key.hash);
  return AsnConvert.serialize(signed);
}
