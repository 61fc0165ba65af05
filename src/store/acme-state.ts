/**
 * The ACME page's state: the request, the CA's directory, the account, the order with its challenges and the
 * issued chain; its actions; and what the page reads from it (the directory's URL, the request's DER, why the
 * account cannot be made yet). Secrets (the account key, the passphrases, the HMAC key) live here in memory only.
 */
import type { AcmeAccountKey, AcmeAuthorization, AcmeDirectory, AcmeOrder } from "../pki/acme/client";
import { eabKey } from "../pki/acme/checks";
import type { RenewalWindow } from "../pki/acme/ari";
import type { InputFile } from "../pki/input-limits";
import type { PendingRequest } from "./pending-requests";

export const DIRECTORIES = {
  letsencrypt: "https://acme-v02.api.letsencrypt.org/directory",
  staging: "https://acme-staging-v02.api.letsencrypt.org/directory",
} as const;
export type DirectoryChoice = keyof typeof DIRECTORIES | "custom";

export type RequestSource = { kind: "kept"; id: string } | { kind: "file"; name: string; der: Uint8Array<ArrayBuffer> };

export interface ChallengeView {
  type: "http-01" | "dns-01";
  url: string;
  token: string;
  /** http-01: the file's content; dns-01: the TXT record's value. */
  answer: string;
  status: string;
  /** When the admin's Check asked the CA (ISO 8601). */
  askedAt: string | null;
}

export interface AuthorizationView {
  url: string;
  name: string;
  wildcard: boolean;
  status: AcmeAuthorization["status"];
  challenges: ChallengeView[];
  /** The CA's reason, as one sentence, when it did not accept the answer. */
  error: string | null;
  checking: boolean;
}

/** What survives a reload: where the order is, for which request, under which account. No secret. */
export interface ResumeRecord {
  directoryUrl: string;
  orderUrl: string;
  kid: string;
  request: { kind: "kept"; id: string } | { kind: "file"; name: string; csr: string };
}

export interface AcmeState {
  kept: PendingRequest[];
  keptError: string | null;
  source: RequestSource | null;
  names: string[];
  requestError: string | null;
  directoryChoice: DirectoryChoice | null;
  customUrl: string;
  directoryUrl: string | null;
  directory: AcmeDirectory | null;
  accountMode: "new" | "file";
  termsAccepted: boolean;
  passphrase: string;
  confirm: string;
  /** External Account Binding (RFC 8555 section 7.3.4), for a CA that requires it: what the CA gave the admin. */
  eabKeyId: string;
  eabHmacKey: string;
  accountFileIn: { name: string; text: string } | null;
  account: (AcmeAccountKey & { kid: string; thumbprint: string }) | null;
  /** The encrypted account file to save: the only way to use this account (or resume an order) again. */
  accountFileOut: string | null;
  accountFileSaved: boolean;
  busy: string | null;
  /** True while the page polls the CA: Stop waiting can end it. */
  waiting: boolean;
  error: string | null;
  unreachable: boolean;
  order: { url: string; status: AcmeOrder["status"]; finalize: string; certificate: string | null } | null;
  authorizations: AuthorizationView[];
  chainPem: string | null;
  /** ARI (RFC 9773): when the CA suggests renewing the issued certificate, if its directory says. */
  renewal: RenewalWindow | null;
  resume: ResumeRecord | null;
}

export interface AcmeActions {
  init: (hash: string) => Promise<void>;
  chooseSource: (source: RequestSource) => void;
  addRequestFile: (file: InputFile) => Promise<void>;
  chooseDirectory: (choice: DirectoryChoice) => void;
  setCustomUrl: (url: string) => void;
  contact: () => Promise<void>;
  update: (
    change: Partial<
      Pick<AcmeState, "accountMode" | "termsAccepted" | "passphrase" | "confirm" | "eabKeyId" | "eabHmacKey">
    >,
  ) => void;
  createAccount: () => Promise<void>;
  setAccountFile: (file: InputFile) => Promise<void>;
  openAccount: () => Promise<void>;
  placeOrder: () => Promise<void>;
  check: (authorizationUrl: string, type: ChallengeView["type"]) => Promise<void>;
  cancel: () => void;
  markAccountFileSaved: () => void;
  forgetOrder: () => void;
  /** After the admin left the page idle: the passphrases, the HMAC key and the account key are let go. */
  dropSecrets: () => void;
}

export const initialAcmeState = (): AcmeState => ({
  kept: [],
  keptError: null,
  source: null,
  names: [],
  requestError: null,
  directoryChoice: null,
  customUrl: "",
  directoryUrl: null,
  directory: null,
  accountMode: "new",
  termsAccepted: false,
  passphrase: "",
  confirm: "",
  eabKeyId: "",
  eabHmacKey: "",
  accountFileIn: null,
  account: null,
  accountFileOut: null,
  accountFileSaved: false,
  busy: null,
  waiting: false,
  error: null,
  unreachable: false,
  order: null,
  authorizations: [],
  chainPem: null,
  renewal: null,
  resume: null,
});

/** The chosen directory's URL, or why there is none yet. */
export function chosenDirectoryUrl(s: AcmeState): { url: string } | { error: string } {
  if (!s.directoryChoice) return { error: "Choose the CA's directory." };
  if (s.directoryChoice !== "custom") return { url: DIRECTORIES[s.directoryChoice] };
  try {
    const u = new URL(s.customUrl.trim());
    if (u.protocol !== "https:") return { error: "The directory URL must start with https://." };
    return { url: u.href };
  } catch {
    return { error: "Type the directory URL, e.g. https://acme.example.com/directory." };
  }
}

/** The request's DER, from the kept request or the dropped file. */
export function requestDer(s: AcmeState): Uint8Array<ArrayBuffer> | null {
  if (!s.source) return null;
  if (s.source.kind === "file") return s.source.der;
  const id = s.source.id;
  return s.kept.find((k) => k.id === id)?.pkcs10 ?? null;
}

/** Why "Create the account" cannot run yet, or null. */
export function accountBlocker(s: AcmeState): string | null {
  if (s.directory?.meta?.externalAccountRequired) {
    if (!s.eabKeyId.trim()) return "Type the key ID the CA gave you for the external account binding.";
    if (!eabKey(s.eabHmacKey)) return "Type the HMAC key the CA gave you (base64url).";
  }
  if (s.directory?.meta?.termsOfService && !s.termsAccepted)
    return "Tick \u201cI accept\u201d to agree to the CA's terms of service.";
  if (s.passphrase.length < 8) return "Type a passphrase of at least 8 characters for the account file.";
  if (s.passphrase !== s.confirm) return "The two passphrases differ.";
  return null;
}
