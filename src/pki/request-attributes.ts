/**
 * The attributes of a PKCS #10 request (RFC 2986 4.1) as Windows writes them: the extensions, under PKCS #9's
 * extensionRequest (1.2.840.113549.1.9.14) or Microsoft's older 1.3.6.1.4.1.311.2.1.14, which certreq and the
 * Certificates snap-in may use and OpenSSL also reads as "Requested Extensions"; and Microsoft's OS version,
 * client information and enrollment CSP, decoded. Any other attribute is shown raw. Values are data from a
 * file: strings come back as they are, for the page to show with their hidden characters written out.
 */
import * as asn1js from "asn1js";
import { CertificationRequest } from "@peculiar/asn1-csr";
import { AsnConvert } from "@peculiar/asn1-schema";
import * as asn1X509 from "@peculiar/asn1-x509";
import { toSpacedHex } from "./pem";
import * as x509 from "./x509";

/** PKCS #9 extensionRequest (RFC 2985 5.4.2). */
export const PKCS9_EXTENSION_REQUEST = "1.2.840.113549.1.9.14";
/** Microsoft's extension request attribute (szOID_CERT_EXTENSIONS), older than PKCS #9's. */
export const MS_EXTENSION_REQUEST = "1.3.6.1.4.1.311.2.1.14";

/** An attribute other than the extensions, decoded where Windows' meaning is known. */
export interface RequestAttribute {
  oid: string;
  name: string;
  value: string;
}

/** The request's extensions from either extension attribute, and where they were found. */
export interface RequestedExtensions {
  extensions: x509.Extension[];
  /** The attributes that carried them, by name: "PKCS #9 extensionRequest" and/or Microsoft's. */
  carriedBy: string[];
}

/** The elements of a DER SEQUENCE with nothing after it, or null when it is not one. */
function sequence(der: ArrayBuffer): asn1js.AsnType[] | null {
  const { result, offset } = asn1js.fromBER(der);
  return offset === der.byteLength && result instanceof asn1js.Sequence ? result.valueBlock.value : null;
}

const text = (node: asn1js.AsnType | undefined): string | null =>
  node instanceof asn1js.BaseStringBlock ? node.getValue() : null;
const integer = (node: asn1js.AsnType | undefined): number | null =>
  node instanceof asn1js.Integer ? node.valueBlock.valueDec : null;

/** Windows' CAPI key specs (wincrypt.h AT_KEYEXCHANGE, AT_SIGNATURE). */
const KEY_SPECS: Record<number, string> = { 1: "Exchange", 2: "Signature" };

/** Microsoft's request attributes, decoded: each returns null when the value is not shaped as Windows writes it. */
const MICROSOFT: Record<string, { name: string; decode: (der: ArrayBuffer) => string | null }> = {
  // szOID_ENROLLMENT_NAME_VALUE_PAIR: SEQUENCE { name BMPString, value BMPString }, one pair per value, such as
  // CertificateTemplate and WebServer (certreq -attrib); shown "Name: value" as certutil -dump shows them.
  "1.3.6.1.4.1.311.13.2.1": {
    name: "Name-value pair",
    decode: (der) => {
      const [name, value, ...rest] = sequence(der) ?? [];
      const n = text(name);
      const v = text(value);
      return n !== null && v !== null && rest.length === 0 ? `${n}: ${v}` : null;
    },
  },
  // szOID_OS_VERSION: an IA5String such as 10.0.17763.2.
  "1.3.6.1.4.1.311.13.2.3": {
    name: "OS version",
    decode: (der) => text(asn1js.fromBER(der).result),
  },
  // szOID_REQUEST_CLIENT_INFO: SEQUENCE { clientId INTEGER, machine, user, process UTF8String }.
  "1.3.6.1.4.1.311.21.20": {
    name: "Client information",
    decode: (der) => {
      const [id, machine, user, process] = sequence(der) ?? [];
      const parts = [
        text(machine) && `computer ${text(machine)}`,
        text(user) && `user ${text(user)}`,
        text(process) && `program ${text(process)}`,
        integer(id) !== null && `client id ${integer(id)}`,
      ].filter(Boolean);
      return parts.length > 0 ? parts.join(", ") : null;
    },
  },
  // szOID_ENROLLMENT_CSP_PROVIDER: SEQUENCE { keySpec INTEGER, cspName BMPString, signature BIT STRING }.
  "1.3.6.1.4.1.311.13.2.2": {
    name: "Enrollment CSP",
    decode: (der) => {
      const [keySpec, csp] = sequence(der) ?? [];
      const name = text(csp);
      const spec = integer(keySpec);
      if (!name) return null;
      return spec !== null ? `${name}, key spec ${spec}${KEY_SPECS[spec] ? ` (${KEY_SPECS[spec]})` : ""}` : name;
    },
  },
};

/** PKCS #9's challengePassword: never shown, it may be a secret. */
const CHALLENGE_PASSWORD = "1.2.840.113549.1.9.7";

/** The extensions a request asks for, from PKCS #9's attribute and from Microsoft's, the first of an OID kept. */
export function requestedExtensions(request: CertificationRequest): RequestedExtensions {
  const extensions: x509.Extension[] = [];
  const carriedBy: string[] = [];
  for (const attribute of request.certificationRequestInfo.attributes) {
    const by =
      attribute.type === PKCS9_EXTENSION_REQUEST
        ? "PKCS #9 extensionRequest"
        : attribute.type === MS_EXTENSION_REQUEST
          ? `Microsoft's extension attribute (${MS_EXTENSION_REQUEST})`
          : null;
    if (!by) continue;
    for (const value of attribute.values) {
      const list = AsnConvert.parse(value, asn1X509.Extensions);
      for (const e of list) {
        if (extensions.some((known) => known.type === e.extnID)) continue;
        extensions.push(new x509.Extension(AsnConvert.serialize(e)));
      }
    }
    carriedBy.push(by);
  }
  return { extensions, carriedBy };
}

/** Every attribute other than the extensions: Microsoft's decoded, the others as hex. */
export function otherAttributes(request: CertificationRequest): RequestAttribute[] {
  return request.certificationRequestInfo.attributes
    .filter((a) => a.type !== PKCS9_EXTENSION_REQUEST && a.type !== MS_EXTENSION_REQUEST)
    .flatMap((a) =>
      a.values.map((value) => {
        if (a.type === CHALLENGE_PASSWORD)
          return { oid: a.type, name: "Challenge password", value: "(present; not shown)" };
        const known = MICROSOFT[a.type];
        const decoded = known ? safely(() => known.decode(value)) : null;
        return decoded !== null && known
          ? { oid: a.type, name: known.name, value: decoded }
          : { oid: a.type, name: known?.name ?? "(not known here)", value: toSpacedHex(value) };
      }),
    );
}

function safely(decode: () => string | null): string | null {
  try {
    return decode();
  } catch {
    return null;
  }
}
