/**
 * Microsoft's certificate extensions decoded as certlm.msc shows them: the template an enterprise CA issued
 * from and the application policies it added. Each decoder returns null when the value is not shaped as
 * Windows writes it, and the page then shows the value raw: a damaged value never stops the rest.
 */
import * as asn1js from "asn1js";
import { extendedKeyUsageLabel } from "./usages";

/** The value as one DER element with nothing after it, or null. */
function element(der: ArrayBuffer): asn1js.AsnType | null {
  const { result, offset } = asn1js.fromBER(der);
  return offset === der.byteLength && result.error === "" ? result : null;
}

const elements = (node: asn1js.AsnType | null): asn1js.AsnType[] | null =>
  node instanceof asn1js.Sequence ? node.valueBlock.value : null;

const oidOf = (node: asn1js.AsnType | undefined): string | null =>
  node instanceof asn1js.ObjectIdentifier ? node.getValue() : null;

const integerOf = (node: asn1js.AsnType | undefined): number | null =>
  node instanceof asn1js.Integer && node.valueBlock.valueHexView.length <= 4 ? node.valueBlock.valueDec : null;

/** An application policy or EKU by its Windows name, with the OID beside it. */
const policyLabel = (oid: string) => {
  const label = extendedKeyUsageLabel(oid);
  return label === oid ? oid : `${label} (${oid})`;
};

const DECODERS: Record<string, (der: ArrayBuffer) => string | null> = {
  /**
   * szOID_CERTIFICATE_TEMPLATE: CertificateTemplate ::= SEQUENCE { templateID EncodedObjectID,
   * templateMajorVersion TemplateVersion, templateMinorVersion TemplateVersion OPTIONAL }.
   */
  "1.3.6.1.4.1.311.21.7": (der) => {
    const [id, major, minor] = elements(element(der)) ?? [];
    const template = oidOf(id);
    if (!template) return null;
    const parts = [`Template=${template}`];
    if (major !== undefined) {
      const value = integerOf(major);
      if (value === null) return null;
      parts.push(`Major Version Number=${value}`);
    }
    if (minor !== undefined) {
      const value = integerOf(minor);
      if (value === null) return null;
      parts.push(`Minor Version Number=${value}`);
    }
    return parts.join(", ");
  },
  /** szOID_ENROLL_CERTTYPE_EXTENSION: the template's name, a BMPString such as "WebServer". */
  "1.3.6.1.4.1.311.20.2": (der) => {
    const node = element(der);
    return node instanceof asn1js.BaseStringBlock ? node.getValue() : null;
  },
  /**
   * szOID_APPLICATION_CERT_POLICIES: the same shape as certificatePolicies (RFC 5280 4.2.1.4), SEQUENCE OF
   * SEQUENCE { policyIdentifier, qualifiers OPTIONAL }, each identifier an EKU OID.
   */
  "1.3.6.1.4.1.311.21.10": (der) => {
    const policies = elements(element(der));
    if (!policies || policies.length === 0) return null;
    const oids = policies.map((p) => oidOf(elements(p)?.[0]));
    return oids.every((o) => o !== null) ? oids.map((o) => policyLabel(o!)).join(", ") : null;
  },
};

/** An extension's value as certlm.msc shows it, or null for one not decoded here or not shaped as expected. */
export function decodeExtensionValue(oid: string, der: ArrayBuffer): string | null {
  const decode = DECODERS[oid];
  if (!decode) return null;
  try {
    return decode(der);
  } catch {
    // Why swallow: the value is data from a file; shown raw, it still tells the admin something.
    return null;
  }
}
