/**
 * Complete the request: the CA's certificates, the key they should match (a pending request kept in this
 * browser, or an encrypted key file), the match itself, and the .pfx export. The slice asks src/pki to open
 * the key, match and chain the certificates and write the .pfx; the page only shows what is here. The opened
 * key and every password are secrets: memory only, dropped by reset().
 */
import type { StateCreator } from "zustand";
import type { AnswerMatch } from "../pki/certificates";
import { isPfxFileName, safeFileStem } from "../pki/file-names";
import { isOneDerValue, textOrNull } from "../pki/pem";
import { inputTooLarge, readInputFile, type InputFile } from "../pki/input-limits";
import type { PfxProfile } from "../pki/pfx";
import type { Bundle } from "../pki/pem-bundles";
import { takesPfx, type ExportTarget } from "../pki/export-targets";
import { generatePassphrase } from "../pki/passphrase";
import type { OpenedKey } from "../pki/private-key";
import type { PfxContents } from "../pki/pfx-reader";
import { friendlyNameProblem, type KeySpec } from "../pki/request";
import { deletePendingRequest, listPendingRequests, type PendingRequest } from "./pending-requests";
import { openPfxOffThread, warmPfxOpening } from "./pfx-opening";
import { chosenPendingRequest, keptRequestForKey, keyFingerprint } from "./selectors";
import type { WizardStore } from "./store";
import { measureSince } from "./user-timing";

/** Where the key comes from: a kept request, an encrypted key file, or a .pfx to convert (its certificates come too). */
export type KeySource =
  | { kind: "pending"; id: string }
  | { kind: "file"; name: string; pem: string }
  | { kind: "pfx"; name: string; der: Uint8Array<ArrayBuffer> };

export interface LoadedCertificate {
  /** The file it came from, or "pasted". */
  name: string;
  der: Uint8Array<ArrayBuffer>;
  subject: string;
}

export interface PfxChoices {
  /** The proxy the files are for: a .pfx for Windows and appliances, PEM files for NGINX, HAProxy, Apache. */
  target: ExportTarget;
  profile: PfxProfile;
  includeRoot: boolean;
  friendlyName: string;
  provider: "legacy" | "cng";
  keySpec: KeySpec;
  useKeyPassphrase: boolean;
  /** Secrets: a new password for the .pfx, typed twice (or generated, when `generated`). */
  password: string;
  confirm: string;
  /** The password was generated here: Export waits until the admin says it is stored. */
  generated: boolean;
  passwordStored: boolean;
}

export interface CompleteState {
  pending: PendingRequest[];
  /** Why the kept requests could not be listed (IndexedDB refused), or null. */
  pendingError: string | null;
  certificates: LoadedCertificate[];
  certificateError: string | null;
  keySource: KeySource | null;
  keyError: string | null;
  /** Secret: the key's passphrase as typed. */
  keyPassphrase: string;
  /** Secret: the opened key. */
  openedKey: OpenedKey | null;
  /** True while the key is being opened (PBKDF2 takes a moment): Export waits for it. */
  keyOpening: boolean;
  /** How far a .pfx's opening is (iterations done of those asked so far), while it runs in its Worker. */
  keyProgress: { done: number; total: number } | null;
  /**
   * Counts dropCompleteSecrets: the inputs that held a password are keyed by it, so React unmounts them and
   * lets go of the props that carried the password (a re-render alone leaves it in the previous fiber).
   */
  secretsGeneration: number;
  /** Where the Export form's friendly name came from when a .pfx was opened, or why its name was not used. */
  friendlyNameNote: string | null;
  /** What an opened .pfx holds, listed for the admin (no secret in it). */
  pfxContents: PfxContents | null;
  /** The certificates examined against the chosen key. */
  match: AnswerMatch;
  pfx: PfxChoices;
  exportError: string | null;
  /**
   * Secret, held on purpose: the generated password of the file the last Export wrote, shown beside its
   * confirmation so that the admin can copy it. Gone on "Forget this password", on leaving the page, when idle,
   * and at the next export. Never a typed password or the key's passphrase: those the admin already has.
   */
  exportedPassword: string | null;
  /** The kept request chosen for the admin because it alone holds the loaded certificate's key, said on the page. */
  keyChosenFor: string | null;
  /** What the last Export wrote, for the confirmation; its secrets are already dropped. */
  lastExport: {
    /** Which export of this page it was (never reused): the confirmation takes the focus anew for each. */
    count: number;
    fileName: string;
    /** What protects the file: the password generated here (shown), one the admin typed, or the key's passphrase. */
    protectedBy: "generated" | "typed" | "key-passphrase";
    profile: PfxProfile;
    certificates: number;
    keptId?: string;
    /** Which proxy the files are for. */
    target: ExportTarget;
    /** For PEM targets: the files written, the configuration lines and the steps on the server. */
    bundle?: Bundle;
  } | null;
}

export interface CompleteActions {
  refreshPending: () => Promise<void>;
  deletePending: (id: string) => Promise<void>;
  /** Certificates (PEM, DER, .p7b) and, when one is among them, the encrypted key file. */
  addFiles: (files: readonly InputFile[]) => Promise<void>;
  /** True when the pasted text held certificates and they were added. */
  addPasted: (text: string) => Promise<boolean>;
  removeCertificate: (index: number) => void;
  chooseKey: (source: KeySource) => void;
  /** The encrypted key file as the key source, once its size is checked. */
  chooseKeyFile: (file: InputFile) => Promise<void>;
  setKeyPassphrase: (passphrase: string) => void;
  openKey: () => Promise<boolean>;
  /** Stops opening the key: the .pfx's Worker is ended; a key file's result, when it comes, is ignored. */
  cancelOpenKey: () => void;
  /** Examines the certificates against the chosen key again; every action that changes either calls it. */
  examine: () => Promise<void>;
  updatePfx: (change: Partial<PfxChoices>) => void;
  /** A new random .pfx password, shown for the admin to copy. */
  generatePfxPassword: () => void;
  /** Drops the opened key and every password of this page (after export, on leaving it, when idle). */
  dropCompleteSecrets: () => void;
  /** "Forget this password": the shown password of the last export leaves the page. */
  forgetExportedPassword: () => void;
  /**
   * "Another format…" after an export: the admin starts a new export of the same certificate and key source. The key is
   * opened again (the caller focuses its passphrase); a password is generated for this export unless the key's
   * passphrase protects it.
   */
  startAnotherExport: () => void;
  /** Writes the .pfx from the matched certificate, its chain and the opened key; null (with exportError) when it cannot. */
  exportPfx: () => Promise<{ fileName: string; der: Uint8Array<ArrayBuffer> } | null>;
  /** Writes the PEM files of an NGINX, HAProxy or Apache target, the key encrypted under the export password. */
  exportPem: () => Promise<Bundle | null>;
}

export type CompleteSlice = CompleteState & CompleteActions;

export const initialCompleteState = (): CompleteState => ({
  pending: [],
  pendingError: null,
  certificates: [],
  certificateError: null,
  keySource: null,
  keyError: null,
  keyPassphrase: "",
  openedKey: null,
  keyOpening: false,
  keyProgress: null,
  secretsGeneration: 0,
  friendlyNameNote: null,
  pfxContents: null,
  match: { state: "waiting" },
  pfx: {
    target: "windows",
    profile: "TripleDES-SHA1",
    includeRoot: false,
    friendlyName: "",
    provider: "legacy",
    keySpec: "exchange",
    // Why its own password by default: the .pfx protects the key with 2,048 iterations (what Windows imports),
    // 300 times cheaper to guess than the .key file's 600,000, so it should not carry the key's passphrase.
    useKeyPassphrase: false,
    password: "",
    confirm: "",
    generated: false,
    passwordStored: false,
  },
  exportError: null,
  exportedPassword: null,
  keyChosenFor: null,
  lastExport: null,
});

/** The encrypted key PEM of the chosen key source. */
export function keyPem(s: WizardStore): string | null {
  if (!s.keySource || s.keySource.kind === "pfx") return null;
  return s.keySource.kind === "file" ? s.keySource.pem : (chosenPendingRequest(s)?.encryptedKey ?? null);
}

/**
 * Opens a .pfx to convert it: its key becomes the opened key, its certificates join the loaded ones, and its
 * friendly name and Windows provider attributes become the Export form's, so re-exporting keeps them unless
 * the admin changes them.
 */
async function openPfxSource(
  source: Extract<KeySource, { kind: "pfx" }>,
  get: () => WizardStore,
  set: (partial: Partial<WizardStore> | ((s: WizardStore) => Partial<WizardStore>)) => void,
): Promise<boolean> {
  const abort = new AbortController();
  cancelOpening = () => abort.abort();
  set({ keyOpening: true, keyProgress: null, keyError: null });
  const { pfxOpenError } = await import("../pki/pfx-reader");
  try {
    const started = performance.now();
    const opened = await openPfxOffThread({
      der: source.der,
      password: get().keyPassphrase,
      signal: abort.signal,
      onProgress: (done, total) => set({ keyProgress: { done, total } }),
    });
    measureSince("open pfx", started);
    // Cancelled (or the secrets dropped, when idle or leaving) after the Worker answered: the key is not kept.
    if (abort.signal.aborted) throw new Error("cancelled");
    set((s) => ({
      openedKey: { pkcs8: opened.pkcs8, spkiSha256: opened.spkiSha256 },
      keyError: null,
      keyOpening: false,
      keyProgress: null,
      exportError: null,
      pfxContents: opened.contents,
      friendlyNameNote: s.pfx.friendlyName ? null : (opened.friendlyNameNote ?? null),
      certificates: [
        ...s.certificates,
        ...opened.certificates
          .filter((c) => !s.certificates.some((loaded) => sameBytes(loaded.der, c.der)))
          .map((c) => ({ name: source.name, ...c })),
      ],
      pfx: {
        ...s.pfx,
        friendlyName: s.pfx.friendlyName || opened.friendlyName || "",
        provider: opened.cspName ? "legacy" : "cng",
        keySpec: opened.keySpec ?? s.pfx.keySpec,
      },
    }));
    await get().examine();
    return true;
  } catch (e) {
    const cancelled = abort.signal.aborted;
    set({
      openedKey: null,
      keyError: cancelled ? "Opening the .pfx was cancelled: nothing was read from it." : pfxOpenError(e),
      keyOpening: false,
      keyProgress: null,
    });
    return false;
  } finally {
    cancelOpening = null;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The name every Complete download starts with: the friendly name, else the certificate's common name. */
export function exportStem(s: WizardStore): string {
  const commonName = s.match.state === "matched" ? s.match.view.commonName : "";
  return safeFileStem(s.pfx.friendlyName || commonName, "certificate");
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Exports made by this page since it loaded, across Start over: each confirmation is told apart by it. */
let exportsMade = 0;
/** Which examination is the latest: an older one that finishes later must not overwrite it. */
let examination = 0;
/** The key being opened, for Export to wait on. */
let opening: Promise<boolean> | null = null;
/** Stops the opening under way, if any. */
let cancelOpening: (() => void) | null = null;

/** What a kept request tells the .pfx: its friendly name and, by its template, the Windows key store. */
const pfxFromPlan = (pfx: PfxChoices, plan: PendingRequest["plan"]): PfxChoices => ({
  ...pfx,
  friendlyName: plan.friendlyName,
  // The template decides the Windows key store: Legacy key means the SChannel CSP (CAPI), CNG key none.
  provider: plan.template === "legacy" && plan.key.algorithm === "rsa" ? "legacy" : "cng",
  keySpec: plan.key.keySpec,
});

export const createCompleteSlice: StateCreator<WizardStore, [], [], CompleteActions> = (set, get) => ({
  refreshPending: async () => {
    // Opened from a file and not allowed: the shared IndexedDB is not even opened (shared-origin.ts).
    if (!get().sharedStorageAllowed) return set({ pending: [], pendingError: null });
    try {
      set({ pending: await listPendingRequests(), pendingError: null });
    } catch (e) {
      set({ pending: [], pendingError: `The requests kept in this browser could not be read: ${errorText(e)}` });
    }
    await get().examine();
  },
  deletePending: async (id) => {
    await deletePendingRequest(id);
    const { keySource } = get();
    if (keySource?.kind === "pending" && keySource.id === id) set({ keySource: null, openedKey: null });
    await get().refreshPending();
  },
  addFiles: async (files) => {
    // Why a dynamic import: the x509 code is needed once certificates arrive, not to show the first page.
    const { CertificateInputError, readCertificates } = await import("../pki/certificates");
    const added: LoadedCertificate[] = [];
    for (const file of files) {
      const read = await readInputFile(file);
      if (!read.ok) return set({ certificateError: read.error });
      const bytes = read.bytes;
      if (isPfxFileName(file.name)) {
        get().chooseKey({ kind: "pfx", name: file.name, der: bytes });
        continue;
      }
      // A key file is text; bytes that are one DER value are a certificate, whatever text they carry inside.
      const text = isOneDerValue(bytes) ? null : textOrNull(bytes);
      if (text?.includes("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
        get().chooseKey({ kind: "file", name: file.name, pem: text });
        continue;
      }
      try {
        const certificates = readCertificates({ bytes, name: file.name });
        added.push(
          ...certificates.map((c) => ({ name: file.name, der: new Uint8Array(c.rawData), subject: c.subject })),
        );
      } catch (e) {
        return set({
          certificateError: e instanceof CertificateInputError ? e.message : `"${file.name}" could not be read.`,
        });
      }
    }
    set((s) => ({ certificateError: null, certificates: [...s.certificates, ...added] }));
    if (added.length) await get().examine();
  },
  addPasted: async (text) => {
    const tooLarge = inputTooLarge(text.length, "The pasted text");
    if (tooLarge) {
      set({ certificateError: tooLarge });
      return false;
    }
    const { CertificateInputError, readCertificates } = await import("../pki/certificates");
    try {
      const certificates = readCertificates({ bytes: new TextEncoder().encode(text), name: "The pasted text" });
      set((s) => ({
        certificateError: null,
        certificates: [
          ...s.certificates,
          ...certificates.map((c) => ({ name: "pasted", der: new Uint8Array(c.rawData), subject: c.subject })),
        ],
      }));
      await get().examine();
      return true;
    } catch (e) {
      set({
        certificateError: e instanceof CertificateInputError ? e.message : "The pasted text could not be read.",
      });
      return false;
    }
  },
  removeCertificate: (index) => {
    set((s) => ({ certificates: s.certificates.filter((_, i) => i !== index) }));
    void get().examine();
  },
  chooseKey: (source) => {
    if (source.kind === "pfx") warmPfxOpening();
    const plan = source.kind === "pending" ? get().pending.find((p) => p.id === source.id)?.plan : undefined;
    set((s) => ({
      keySource: source,
      keyChosenFor: null,
      keyError: null,
      openedKey: null,
      pfxContents: null,
      pfx: plan ? pfxFromPlan(s.pfx, plan) : s.pfx,
    }));
    void get().examine();
  },
  chooseKeyFile: async (file) => {
    const read = await readInputFile(file);
    if (!read.ok) return set({ keyError: read.error });
    get().chooseKey(
      isPfxFileName(file.name)
        ? { kind: "pfx", name: file.name, der: read.bytes }
        : { kind: "file", name: file.name, pem: new TextDecoder().decode(read.bytes) },
    );
  },
  setKeyPassphrase: (keyPassphrase) => set({ keyPassphrase }),
  cancelOpenKey: () => cancelOpening?.(),
  openKey: () => {
    const source = get().keySource;
    if (source?.kind === "pfx") return (opening = openPfxSource(source, get, set).finally(() => (opening = null)));
    const pem = keyPem(get());
    if (!pem) return Promise.resolve(false);
    opening = (async () => {
      let cancelled = false;
      cancelOpening = () => {
        cancelled = true;
        set({ keyOpening: false, keyError: "Opening the key was cancelled." });
      };
      set({ keyOpening: true, keyError: null });
      // Why a dynamic import: the ASN.1 and key code is needed once a key is opened, not to show the first page.
      const { keyFileError, openKeyFile } = await import("../pki/private-key");
      try {
        // WebCrypto's PBKDF2 runs off the main thread already; cancelling drops its result when it comes.
        const openedKey = await openKeyFile({ pem, passphrase: get().keyPassphrase });
        if (cancelled) throw new Error("cancelled");
        // A key file opened here may be the key of a request kept in this browser: its friendly name comes too.
        const kept =
          get().keySource?.kind === "file"
            ? get().pending.find((p) => p.spkiSha256 === openedKey.spkiSha256)
            : undefined;
        set((s) => ({
          openedKey,
          keyError: null,
          keyOpening: false,
          // The reason for an earlier "open the key first" is gone with it.
          exportError: null,
          pfx: kept && !s.pfx.friendlyName ? pfxFromPlan(s.pfx, kept.plan) : s.pfx,
        }));
        await get().examine();
        return true;
      } catch (e) {
        set({
          openedKey: null,
          keyError: cancelled ? "Opening the key was cancelled." : keyFileError(e),
          keyOpening: false,
        });
        return false;
      } finally {
        opening = null;
        cancelOpening = null;
      }
    })();
    return opening;
  },
  examine: async () => {
    const run = ++examination;
    if (!get().keySource && get().certificates.length > 0 && get().pending.length > 0) {
      // The admin has not chosen a key: when exactly one kept request holds the certificate's key, it is the one.
      const { keptRequestOfCertificates } = await import("../pki/kept-match");
      const kept = await keptRequestOfCertificates({
        certificates: get().certificates.map((c) => c.der),
        kept: get().pending,
      });
      if (run !== examination) return;
      if (kept && !get().keySource) {
        get().chooseKey({ kind: "pending", id: kept.id });
        set({ keyChosenFor: kept.id });
        return;
      }
    }
    const s = get();
    // Nothing to match yet (as on Certificate Enrollment, which lists the kept requests): the answer is
    // "waiting", and the x509 code need not load for it.
    if (s.certificates.length === 0 || !keyFingerprint(s)) return set({ match: { state: "waiting" } });
    const { examineAnswer } = await import("../pki/certificates");
    const match = await examineAnswer({
      certificates: s.certificates.map((c) => c.der),
      keySpkiSha256: keyFingerprint(s),
      plan: keptRequestForKey(s)?.plan,
    });
    if (run !== examination) return;
    set({ match });
    // The .pfx gets its own password, generated, once there is something to export; not again after an export,
    // where a new password beside the confirmation would read as the one protecting the file just written.
    const { pfx, lastExport } = get();
    if (match.state === "matched" && !pfx.password && !pfx.useKeyPassphrase && !lastExport) get().generatePfxPassword();
  },
  updatePfx: (change) => set((s) => ({ pfx: { ...s.pfx, ...change }, exportError: null })),
  generatePfxPassword: () => {
    const password = generatePassphrase();
    set((s) => ({ pfx: { ...s.pfx, password, confirm: password, generated: true, passwordStored: false } }));
  },
  dropCompleteSecrets: () => {
    const had = get().openedKey !== null;
    dropSecrets(set);
    // A key file's certificate was matched through the opened key: without it, the match waits again.
    if (had) void get().examine();
  },
  // The generation too: the component that showed the password is remounted, and lets go of it.
  forgetExportedPassword: () => set((s) => ({ exportedPassword: null, secretsGeneration: s.secretsGeneration + 1 })),
  startAnotherExport: () => {
    set({ exportError: null });
    if (!get().pfx.useKeyPassphrase) get().generatePfxPassword();
  },
  exportPfx: async () => {
    const ready = await readyToExport(get, set);
    if (!ready) return null;
    const { s, openedKey, match } = ready;
    const { pfx, keyPassphrase } = s;
    try {
      // Why a dynamic import: the PKCS #12 code (and node-forge's 3DES) is needed here only, not by the wizard.
      const [{ createPfx, SCHANNEL_CSP }, { exportChain }] = await Promise.all([
        import("../pki/pfx"),
        import("../pki/certificates"),
      ]);
      const started = performance.now();
      const der = await createPfx({
        profile: pfx.profile,
        privateKeyInfo: openedKey.pkcs8,
        certificates: [match.leaf, ...exportChain(match, pfx.includeRoot)].map((c) => new Uint8Array(c.rawData)),
        password: pfx.useKeyPassphrase ? keyPassphrase : pfx.password,
        friendlyName: pfx.friendlyName.trim() || undefined,
        provider: pfx.provider === "legacy" ? { name: SCHANNEL_CSP, keySpec: pfx.keySpec } : null,
      });
      measureSince(`export ${pfx.profile}`, started);
      const fileName = `${exportStem(s)}.pfx`;
      const certificates = 1 + exportChain(match, pfx.includeRoot).length;
      const keptId = keptRequestForKey(s)?.id;
      // Why now: the key and the passwords have done their job; another export opens the key again. The match
      // stays: the certificate and the key source have not changed, only the opened key has gone.
      dropSecrets(set);
      set({
        exportError: null,
        exportedPassword: shownPassword(pfx),
        lastExport: {
          count: ++exportsMade,
          fileName,
          protectedBy: protectedBy(pfx),
          profile: pfx.profile,
          certificates,
          keptId,
          target: pfx.target,
        },
      });
      return { fileName, der: new Uint8Array(der) };
    } catch (e) {
      set({ exportError: `The .pfx could not be written: ${errorText(e)}` });
      return null;
    }
  },
  exportPem: async () => {
    const ready = await readyToExport(get, set);
    if (!ready) return null;
    const { s, openedKey, match } = ready;
    const { pfx, keyPassphrase } = s;
    if (takesPfx(pfx.target)) return null; // a .pfx: exportPfx writes it
    try {
      const [{ pemBundle }, { exportChain }, { encryptPrivateKeyInfo, encryptedKeyPem }] = await Promise.all([
        import("../pki/pem-bundles"),
        import("../pki/certificates"),
        import("../pki/private-key"),
      ]);
      // The key leaves the page only encrypted: PBES2 with AES-256 under the export password (RFC 8018).
      const encrypted = await encryptPrivateKeyInfo({
        pkcs8: openedKey.pkcs8,
        passphrase: pfx.useKeyPassphrase ? keyPassphrase : pfx.password,
      });
      const chain = exportChain(match, pfx.includeRoot);
      const bundle = pemBundle({
        target: pfx.target,
        stem: exportStem(s),
        leaf: new Uint8Array(match.leaf.rawData),
        chain: chain.map((c) => new Uint8Array(c.rawData)),
        encryptedKeyPem: encryptedKeyPem(encrypted),
      });
      const keptId = keptRequestForKey(s)?.id;
      dropSecrets(set);
      set({
        exportError: null,
        exportedPassword: shownPassword(pfx),
        lastExport: {
          count: ++exportsMade,
          fileName: bundle.files.map((f) => f.name).join(", "),
          protectedBy: protectedBy(pfx),
          profile: pfx.profile,
          certificates: 1 + chain.length,
          keptId,
          target: pfx.target,
          bundle,
        },
      });
      return bundle;
    } catch (e) {
      set({ exportError: `The files could not be written: ${errorText(e)}` });
      return null;
    }
  },
});

/**
 * Drops the opened key and every password, the shown one of the last export too; the inputs that held them
 * are remounted (secretsGeneration). The match is left as it is: the caller examines again when it must.
 */
function dropSecrets(set: (partial: (s: WizardStore) => Partial<WizardStore>) => void): void {
  cancelOpening?.();
  set((s) => ({
    keyPassphrase: "",
    openedKey: null,
    exportedPassword: null,
    pfx: { ...s.pfx, password: "", confirm: "", generated: false, passwordStored: false },
    secretsGeneration: s.secretsGeneration + 1,
  }));
}

/** What protects an exported file, from the choices it was written with. */
const protectedBy = (pfx: PfxChoices): "generated" | "typed" | "key-passphrase" =>
  pfx.useKeyPassphrase ? "key-passphrase" : pfx.generated ? "generated" : "typed";

/** The password shown after an export: only one generated here, which the admin may not have yet. */
const shownPassword = (pfx: PfxChoices): string | null =>
  !pfx.useKeyPassphrase && pfx.generated ? pfx.password : null;

/**
 * What every export needs, checked in one place: Export pressed while the key is still being opened waits
 * for it; then the matched certificate, the opened key and a stored, confirmed password. Null (with the
 * sentence in exportError) when one is missing.
 */
async function readyToExport(
  get: () => WizardStore,
  set: (partial: Partial<WizardStore>) => void,
): Promise<{
  s: WizardStore;
  openedKey: OpenedKey;
  match: Extract<AnswerMatch, { state: "matched" }>;
} | null> {
  if (!get().openedKey && opening) await opening;
  const s = get();
  const { openedKey, pfx, match } = s;
  const what = takesPfx(pfx.target) ? "the .pfx" : "the key file";
  const refuse = (exportError: string) => {
    set({ exportError });
    return null;
  };
  if (match.state !== "matched") return refuse("Load the certificate the CA issued for this key first.");
  if (!openedKey) return refuse("Open the private key with its passphrase first.");
  const nameProblem = friendlyNameProblem(pfx.friendlyName);
  if (nameProblem) return refuse(nameProblem);
  if (!pfx.useKeyPassphrase && pfx.generated && !pfx.passwordStored)
    return refuse(
      `Copy the export password or write it down, then tick "I have stored this password": without it ${what} cannot be opened.`,
    );
  if (!pfx.useKeyPassphrase && (!pfx.password || pfx.password !== pfx.confirm))
    return refuse(
      pfx.password
        ? `The ${takesPfx(pfx.target) ? ".pfx" : "export"} passwords differ: type the same password in both fields.`
        : `Enter ${takesPfx(pfx.target) ? "a password for the .pfx" : "an export password"}.`,
    );
  return { s, openedKey, match };
}
