/**
 * ACME Renewal Information (RFC 9773): the certificate's CertID (section 4.1) and the CA's suggested renewal
 * window (section 4.2), read with an unauthenticated GET. `fetch` is passed in; nothing here throws.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { AuthorityKeyIdentifier, Certificate, id_ce_authorityKeyIdentifier } from "@peculiar/asn1-x509";
import { base64url } from "./base64url";

/** CertID = base64url(AKI keyIdentifier) "." base64url(serialNumber's DER content octets) (RFC 9773 section 4.1). */
export function ariCertIdOf(params: {
  keyIdentifier: Uint8Array | ArrayBuffer;
  serial: Uint8Array | ArrayBuffer;
}): string {
  return `${base64url(params.keyIdentifier)}.${base64url(params.serial)}`;
}

/** The CertID of a certificate (DER), or null when it has no Authority Key Identifier with a key identifier. */
export function ariCertId(der: Uint8Array<ArrayBuffer>): string | null {
  try {
    const cert = AsnConvert.parse(der, Certificate);
    const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_authorityKeyIdentifier);
    if (!ext) return null;
    const aki = AsnConvert.parse(ext.extnValue, AuthorityKeyIdentifier);
    if (!aki.keyIdentifier) return null;
    // Why the raw bytes: the serial's DER content octets, a leading 00 kept (RFC 9773 section 4.1).
    return ariCertIdOf({ keyIdentifier: aki.keyIdentifier.buffer, serial: cert.tbsCertificate.serialNumber });
  } catch {
    return null;
  }
}

/** The CA's suggested window (RFC 9773 section 4.2). */
export interface RenewalWindow {
  start: Date;
  end: Date;
  explanationUrl: string | null;
}

/** Asks the CA's renewalInfo resource for the window; null when it does not answer one. */
export async function renewalWindow(params: {
  renewalInfo: string;
  certId: string;
  fetch?: typeof fetch;
}): Promise<RenewalWindow | null> {
  const doFetch = params.fetch ?? ((input, init) => globalThis.fetch(input, init));
  try {
    const response = await doFetch(`${params.renewalInfo.replace(/\/+$/, "")}/${params.certId}`, {
      method: "GET",
      credentials: "omit",
      referrerPolicy: "no-referrer",
    });
    if (!response.ok) return null;
    const body = (await response.json()) as {
      suggestedWindow?: { start?: unknown; end?: unknown };
      explanationURL?: unknown;
    };
    const start = new Date(String(body.suggestedWindow?.start));
    const end = new Date(String(body.suggestedWindow?.end));
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return null;
    const url =
      typeof body.explanationURL === "string" && /^https:\/\//.test(body.explanationURL) ? body.explanationURL : null;
    return { start, end, explanationUrl: url };
  } catch {
    return null;
  }
}
