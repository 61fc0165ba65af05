/**
 * ACME Renewal Information (RFC 9773): the certificate's CertID (section 4.1) and the CA's suggested renewal
 * window (section 4.2), read with an unauthenticated GET. `fetch` is passed in; nothing here throws.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { AuthorityKeyIdentifier, Certificate, id_ce_authorityKeyIdentifier } from "@peculiar/asn1-x509";
import { base64url } from "./base64url";
import { ACME_TIMEOUT_MS, foreignOriginSentence, readCappedText, untilAborted } from "./client";

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

/**
 * Asks the CA's renewalInfo resource for the window; null when it does not answer one (in time, capped, on the
 * directory's own origin: a renewalInfo elsewhere is not contacted).
 */
export async function renewalWindow(params: {
  renewalInfo: string;
  certId: string;
  /** The chosen directory: renewalInfo must be on its origin. */
  directoryUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): Promise<RenewalWindow | null> {
  const doFetch = params.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const url = `${params.renewalInfo.replace(/\/+$/, "")}/${params.certId}`;
  if (foreignOriginSentence(url, params.directoryUrl)) return null;
  const signal = AbortSignal.timeout(params.timeoutMs ?? ACME_TIMEOUT_MS);
  try {
    const response = await untilAborted(
      doFetch(url, { method: "GET", credentials: "omit", referrerPolicy: "no-referrer", signal }),
      signal,
    );
    if (!response.ok) return null;
    const text = await untilAborted(readCappedText(response), signal);
    if (text === null) return null;
    const body = JSON.parse(text) as {
      suggestedWindow?: { start?: unknown; end?: unknown };
      explanationURL?: unknown;
    };
    const start = new Date(String(body.suggestedWindow?.start));
    const end = new Date(String(body.suggestedWindow?.end));
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return null;
    const explanationUrl =
      typeof body.explanationURL === "string" && /^https:\/\//.test(body.explanationURL) ? body.explanationURL : null;
    return { start, end, explanationUrl };
  } catch {
    return null;
  }
}
