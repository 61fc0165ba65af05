/**
 * An ACME client (RFC 8555) with `fetch` and `crypto` passed in: the directory, nonces (newNonce, Replay-Nonce,
 * badNonce retried once), signed POSTs (`jwk` for newAccount, `kid` after), POST-as-GET, orders, challenges,
 * finalize and the certificate chain. Every call returns a result, never throws: an error is one sentence.
 */
import { base64url } from "./base64url";
import { signJws, type EcPublicJwk } from "./jws";
import { asProblem, problemKind, problemSentence, unreachableSentence, type AcmeProblem } from "./problem";

/** The directory (RFC 8555 section 7.1.1). */
export interface AcmeDirectory {
  newNonce: string;
  newAccount: string;
  newOrder: string;
  revokeCert?: string;
  keyChange?: string;
  /** RFC 9773 (ARI). */
  renewalInfo?: string;
  meta?: { termsOfService?: string; website?: string; externalAccountRequired?: boolean; caaIdentities?: string[] };
}

/** An identifier (RFC 8555 section 9.7.7): this page orders DNS names only. */
export interface AcmeIdentifier {
  type: "dns";
  value: string;
}

/** A challenge (RFC 8555 section 8). */
export interface AcmeChallenge {
  type: string;
  url: string;
  status: "pending" | "processing" | "valid" | "invalid";
  token?: string;
  validated?: string;
  error?: AcmeProblem;
}

/** An authorization (RFC 8555 section 7.1.4). */
export interface AcmeAuthorization {
  identifier: AcmeIdentifier;
  status: "pending" | "valid" | "invalid" | "deactivated" | "expired" | "revoked";
  expires?: string;
  challenges: AcmeChallenge[];
  wildcard?: boolean;
}

/** An order (RFC 8555 section 7.1.3). */
export interface AcmeOrder {
  status: "pending" | "ready" | "processing" | "valid" | "invalid";
  expires?: string;
  identifiers: AcmeIdentifier[];
  authorizations: string[];
  finalize: string;
  certificate?: string;
  error?: AcmeProblem;
}

/** What a call gives: the value with the response's Location and Retry-After, or one sentence and the problem. */
export type AcmeResult<T> =
  | { ok: true; value: T; location: string | null; retryAfter: string | null }
  | { ok: false; error: string; problem?: AcmeProblem; unreachable?: boolean };

/** The account key: the private half signs, the public JWK goes in newAccount; `kid` once the account exists. */
export interface AcmeAccountKey {
  privateKey: CryptoKey;
  jwk: EcPublicJwk;
  kid?: string;
}

/** Why the limit: a CA's answer is small JSON or a PEM chain; anything bigger is not an ACME answer. */
const MAX_BODY = 1024 * 1024;

/** The client for one directory URL. */
export interface AcmeClient {
  directoryUrl: string;
  directory: () => Promise<AcmeResult<AcmeDirectory>>;
  /** A signed POST with a JSON payload, or "" for POST-as-GET. `as` says how the answer is read. */
  post: <T>(params: {
    url: string;
    payload: unknown;
    key: AcmeAccountKey;
    as?: "json" | "pem";
  }) => Promise<AcmeResult<T>>;
}

/** Makes a client; nothing is fetched until a method is called. */
export function acmeClient(params: { directoryUrl: string; fetch?: typeof fetch; crypto?: Crypto }): AcmeClient {
  const doFetch = params.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const { directoryUrl } = params;
  let directory: AcmeDirectory | null = null;
  let nonce: string | null = null;

  /** One request; never throws. A network failure (no answer, or no CORS) is `unreachable`. */
  async function call(url: string, init: RequestInit): Promise<{ response: Response; text: string } | null> {
    try {
      const response = await doFetch(url, { ...init, credentials: "omit", referrerPolicy: "no-referrer" });
      const nextNonce = response.headers.get("Replay-Nonce");
      if (nextNonce) nonce = nextNonce;
      const length = Number(response.headers.get("Content-Length") ?? 0);
      if (length > MAX_BODY) return { response, text: "" };
      const text = init.method === "HEAD" ? "" : (await response.text()).slice(0, MAX_BODY);
      return { response, text };
    } catch {
      return null;
    }
  }

  const unreachable = <T>(): AcmeResult<T> => ({
    ok: false,
    error: unreachableSentence(directoryUrl),
    unreachable: true,
  });

  function failure<T>(response: Response, text: string): AcmeResult<T> {
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    const problem = asProblem(body) ?? { status: response.status };
    return { ok: false, error: problemSentence(problem, response.status), problem };
  }

  async function getDirectory(): Promise<AcmeResult<AcmeDirectory>> {
    if (directory) return { ok: true, value: directory, location: null, retryAfter: null };
    const got = await call(directoryUrl, { method: "GET" });
    if (!got) return unreachable();
    if (!got.response.ok) return failure(got.response, got.text);
    try {
      const d = JSON.parse(got.text) as AcmeDirectory;
      if (![d.newNonce, d.newAccount, d.newOrder].every((u) => typeof u === "string" && u.startsWith("https://")))
        throw new Error("not a directory");
      directory = d;
      return { ok: true, value: d, location: null, retryAfter: null };
    } catch {
      return {
        ok: false,
        error: `${directoryUrl} is not an ACME directory: its answer has no newNonce, newAccount and newOrder.`,
      };
    }
  }

  async function freshNonce(): Promise<string | null> {
    if (nonce) {
      const n = nonce;
      nonce = null;
      return n;
    }
    const d = await getDirectory();
    if (!d.ok) return null;
    const got = await call(d.value.newNonce, { method: "HEAD" });
    const n = nonce;
    nonce = null;
    return got ? n : null;
  }

  async function post<T>(p: {
    url: string;
    payload: unknown;
    key: AcmeAccountKey;
    as?: "json" | "pem";
  }): Promise<AcmeResult<T>> {
    // badNonce (RFC 8555 section 6.5): the server's answer carries a fresh nonce; one retry with it.
    for (let attempt = 0; ; attempt++) {
      const n = await freshNonce();
      if (!n) return unreachable();
      const header = p.key.kid
        ? ({ alg: "ES256", nonce: n, url: p.url, kid: p.key.kid } as const)
        : ({ alg: "ES256", nonce: n, url: p.url, jwk: p.key.jwk } as const);
      const jws = await signJws({ header, payload: p.payload, privateKey: p.key.privateKey, crypto: params.crypto });
      const got = await call(p.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/jose+json",
          ...(p.as === "pem" ? { Accept: "application/pem-certificate-chain" } : {}),
        },
        body: JSON.stringify(jws),
      });
      if (!got) return unreachable();
      const { response, text } = got;
      if (!response.ok) {
        const result = failure<T>(response, text);
        if (!result.ok && problemKind(result.problem) === "badNonce" && attempt === 0) continue;
        return result;
      }
      const meta = { location: response.headers.get("Location"), retryAfter: response.headers.get("Retry-After") };
      if (p.as === "pem") return { ok: true, value: text as T, ...meta };
      try {
        return { ok: true, value: (text ? JSON.parse(text) : {}) as T, ...meta };
      } catch {
        return { ok: false, error: "The CA's answer could not be read (it is not JSON)." };
      }
    }
  }

  return { directoryUrl, directory: getDirectory, post };
}

/** The names to order: exactly the request's DNS names, lower case, each once (RFC 8555 section 7.4). */
export function orderIdentifiers(names: readonly string[]): AcmeIdentifier[] {
  return [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))].map((value) => ({
    type: "dns",
    value,
  }));
}

/** The finalize payload (RFC 8555 section 7.4): the request's DER, base64url. */
export function finalizePayload(csrDer: Uint8Array): { csr: string } {
  return { csr: base64url(csrDer) };
}
