/**
 * An ACME client (RFC 8555) with `fetch` and `crypto` passed in: the directory, nonces (newNonce, Replay-Nonce,
 * badNonce retried once), signed POSTs (`jwk` for newAccount, `kid` after), POST-as-GET, orders, challenges,
 * finalize and the certificate chain. Every call returns a result, never throws: an error is one sentence.
 */
import { base64url } from "./base64url";
import { signJws, type EcPublicJwk } from "./jws";
import { asProblem, caText, problemKind, problemSentence, unreachableSentence, type AcmeProblem } from "./problem";

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
export const MAX_BODY = 1024 * 1024;

/** Why a limit: a CA that never answers must not leave the page waiting forever with a status line. */
export const ACME_TIMEOUT_MS = 30_000;

/** The sentence for a CA that did not answer in time. */
export function timeoutSentence(url: string, ms: number): string {
  const seconds = ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
  return `The CA did not answer within ${seconds}: ${caText(originOf(url) ?? url)} may be busy or down; try again in a while.`;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Why: the page contacts only the chosen directory's origin (its policy allows any https: origin). A URL the CA
 * gives (newNonce, an order, a Location, renewalInfo…) on another origin is refused with one sentence; null when
 * it is the directory's own origin.
 */
export function foreignOriginSentence(url: string, directoryUrl: string): string | null {
  const origin = originOf(url);
  const own = originOf(directoryUrl);
  if (origin && own && origin === own) return null;
  return (
    `The CA's answer points to ${caText(origin ?? url).slice(0, 200)}, not to the chosen directory's ` +
    `${caText(own ?? directoryUrl)}: this page contacts only the directory's origin, so it stopped.`
  );
}

/** Thrown when the time is up (the fetch or the body not finished). */
export class AcmeTimeout extends Error {}

/** Resolves with `work`, or rejects with AcmeTimeout once `signal` aborts (even when `work` ignores the signal). */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AcmeTimeout("timeout"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * The body as text, at most `max` bytes: a Content-Length over it is refused unread, and a body without one is
 * read through a stream reader that stops (and cancels the stream) once it passes `max`. Null when too big.
 */
export async function readCappedText(response: Response, max: number = MAX_BODY): Promise<string | null> {
  const length = Number(response.headers.get("Content-Length") ?? 0);
  if (length > max) {
    void response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      void reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

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
export function acmeClient(params: {
  directoryUrl: string;
  fetch?: typeof fetch;
  crypto?: Crypto;
  /** How long one request may take, its body included (30 s). */
  timeoutMs?: number;
}): AcmeClient {
  const doFetch = params.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const { directoryUrl } = params;
  const timeoutMs = params.timeoutMs ?? ACME_TIMEOUT_MS;
  let directory: AcmeDirectory | null = null;
  let nonce: string | null = null;

  type Got = { response: Response; text: string } | { error: string; unreachable: boolean };

  /**
   * One request; never throws. Only to the directory's origin, within the time limit, the body capped. A network
   * failure (no answer, or no CORS) is `unreachable`.
   */
  async function call(url: string, init: RequestInit): Promise<Got> {
    const foreign = foreignOriginSentence(url, directoryUrl);
    if (foreign) return { error: foreign, unreachable: false };
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await untilAborted(
        doFetch(url, { ...init, credentials: "omit", referrerPolicy: "no-referrer", signal }),
        signal,
      );
      const nextNonce = response.headers.get("Replay-Nonce");
      if (nextNonce) nonce = nextNonce;
      if (init.method === "HEAD") return { response, text: "" };
      const text = await untilAborted(readCappedText(response), signal);
      if (text === null)
        return { error: "The CA's answer is larger than 1 MB: it is not an ACME answer.", unreachable: false };
      return { response, text };
    } catch (e) {
      if (e instanceof AcmeTimeout || signal.aborted)
        return { error: timeoutSentence(url, timeoutMs), unreachable: false };
      return { error: unreachableSentence(directoryUrl), unreachable: true };
    }
  }

  const refused = <T>(got: { error: string; unreachable: boolean }): AcmeResult<T> => ({
    ok: false,
    error: got.error,
    ...(got.unreachable ? { unreachable: true } : {}),
  });

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
    if ("error" in got) return refused(got);
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

  /** A nonce, or the refusal that kept the page from getting one. */
  async function freshNonce(): Promise<{ nonce: string } | AcmeResult<never>> {
    if (nonce) {
      const n = nonce;
      nonce = null;
      return { nonce: n };
    }
    const d = await getDirectory();
    if (!d.ok) return d;
    const got = await call(d.value.newNonce, { method: "HEAD" });
    if ("error" in got) return refused(got);
    const n = nonce;
    nonce = null;
    return n ? { nonce: n } : unreachable();
  }

  async function post<T>(p: {
    url: string;
    payload: unknown;
    key: AcmeAccountKey;
    as?: "json" | "pem";
  }): Promise<AcmeResult<T>> {
    // badNonce (RFC 8555 section 6.5): the server's answer carries a fresh nonce; one retry with it.
    for (let attempt = 0; ; attempt++) {
      const fresh = await freshNonce();
      if (!("nonce" in fresh)) return fresh;
      const n = fresh.nonce;
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
      if ("error" in got) return refused(got);
      const { response, text } = got;
      if (!response.ok) {
        const result = failure<T>(response, text);
        if (!result.ok && problemKind(result.problem) === "badNonce" && attempt === 0) continue;
        return result;
      }
      const meta = { location: response.headers.get("Location"), retryAfter: response.headers.get("Retry-After") };
      const foreignLocation = meta.location && foreignOriginSentence(meta.location, directoryUrl);
      if (foreignLocation) return { ok: false, error: foreignLocation };
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
