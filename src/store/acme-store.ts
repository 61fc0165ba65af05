/**
 * The ACME page's own store ("Get it issued"): the request (kept in this browser or a dropped file), the CA's
 * directory, the account (new, or opened from the account file), the order with its challenges, and the issued
 * chain, which goes straight into the wizard store's Complete the request. Secrets (the account key and the
 * account file's passphrase) live here in memory only; what survives a reload is the order's URL (no secret).
 * Nothing is fetched before the admin chooses a directory and clicks Contact the CA.
 */
import { create } from "zustand";
import {
  generateAccountKey,
  lockAccountKey,
  openAccountKey,
  readAccountFile,
  writeAccountFile,
} from "../pki/acme/account-file";
import {
  acmeClient,
  finalizePayload,
  orderIdentifiers,
  type AcmeAccountKey,
  type AcmeAuthorization,
  type AcmeClient,
  type AcmeDirectory,
  type AcmeOrder,
  type AcmeResult,
} from "../pki/acme/client";
import { dns01TxtValue, externalAccountBinding, jwkThumbprint, keyAuthorization, publicJwk } from "../pki/acme/jws";
import { fromBase64url } from "../pki/acme/base64url";
import { problemSentence } from "../pki/acme/problem";
import { retryAfterMs, sleep } from "../pki/acme/retry-after";
import { requestDnsNames } from "../pki/acme/request-names";
import { ariCertId, renewalWindow, type RenewalWindow } from "../pki/acme/ari";
import { readInputFile, type InputFile } from "../pki/input-limits";
import { base64OrNull, readPemBlocks, toBase64, isOneDerValue, textOrNull } from "../pki/pem";
import { keyFileError } from "../pki/private-key";
import { listPendingRequests, type PendingRequest } from "./pending-requests";
import { useWizard } from "./store";

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

const RESUME_KEY = "certificate-request-wizard/acme-order";

/** Reads the resume record back, validated; anything else is dropped. */
export function readResume(text: string | null): ResumeRecord | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Record<string, unknown>;
    const https = (v: unknown): v is string => typeof v === "string" && v.startsWith("https://");
    const q = r.request as Record<string, unknown> | undefined;
    const request =
      q?.kind === "kept" && typeof q.id === "string"
        ? { kind: "kept" as const, id: q.id }
        : q?.kind === "file" && typeof q.name === "string" && typeof q.csr === "string" && base64OrNull(q.csr)
          ? { kind: "file" as const, name: q.name, csr: q.csr }
          : null;
    if (!https(r.directoryUrl) || !https(r.orderUrl) || !https(r.kid) || !request) return null;
    return { directoryUrl: r.directoryUrl, orderUrl: r.orderUrl, kid: r.kid, request };
  } catch {
    return null;
  }
}

function storeResume(record: ResumeRecord | null) {
  try {
    if (record) localStorage.setItem(RESUME_KEY, JSON.stringify(record));
    else localStorage.removeItem(RESUME_KEY);
  } catch {
    // Storage refused: the order simply cannot be resumed after a reload.
  }
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

/** The EAB HMAC key as CAs give it (base64url), or null when it is not that. */
function eabKey(text: string): Uint8Array<ArrayBuffer> | null {
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

let client: AcmeClient | null = null;
let polling: AbortController | null = null;
/** Why a limit: after five minutes of "pending" the admin is told to check again, not left with a spinner. */
const POLL_LIMIT_MS = 5 * 60 * 1000;

export const useAcme = create<AcmeState & AcmeActions>()((set, get) => {
  /** Runs a step with its status line; a refusal becomes the page's one sentence. */
  async function step<T>(busy: string, run: () => Promise<AcmeResult<T>>): Promise<T | null> {
    set({ busy, error: null, unreachable: false });
    const r = await run();
    set({ busy: null });
    if (r.ok) return r.value;
    set({ error: r.error, unreachable: r.unreachable === true });
    return null;
  }

  async function withLocation<T>(busy: string, run: () => Promise<AcmeResult<T>>) {
    set({ busy, error: null, unreachable: false });
    const r = await run();
    set({ busy: null });
    if (!r.ok) set({ error: r.error, unreachable: r.unreachable === true });
    return r;
  }

  const key = () => get().account!;
  const postAsGet = <T>(url: string) => client!.post<T>({ url, payload: "", key: key() });

  async function authorizationView(url: string, authz: AcmeAuthorization): Promise<AuthorizationView> {
    const { thumbprint } = key();
    const challenges: ChallengeView[] = [];
    for (const c of authz.challenges) {
      if ((c.type !== "http-01" && c.type !== "dns-01") || !validToken(c.token)) continue;
      const auth = keyAuthorization(c.token, thumbprint);
      challenges.push({
        type: c.type,
        url: c.url,
        token: c.token,
        answer: c.type === "http-01" ? auth : await dns01TxtValue({ keyAuthorization: auth }),
        status: c.status,
        askedAt:
          get()
            .authorizations.find((a) => a.url === url)
            ?.challenges.find((x) => x.url === c.url)?.askedAt ?? null,
      });
    }
    const failed = authz.challenges.find((c) => c.error);
    return {
      url,
      name: authz.identifier.value,
      wildcard: authz.wildcard === true,
      status: authz.status,
      challenges,
      error: authz.status === "invalid" && failed?.error ? problemSentence(failed.error) : null,
      checking: false,
    };
  }

  function putAuthorization(view: AuthorizationView) {
    set((s) => ({ authorizations: s.authorizations.map((a) => (a.url === view.url ? view : a)) }));
  }

  /** Reads the order and every authorization of it; then goes on as far as it can without the admin. */
  async function loadOrder(url: string): Promise<void> {
    const order = await step("Reading the order…", () => postAsGet<AcmeOrder>(url));
    if (!order) return;
    set({ order: { url, status: order.status, finalize: order.finalize, certificate: order.certificate ?? null } });
    const views: AuthorizationView[] = [];
    for (const a of order.authorizations) {
      const authz = await step("Reading the authorizations…", () => postAsGet<AcmeAuthorization>(a));
      if (!authz) return;
      const refusal = authorizationRefusal(authz, get().names);
      if (refusal) return set({ error: refusal });
      views.push(await authorizationView(a, authz));
    }
    set({ authorizations: views });
    await advance();
  }

  /** Polls `url` while the status is one of `waiting`, with Retry-After (capped), until the limit or a cancel. */
  async function poll<T extends { status: string }>(url: string, waiting: string[], busy: string): Promise<T | null> {
    polling?.abort();
    const controller = new AbortController();
    polling = controller;
    const started = Date.now();
    set({ waiting: true });
    try {
      for (;;) {
        const r = await withLocation(busy, () => postAsGet<T>(url));
        if (!r.ok) return null;
        if (!waiting.includes(r.value.status)) return r.value;
        if (Date.now() - started > POLL_LIMIT_MS) {
          set({ error: "The CA has not finished yet: click Check again in a while." });
          return null;
        }
        set({ busy });
        await sleep(retryAfterMs(r.retryAfter), controller.signal);
      }
    } catch {
      set({ busy: null, error: "Stopped waiting for the CA. Click Check to ask again." });
      return null;
    } finally {
      if (polling === controller) {
        polling = null;
        set({ waiting: false });
      }
    }
  }

  /** Once every name is valid: finalize with the request, wait, download the chain, and hand it to Complete. */
  async function advance(): Promise<void> {
    const s = get();
    if (!s.order) return;
    const failed = s.authorizations.find((a) => a.status === "invalid");
    if (s.order.status === "invalid" || failed) {
      // RFC 8555 section 7.1.6: one invalid authorization makes the order invalid; the CA's own status is shown.
      const now = await postAsGet<AcmeOrder>(s.order.url);
      if (now.ok) set((x) => ({ order: x.order && { ...x.order, status: now.value.status } }));
      set({
        error: failed
          ? `The order is invalid: the CA did not accept the answer for ${failed.name}. Correct it, then start a new order.`
          : "The CA marked this order invalid. Start a new order.",
      });
      storeResume(null);
      return;
    }
    if (!s.authorizations.every((a) => a.status === "valid") && s.order.status === "pending") return;
    let order = await poll<AcmeOrder>(s.order.url, ["pending"], "Waiting for the order to be ready…");
    if (!order) return;
    if (order.status === "ready") {
      const der = requestDer(get());
      if (!der) return set({ error: "The request is no longer in this browser: choose it again." });
      const finalized = await step("Sending the request (finalize)…", () =>
        client!.post<AcmeOrder>({ url: s.order!.finalize, payload: finalizePayload(der), key: key() }),
      );
      if (!finalized) return;
      order = await poll<AcmeOrder>(s.order.url, ["ready", "processing"], "The CA is issuing the certificate…");
      if (!order) return;
    }
    set((x) => ({ order: x.order && { ...x.order, status: order.status, certificate: order.certificate ?? null } }));
    if (order.status !== "valid" || !order.certificate) {
      set({ error: order.error ? problemSentence(order.error) : `The order is ${order.status}, with no certificate.` });
      if (order.status === "invalid") storeResume(null);
      return;
    }
    const certificateUrl = order.certificate;
    const chain = await step("Downloading the certificate chain…", () =>
      client!.post<string>({ url: certificateUrl, payload: "", key: key(), as: "pem" }),
    );
    if (!chain) return;
    if (!readPemBlocks(chain).some((b) => b.label === "CERTIFICATE"))
      return set({ error: "The CA's answer holds no certificate." });
    storeResume(null);
    set({ chainPem: chain, resume: null, renewal: null });
    const renewalInfo = get().directory?.renewalInfo;
    const leaf = readPemBlocks(chain).find((b) => b.label === "CERTIFICATE");
    const certId = leaf && ariCertId(leaf.der);
    if (renewalInfo && certId)
      set({ renewal: await renewalWindow({ renewalInfo, certId, directoryUrl: client!.directoryUrl }) });
    // Straight into Complete the request: the chain loaded, and the kept request chosen as the key.
    const wizard = useWizard.getState();
    await wizard.refreshPending();
    const source = get().source;
    if (
      source?.kind === "kept" &&
      wizard.pending.length > 0 &&
      useWizard.getState().pending.some((p) => p.id === source.id)
    )
      useWizard.getState().chooseKey({ kind: "pending", id: source.id });
    await useWizard.getState().addPasted(chain);
  }

  async function takeAccount(account: AcmeState["account"]) {
    set({ account, passphrase: "", confirm: "" });
    const r = get().resume;
    if (r && account && r.kid === account.kid && r.directoryUrl === get().directoryUrl) await loadOrder(r.orderUrl);
  }

  return {
    ...initialAcmeState(),
    init: async (hash) => {
      const resume = readResume(localStorage.getItem(RESUME_KEY));
      const wanted = /(?:^#|&)request=([^&]+)/.exec(hash)?.[1];
      let kept: PendingRequest[] = [];
      try {
        kept = await listPendingRequests();
      } catch {
        // Why not the error's own text: a library's message is not a sentence for the admin.
        set({
          keptError:
            "The requests kept in this browser could not be read (this browser's storage refused): drop the request file on the page instead.",
        });
      }
      set({ kept });
      if (resume) {
        const { request } = resume;
        const source: RequestSource | null =
          request.kind === "kept"
            ? kept.some((k) => k.id === request.id)
              ? { kind: "kept", id: request.id }
              : null
            : (() => {
                const der = base64OrNull(request.csr);
                return der ? { kind: "file" as const, name: request.name, der } : null;
              })();
        const le = (Object.keys(DIRECTORIES) as (keyof typeof DIRECTORIES)[]).find(
          (k) => DIRECTORIES[k] === resume.directoryUrl,
        );
        set({
          resume,
          directoryChoice: le ?? "custom",
          customUrl: le ? "" : resume.directoryUrl,
          accountMode: "file",
        });
        if (source) get().chooseSource(source);
        return;
      }
      // Without an id in the link, the newest kept request (the one Finish just made); the list shows which.
      let id: string | undefined = kept[0]?.id;
      if (wanted) {
        try {
          id = decodeURIComponent(wanted);
        } catch {
          // A damaged link (e.g. %E0): no request is chosen from it; the list is there to choose one.
          id = undefined;
          set({ requestError: "The link's request id is damaged: choose the request below." });
        }
      }
      if (id && kept.some((k) => k.id === id)) get().chooseSource({ kind: "kept", id });
    },
    chooseSource: (source) => {
      set({ source, requestError: null, names: [] });
      const der = requestDer(get());
      if (!der) return;
      try {
        set({ names: requestDnsNames(der) });
      } catch (e) {
        set({ requestError: e instanceof Error ? e.message : String(e), names: [] });
      }
    },
    addRequestFile: async (file) => {
      const read = await readInputFile(file);
      if (!read.ok) return set({ requestError: read.error });
      const text = isOneDerValue(read.bytes) ? null : textOrNull(read.bytes);
      const block = text ? readPemBlocks(text).find((b) => /CERTIFICATE REQUEST/.test(b.label)) : null;
      const der = block ? block.der : read.bytes;
      get().chooseSource({ kind: "file", name: file.name, der: new Uint8Array(der) });
    },
    chooseDirectory: (directoryChoice) => set({ directoryChoice }),
    setCustomUrl: (customUrl) => set({ customUrl }),
    contact: async () => {
      const chosen = chosenDirectoryUrl(get());
      if ("error" in chosen) return set({ error: chosen.error });
      // A new directory is a new CA: nothing of the previous one is kept.
      if (chosen.url !== get().directoryUrl) {
        client = acmeClient({ directoryUrl: chosen.url });
        set({ directory: null, account: null, accountFileOut: null, order: null, authorizations: [], chainPem: null });
      }
      set({ directoryUrl: chosen.url });
      const directory = await step("Contacting the CA…", () => client!.directory());
      if (!directory) return;
      set({ directory, error: null, unreachable: false });
    },
    update: (change) => set(change),
    createAccount: async () => {
      const blocker = accountBlocker(get());
      if (blocker) return set({ error: blocker });
      const directory = get().directory;
      if (!directory || !client) return;
      try {
        set({ busy: "Making the account key…", error: null });
        const pair = await generateAccountKey();
        const jwk = await publicJwk({ key: pair.publicKey });
        const s = get();
        const binding = directory.meta?.externalAccountRequired
          ? await externalAccountBinding({
              keyId: s.eabKeyId.trim(),
              hmacKey: eabKey(s.eabHmacKey)!,
              url: directory.newAccount,
              jwk,
            })
          : undefined;
        const r = await withLocation("Creating the account…", () =>
          client!.post<{ status: string }>({
            url: directory.newAccount,
            payload: { termsOfServiceAgreed: true, ...(binding ? { externalAccountBinding: binding } : {}) },
            key: { privateKey: pair.privateKey, jwk },
          }),
        );
        // The HMAC key has done its job: it is not kept.
        set({ eabHmacKey: "" });
        if (!r.ok) {
          if (r.problem) set({ error: problemSentence(r.problem, r.problem.status, "account") });
          return;
        }
        if (!r.location) return set({ error: "The CA did not say the account's URL (no Location header)." });
        set({ busy: "Encrypting the account file…" });
        const accountFileOut = await writeAccountFile({
          privateKey: pair.privateKey,
          kid: r.location,
          directory: client.directoryUrl,
          passphrase: get().passphrase,
        });
        // Why lock: the file holds the key, encrypted; the page's own copy need never be exported again.
        const privateKey = await lockAccountKey({ privateKey: pair.privateKey });
        set({ busy: null, accountFileOut, accountFileSaved: false });
        await takeAccount({ privateKey, jwk, kid: r.location, thumbprint: await jwkThumbprint({ jwk: { ...jwk } }) });
      } catch {
        // Why a sentence of ours: a WebCrypto or encoding failure has no message meant for the admin.
        set({ error: "The account could not be made in this browser: nothing was saved. Try again." });
      } finally {
        // The HMAC key has done its job (or failed): it is not kept, and the page is never left busy.
        set({ busy: null, eabHmacKey: "" });
      }
    },
    setAccountFile: async (file) => {
      const read = await readInputFile(file);
      if (!read.ok) return set({ error: read.error });
      set({ accountFileIn: { name: file.name, text: new TextDecoder().decode(read.bytes) }, error: null });
    },
    openAccount: async () => {
      const inFile = get().accountFileIn;
      if (!inFile) return set({ error: "Choose the account file this page gave you." });
      const read = readAccountFile(inFile.text);
      if (!read.ok) return set({ error: read.error });
      if (read.file.directory !== get().directoryUrl)
        return set({ error: `This account file is for ${read.file.directory}, not the directory chosen here.` });
      set({ busy: "Opening the account file…", error: null });
      let opened: Awaited<ReturnType<typeof openAccountKey>>;
      try {
        opened = await openAccountKey({ pem: read.file.key, passphrase: get().passphrase });
      } catch (e) {
        return set({ busy: null, error: keyFileError(e) });
      }
      // The CA confirms the account (RFC 8555 section 7.3.1, onlyReturnExisting): the same URL, not a new one.
      const r = await withLocation("Asking the CA for the account…", () =>
        client!.post<{ status: string }>({
          url: get().directory!.newAccount,
          payload: { onlyReturnExisting: true },
          key: { privateKey: opened.privateKey, jwk: opened.jwk },
        }),
      );
      if (!r.ok) return;
      const kid = r.location ?? read.file.kid;
      await takeAccount({ ...opened, kid, thumbprint: await jwkThumbprint({ jwk: { ...opened.jwk } }) });
    },
    placeOrder: async () => {
      const s = get();
      if (!s.directory || !s.account || !s.source || s.names.length === 0) return;
      const r = await withLocation("Placing the order…", () =>
        client!.post<AcmeOrder>({
          url: s.directory!.newOrder,
          payload: { identifiers: orderIdentifiers(s.names) },
          key: key(),
        }),
      );
      if (!r.ok) return;
      if (!r.location) return set({ error: "The CA did not say the order's URL (no Location header)." });
      const der = requestDer(s)!;
      const resume: ResumeRecord = {
        directoryUrl: client!.directoryUrl,
        orderUrl: r.location,
        kid: s.account.kid,
        request:
          s.source.kind === "kept"
            ? { kind: "kept", id: s.source.id }
            : { kind: "file", name: s.source.name, csr: toBase64(der) },
      };
      storeResume(resume);
      set({ resume });
      await loadOrder(r.location);
    },
    check: async (authorizationUrl, type) => {
      const view = get().authorizations.find((a) => a.url === authorizationUrl);
      const challenge = view?.challenges.find((c) => c.type === type);
      if (!view || !challenge) return;
      const askedAt = new Date().toISOString();
      putAuthorization({
        ...view,
        checking: true,
        error: null,
        challenges: view.challenges.map((c) => (c.type === type ? { ...c, askedAt } : c)),
      });
      // RFC 8555 section 7.5.1: an empty JSON object tells the CA the answer is in place.
      const answered = await step(`Asking the CA to check ${view.name}…`, () =>
        client!.post<{ status: string }>({ url: challenge.url, payload: {}, key: key() }),
      );
      if (!answered)
        return putAuthorization({ ...get().authorizations.find((a) => a.url === authorizationUrl)!, checking: false });
      const authz = await poll<AcmeAuthorization>(authorizationUrl, ["pending"], `The CA is checking ${view.name}…`);
      if (!authz)
        return putAuthorization({ ...get().authorizations.find((a) => a.url === authorizationUrl)!, checking: false });
      const refusal = authorizationRefusal(authz, get().names);
      if (refusal) {
        putAuthorization({ ...get().authorizations.find((a) => a.url === authorizationUrl)!, checking: false });
        return set({ error: refusal });
      }
      putAuthorization(await authorizationView(authorizationUrl, authz));
      await advance();
    },
    cancel: () => polling?.abort(),
    markAccountFileSaved: () => set({ accountFileSaved: true }),
    forgetOrder: () => {
      polling?.abort();
      storeResume(null);
      set({ resume: null, order: null, authorizations: [], error: null });
    },
    dropSecrets: () => {
      const s = get();
      const had = s.passphrase !== "" || s.confirm !== "" || s.eabHmacKey !== "" || s.account !== null;
      if (!had) return;
      // The order stays (its URL is no secret, kept as `resume`): opening the account file again picks it up.
      polling?.abort();
      set({
        passphrase: "",
        confirm: "",
        eabHmacKey: "",
        account: null,
        accountMode: s.account ? "file" : s.accountMode,
        busy: null,
        waiting: false,
        error: s.account
          ? "The page was left idle for 10 minutes: the account key and the passphrases were let go. Open the account file again to go on."
          : "The page was left idle for 10 minutes: the passphrases and the HMAC key were let go. Type them again to go on.",
      });
    },
  };
});
