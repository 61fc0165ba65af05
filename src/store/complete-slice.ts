/**
 * The Complete the request slice: the CA's certificates, the key they should match (a pending request kept
 * in this browser, or an encrypted key file), and the .pfx export. The opened key and every password are
 * secrets: memory only, dropped by reset().
 */
import type { StateCreator } from "zustand";
import { readPemBlocks, toColonHex } from "../pki/pem";
import type { PfxProfile } from "../pki/pfx";
import type { KeySpec } from "../pki/request";
import { deletePendingRequest, listPendingRequests, type PendingRequest } from "./pending-requests";
import type { WizardStore } from "./wizard";

export type KeySource = { kind: "pending"; id: string } | { kind: "file"; name: string; pem: string };

export interface LoadedCertificate {
  name: string;
  der: Uint8Array<ArrayBuffer>;
}

export interface CompleteState {
  pending: PendingRequest[];
  certificates: LoadedCertificate[];
  keySource: KeySource | null;
  keyError: string | null;
  /** Secret: the key's passphrase as typed. */
  keyPassphrase: string;
  /** Secret: the opened key. */
  openedKey: { pkcs8: ArrayBuffer; spkiSha256: string } | null;
  pfx: {
    profile: PfxProfile;
    includeRoot: boolean;
    friendlyName: string;
    provider: "legacy" | "cng";
    keySpec: KeySpec;
    useKeyPassphrase: boolean;
    /** Secrets: a new password for the .pfx, typed twice. */
    password: string;
    confirm: string;
  };
  exportError: string | null;
}

export interface CompleteActions {
  refreshPending: () => Promise<void>;
  deletePending: (id: string) => Promise<void>;
  addCertificates: (certificates: LoadedCertificate[]) => void;
  removeCertificate: (index: number) => void;
  chooseKey: (source: KeySource) => void;
  setKeyPassphrase: (passphrase: string) => void;
  openKey: () => Promise<boolean>;
  updatePfx: (change: Partial<CompleteState["pfx"]>) => void;
  /** Builds the .pfx; null (with exportError set) when something is missing or wrong. */
  exportPfx: (params: {
    leaf: Uint8Array<ArrayBuffer>;
    chain: Uint8Array<ArrayBuffer>[];
  }) => Promise<Uint8Array<ArrayBuffer> | null>;
}

export type CompleteSlice = CompleteState & CompleteActions;

export const initialCompleteState = (): CompleteState => ({
  pending: [],
  certificates: [],
  keySource: null,
  keyError: null,
  keyPassphrase: "",
  openedKey: null,
  pfx: {
    profile: "TripleDES-SHA1",
    includeRoot: false,
    friendlyName: "",
    provider: "legacy",
    keySpec: "exchange",
    useKeyPassphrase: true,
    password: "",
    confirm: "",
  },
  exportError: null,
});

/** The encrypted key PEM of a key source. */
export function keyPem(source: KeySource | null, pending: readonly PendingRequest[]): string | null {
  if (!source) return null;
  return source.kind === "file" ? source.pem : (pending.find((p) => p.id === source.id)?.encryptedKey ?? null);
}

export const createCompleteSlice: StateCreator<WizardStore, [], [], CompleteSlice> = (set, get) => ({
  ...initialCompleteState(),
  refreshPending: async () => {
    set({ pending: await listPendingRequests() });
  },
  deletePending: async (id) => {
    await deletePendingRequest(id);
    const { keySource } = get();
    if (keySource?.kind === "pending" && keySource.id === id) set({ keySource: null, openedKey: null });
    await get().refreshPending();
  },
  addCertificates: (certificates) => set((s) => ({ certificates: [...s.certificates, ...certificates] })),
  removeCertificate: (index) => set((s) => ({ certificates: s.certificates.filter((_, i) => i !== index) })),
  chooseKey: (source) => {
    const plan = source.kind === "pending" ? get().pending.find((p) => p.id === source.id)?.plan : undefined;
    set((s) => ({
      keySource: source,
      keyError: null,
      openedKey: null,
      pfx: plan
        ? {
            ...s.pfx,
            friendlyName: plan.friendlyName,
            // The template decides the Windows key store: Legacy key means the SChannel CSP (CAPI), CNG key none.
            provider: plan.template === "legacy" && plan.key.algorithm === "rsa" ? "legacy" : "cng",
            keySpec: plan.key.keySpec,
          }
        : s.pfx,
    }));
  },
  setKeyPassphrase: (keyPassphrase) => set({ keyPassphrase }),
  openKey: async () => {
    const { keySource, pending, keyPassphrase } = get();
    const pem = keyPem(keySource, pending);
    if (!pem) return false;
    // Why dynamic imports: the ASN.1 and key code is needed once a key is opened, not to show the first page.
    const [{ decryptPrivateKey, UnsupportedKeyError, WrongPassphraseError }, { spkiOfPrivateKeyInfo }] =
      await Promise.all([import("../pki/private-key"), import("../pki/keys")]);
    try {
      const block = readPemBlocks(pem).find((b) => b.label === "ENCRYPTED PRIVATE KEY");
      if (!block)
        throw new UnsupportedKeyError(
          "This file is not an encrypted private key: expected -----BEGIN ENCRYPTED PRIVATE KEY-----.",
        );
      const pkcs8 = await decryptPrivateKey({ der: block.der, passphrase: keyPassphrase });
      const spkiSha256 = toColonHex(await crypto.subtle.digest("SHA-256", await spkiOfPrivateKeyInfo({ pkcs8 })));
      set({ openedKey: { pkcs8, spkiSha256 }, keyError: null });
      return true;
    } catch (e) {
      const message =
        e instanceof WrongPassphraseError
          ? "The passphrase does not open this key."
          : e instanceof UnsupportedKeyError
            ? e.message
            : `The key could not be opened: ${e instanceof Error ? e.message : String(e)}`;
      set({ openedKey: null, keyError: message });
      return false;
    }
  },
  updatePfx: (change) => set((s) => ({ pfx: { ...s.pfx, ...change }, exportError: null })),
  exportPfx: async ({ leaf, chain }) => {
    const { openedKey, pfx, keyPassphrase } = get();
    if (!openedKey) {
      set({ exportError: "Open the private key with its passphrase first." });
      return null;
    }
    if (!pfx.useKeyPassphrase && (!pfx.password || pfx.password !== pfx.confirm)) {
      set({
        exportError: pfx.password
          ? "The .pfx passwords differ: type the same password in both fields."
          : "Enter a password for the .pfx.",
      });
      return null;
    }
    try {
      // Why a dynamic import: the PKCS #12 code (and node-forge's 3DES) is needed here only, not by the wizard.
      const { createPfx, SCHANNEL_CSP } = await import("../pki/pfx");
      const started = performance.now();
      const der = await createPfx({
        profile: pfx.profile,
        privateKeyInfo: openedKey.pkcs8,
        certificates: [leaf, ...chain],
        password: pfx.useKeyPassphrase ? keyPassphrase : pfx.password,
        friendlyName: pfx.friendlyName.trim() || undefined,
        provider: pfx.provider === "legacy" ? { name: SCHANNEL_CSP, keySpec: pfx.keySpec } : null,
      });
      // A user-timing entry, so that `npm run bench` reads the export time from the page itself.
      performance.measure(`export ${pfx.profile}`, { start: started, end: performance.now() });
      set({ exportError: null });
      return new Uint8Array(der);
    } catch (e) {
      set({ exportError: `The .pfx could not be written: ${e instanceof Error ? e.message : String(e)}` });
      return null;
    }
  },
});
