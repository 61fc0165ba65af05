/**
 * Checks of what the ACME page is given before it uses it: a CA's authorization (RFC 8555 section 7.1.4) and
 * its challenge tokens (section 8.3), and the External Account Binding's HMAC key (section 7.3.4).
 */
import { fromBase64url } from "./base64url";
import { orderIdentifiers, type AcmeAuthorization } from "./client";

/** The EAB HMAC key as CAs give it (base64url), or null when it is not that. */
export function eabKey(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const key = fromBase64url(text.trim());
    return key.length >= 16 ? key : null;
  } catch {
    return null;
  }
}

/** A challenge token as RFC 8555 section 8.3 has it: base64url, nothing else (it goes in a path and a file name). */
export function validToken(token: unknown): token is string {
  return typeof token === "string" && token.length <= 512 && /^[A-Za-z0-9_-]+$/.test(token);
}

/**
 * Why an authorization from the CA is refused, or null: its identifier must be one of the names ordered (a DNS
 * name, the same once lower-cased), and each http-01 or dns-01 challenge's token base64url.
 */
export function authorizationRefusal(authz: AcmeAuthorization, ordered: readonly string[]): string | null {
  const names = new Set(orderIdentifiers(ordered).map((i) => i.value));
  const value = authz?.identifier?.value;
  if (authz?.identifier?.type !== "dns" || typeof value !== "string" || !names.has(value.toLowerCase()))
    return "The CA sent an authorization for a name that was not ordered: this page stopped. Start a new order.";
  if (!Array.isArray(authz.challenges))
    return `The CA's authorization for ${value} has no challenges: this page stopped.`;
  for (const c of authz.challenges)
    if ((c?.type === "http-01" || c?.type === "dns-01") && c.token !== undefined && !validToken(c.token))
      return `The CA sent a ${c.type} token for ${value} that is not base64url (RFC 8555 section 8.3): this page stopped.`;
  return null;
}
