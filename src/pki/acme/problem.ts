/**
 * What went wrong, as one sentence for the admin: an ACME problem document (RFC 8555 section 6.7, RFC 7807) with
 * the CA's own detail, or a CA the browser could not reach, with the command-line clients that take the same
 * request instead. Never a stack trace.
 */

/** A problem document as the CA sends it (RFC 7807 section 3.1), with ACME's subproblems (RFC 8555 section 6.7.1). */
export interface AcmeProblem {
  type?: string;
  detail?: string;
  status?: number;
  instance?: string;
  subproblems?: { type?: string; detail?: string; identifier?: { type: string; value: string } }[];
}

/** RFC 8555 section 6.7's error types: the part after urn:ietf:params:acme:error:. */
const LEADS: Record<string, string> = {
  rateLimited: "The CA refuses more requests for now (a rate limit); try again later",
  badNonce: "The CA refused the request's nonce twice; try again",
  caa: "A CAA record in DNS does not allow this CA to issue for one of the names",
  rejectedIdentifier: "The CA will not issue a certificate for one of the names",
  unauthorized: "The CA did not accept the proof of control of the name",
  connection: "The CA could not connect to the server to check the challenge",
  dns: "The CA's DNS lookup for the challenge failed",
  incorrectResponse: "The CA found a different answer than the one it asked for",
  tls: "The CA's TLS connection to the server failed",
  badCSR: "The CA refused the request (CSR)",
  badPublicKey: "The CA refused the request's key",
  badSignatureAlgorithm: "The CA refused the signature algorithm",
  accountDoesNotExist: "This account does not exist at this CA",
  externalAccountRequired: "This CA needs an external account binding (a key ID and an HMAC key from the CA)",
  userActionRequired: "The CA needs you to act first (for example, to accept new terms of service)",
  orderNotReady: "The order is not ready to be finalized",
  malformed: "The CA could not read the request",
  serverInternal: "The CA had an internal error; try again later",
  unsupportedIdentifier: "The CA does not issue for this kind of name",
  compound: "The CA refused several names",
  alreadyRevoked: "The certificate is already revoked",
  badRevocationReason: "The CA refused the revocation reason",
  unsupportedContact: "The CA does not accept this contact",
  invalidContact: "The CA refused the contact address",
};

const PREFIX = "urn:ietf:params:acme:error:";

/** The error type's short name ("badNonce"), or null when it is not ACME's. */
export function problemKind(problem: AcmeProblem | null | undefined): string | null {
  return problem?.type?.startsWith(PREFIX) ? problem.type.slice(PREFIX.length) : null;
}

/** Text from the CA, shown as data: one line, no control characters, at most 500 characters. */
export function caText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, " ").trim();
  return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat;
}

/** What an error type means when the CA refuses a new account rather than a challenge's answer. */
const ACCOUNT_LEADS: Record<string, string> = {
  unauthorized: "The CA did not accept the external account binding (check the key ID and the HMAC key)",
  malformed: "The CA could not read the account request",
};

/**
 * One sentence for a problem document: what it means, then the CA's own detail. `during: "account"` reads the
 * error types as a refusal of newAccount (unauthorized is then the external account binding, not a challenge).
 */
export function problemSentence(problem: AcmeProblem, status?: number, during?: "account"): string {
  const kind = problemKind(problem);
  const lead =
    (kind && during === "account" && ACCOUNT_LEADS[kind]) ||
    (kind && LEADS[kind]) ||
    `The CA refused the request${status ? ` (HTTP ${status})` : ""}`;
  const details = [problem.detail, ...(problem.subproblems ?? []).map((s) => s.detail)]
    .filter((d): d is string => typeof d === "string" && d.trim() !== "")
    .map(caText);
  const unique = [...new Set(details)];
  const said = unique.length ? `: the CA says "${unique.join("; ")}"` : "";
  const link = kind === "userActionRequired" && problem.instance ? ` (see ${caText(problem.instance)})` : "";
  return `${lead}${said}${link}.`;
}

/** Reads a body as a problem document when it is one (application/problem+json, or JSON with a type). */
export function asProblem(body: unknown): AcmeProblem | null {
  if (typeof body !== "object" || body === null) return null;
  const p = body as Record<string, unknown>;
  if (typeof p.type !== "string" && typeof p.detail !== "string") return null;
  return {
    type: typeof p.type === "string" ? p.type : undefined,
    detail: typeof p.detail === "string" ? p.detail : undefined,
    status: typeof p.status === "number" ? p.status : undefined,
    instance: typeof p.instance === "string" ? p.instance : undefined,
    subproblems: Array.isArray(p.subproblems)
      ? p.subproblems.filter((s): s is NonNullable<AcmeProblem["subproblems"]>[number] => typeof s === "object" && s)
      : undefined,
  };
}

/** sh single quotes: the text as one word, a ' written as '\''. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** PowerShell single quotes: the text as one literal string, a ' (and its typographic forms) doubled. */
export function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, "$&$&")}'`;
}

/** A command-line ACME client that takes this page's request, and the command for it. */
export interface CliCommand {
  client: "certbot" | "acme.sh" | "Posh-ACME";
  command: string;
}

/**
 * The same request, issued by a command-line client instead (when the CA refuses a browser): certbot, acme.sh
 * and Posh-ACME each take a CSR file. `file` must be a command-safe name (file-names.ts commandFileStem); the
 * directory URL is quoted for the client's shell.
 */
export function cliCommands(params: { file: string; directoryUrl: string }): CliCommand[] {
  const { file, directoryUrl } = params;
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(file)) throw new Error("The file name is not command-safe.");
  return [
    { client: "certbot", command: `certbot certonly --manual --server ${shQuote(directoryUrl)} --csr ${file}` },
    { client: "acme.sh", command: `acme.sh --sign-csr --csr ${file} --server ${shQuote(directoryUrl)}` },
    {
      client: "Posh-ACME",
      command: `Set-PAServer -DirectoryUrl ${psQuote(directoryUrl)}; New-PACertificate -CSRPath .\\${file}`,
    },
  ];
}

/** The sentence for a CA the browser could not reach at all: no answer, or an answer the browser may not read (no CORS). */
export function unreachableSentence(directoryUrl: string): string {
  let origin = directoryUrl;
  try {
    origin = new URL(directoryUrl).origin;
  } catch {
    // shown as typed
  }
  return (
    `The browser could not reach ${caText(origin)}, or the CA does not let a web page read its answers (CORS): ` +
    "certbot, acme.sh and Posh-ACME take this page's request instead, with the commands below."
  );
}
