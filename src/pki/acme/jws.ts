/**
 * JSON Web Signature for ACME (RFC 8555 section 6.2): the flattened JSON serialization (RFC 7515 section 7.2.2)
 * signed with ES256 (RFC 7518 section 3.4), the account key's JWK (RFC 7517) and its thumbprint (RFC 7638).
 * Every signature and digest is WebCrypto's; this file only arranges the bytes.
 */
import { base64url } from "./base64url";

/** An EC public key as a JWK (RFC 7518 section 6.2.1): the members RFC 7638 hashes, and nothing else. */
export interface EcPublicJwk {
  crv: "P-256";
  kty: "EC";
  x: string;
  y: string;
}

/** The flattened JWS an ACME server reads (RFC 7515 section 7.2.2). */
export interface FlattenedJws {
  protected: string;
  payload: string;
  signature: string;
}

/** The protected header ACME asks for (RFC 8555 section 6.2): `jwk` for newAccount, `kid` (the account URL) after. */
export type AcmeProtectedHeader = { alg: "ES256"; nonce?: string; url: string } & (
  { jwk: EcPublicJwk } | { kid: string }
);

/** ECDSA P-256 with SHA-256, as WebCrypto names it. */
export const ES256 = { name: "ECDSA", hash: "SHA-256" } as const;

/** The public JWK of an ECDSA P-256 key (either half, if its public part can be exported), its members only. */
export async function publicJwk(params: { key: CryptoKey; crypto?: Crypto }): Promise<EcPublicJwk> {
  const crypto = params.crypto ?? globalThis.crypto;
  const jwk = await crypto.subtle.exportKey("jwk", params.key);
  if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.x || !jwk.y) throw new Error("The account key is not P-256.");
  return { crv: "P-256", kty: "EC", x: jwk.x, y: jwk.y };
}

/**
 * The JWK thumbprint (RFC 7638 section 3): SHA-256 of the required members in lexicographic order, no white
 * space, base64url. EC keys hash crv, kty, x, y; RSA keys e, kty, n (the RFC's own example is RSA).
 */
export async function jwkThumbprint(params: { jwk: Record<string, unknown>; crypto?: Crypto }): Promise<string> {
  const crypto = params.crypto ?? globalThis.crypto;
  const required: Record<string, string[]> = { EC: ["crv", "kty", "x", "y"], RSA: ["e", "kty", "n"] };
  const members = required[String(params.jwk.kty)];
  if (!members) throw new Error(`No thumbprint for key type ${String(params.jwk.kty)}.`);
  const canonical: Record<string, unknown> = {};
  for (const m of members) {
    if (typeof params.jwk[m] !== "string") throw new Error(`The JWK has no "${m}".`);
    canonical[m] = params.jwk[m];
  }
  // JSON.stringify keeps insertion order, which is the lexicographic order above; the values are base64url, no escapes.
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(canonical)));
  return base64url(digest);
}

/**
 * Signs one ACME request: `payload` as JSON, or "" for POST-as-GET (RFC 8555 section 6.3). Why no conversion of
 * the signature: WebCrypto's ECDSA already gives r || s (IEEE P1363), which is exactly JWS's ES256 form
 * (RFC 7518 section 3.4), unlike X.509's DER.
 */
export async function signJws(params: {
  header: AcmeProtectedHeader;
  payload: unknown | "";
  privateKey: CryptoKey;
  crypto?: Crypto;
}): Promise<FlattenedJws> {
  const crypto = params.crypto ?? globalThis.crypto;
  const protectedB64 = base64url(JSON.stringify(params.header));
  const payloadB64 = params.payload === "" ? "" : base64url(JSON.stringify(params.payload));
  const signature = await crypto.subtle.sign(
    ES256,
    params.privateKey,
    new TextEncoder().encode(`${protectedB64}.${payloadB64}`),
  );
  return { protected: protectedB64, payload: payloadB64, signature: base64url(signature) };
}

/**
 * External Account Binding (RFC 8555 section 7.3.4): the account's JWK signed with the CA's MAC key (HS256),
 * `kid` the key identifier the CA gave, `url` the newAccount URL. The MAC is WebCrypto's HMAC-SHA256.
 */
export async function externalAccountBinding(params: {
  keyId: string;
  /** The HMAC key as the CA gives it: base64url. */
  hmacKey: Uint8Array<ArrayBuffer>;
  url: string;
  jwk: EcPublicJwk;
  crypto?: Crypto;
}): Promise<FlattenedJws> {
  const crypto = params.crypto ?? globalThis.crypto;
  const key = await crypto.subtle.importKey("raw", params.hmacKey, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const protectedB64 = base64url(JSON.stringify({ alg: "HS256", kid: params.keyId, url: params.url }));
  const payloadB64 = base64url(JSON.stringify(params.jwk));
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${protectedB64}.${payloadB64}`));
  return { protected: protectedB64, payload: payloadB64, signature: base64url(mac) };
}

/** The key authorization (RFC 8555 section 8.1): `<token>.<thumbprint of the account key>`; http-01's file content. */
export function keyAuthorization(token: string, thumbprint: string): string {
  return `${token}.${thumbprint}`;
}

/** dns-01's TXT value (RFC 8555 section 8.4): base64url(SHA-256(key authorization)). */
export async function dns01TxtValue(params: { keyAuthorization: string; crypto?: Crypto }): Promise<string> {
  const crypto = params.crypto ?? globalThis.crypto;
  return base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(params.keyAuthorization)));
}
