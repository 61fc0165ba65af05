/** The DNS names an ACME order asks for, read from the PKCS #10 request itself (RFC 2986, RFC 5280 section 4.2.1.6). */
import * as x509 from "../x509";

/**
 * The request's DNS names: its subject alternative names, or its common name when it has none. Throws a
 * sentence when the bytes are not a request or it names no host (an IP address or e-mail is not ordered here).
 */
export function requestDnsNames(der: Uint8Array<ArrayBuffer>): string[] {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(der);
  } catch {
    throw new Error("This file is not a certificate request (PKCS #10).");
  }
  const raw = csr.getExtension("2.5.29.17");
  const san = raw ? new x509.SubjectAlternativeNameExtension(raw.rawData) : null;
  const fromSan = san?.names.items.filter((n) => n.type === "dns").map((n) => n.value) ?? [];
  const cn = csr.subjectName.getField("CN");
  const names = fromSan.length ? fromSan : cn;
  const unique = [...new Set(names.map((n: string) => n.toLowerCase()))];
  if (!unique.length) throw new Error("The request names no DNS name for the CA to issue for.");
  return unique;
}
