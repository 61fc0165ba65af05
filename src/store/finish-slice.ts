/**
 * Finish on the save page: the key's passphrase (a secret, memory only), whether to keep the request in this
 * browser, and what Finish made. Finish refuses on exactly the list finishBlockers gives the page.
 */
import type { StateCreator } from "zustand";
import type { OfflineRequest } from "../pki/offline-request";
import { generatePassphrase } from "../pki/passphrase";
import { keepRequest } from "./pending-requests";
import { finishBlockers, keptRequestForPlan } from "./selectors";
import type { WizardStore } from "./store";
import { onSharedOrigin } from "./shared-origin";
import { measureSince } from "./user-timing";
import { errorText } from "./error-text";

export type Finish =
  | { status: "idle" }
  /** Finish was pressed while finishBlockers named a reason: the page now shows each beside its field. */
  | { status: "refused" }
  | { status: "working" }
  | {
      status: "done";
      result: OfflineRequest;
      kept: "yes" | "no" | { error: string };
      /** The encrypted key file was downloaded: with `kept`, what makes the key safe to leave. */
      keyDownloaded: boolean;
      /** When Finish made it, for a result shown again from the kept request after a reload. */
      madeOn?: string;
    }
  | { status: "failed"; error: string };

export interface FinishState {
  /** Secrets: never persisted, dropped by reset() and once Finish has used them. */
  passphrase: string;
  passphraseConfirm: string;
  /** The passphrase was generated here: Finish waits until the admin says it is stored. */
  passphraseGenerated: boolean;
  passphraseStored: boolean;
  /** Keep the request and its encrypted key in this browser until the certificate comes back (on by default). */
  keepPending: boolean;
  /** Valid only for the plan it was made from: store.ts drops it whenever the plan changes. */
  finish: Finish;
}

export interface FinishActions {
  setPassphrase: (passphrase: string, confirm: string) => void;
  /** A random passphrase in both fields, shown for the admin to copy and acknowledge. */
  generatePassphrase: () => void;
  setPassphraseStored: (stored: boolean) => void;
  /** The encrypted key file was downloaded. */
  markKeyDownloaded: () => void;
  setKeepPending: (keep: boolean) => void;
  /**
   * After a reload the page has lost Finish's result, but a kept request for this very plan still has it: it is
   * shown again, so the admin sees the request they made rather than an empty Finish.
   */
  showKeptResult: () => Promise<void>;
  /** Makes the key and the request; a second Finish whose first key is at risk asks first (`replace` once answered). */
  runFinish: (options?: { iterations?: number; replace?: boolean }) => Promise<void>;
}

export type FinishSlice = FinishState & FinishActions;

export const IDLE: Finish = { status: "idle" };

export const initialFinishState = (): FinishState => ({
  passphrase: "",
  passphraseConfirm: "",
  passphraseGenerated: false,
  passphraseStored: false,
  // Opened from a file, nothing is kept in the browser unless the admin allows it (shared-origin.ts).
  keepPending: !onSharedOrigin,
  finish: IDLE,
});

export const createFinishSlice: StateCreator<WizardStore, [], [], FinishActions> = (set, get) => ({
  setPassphrase: (passphrase, passphraseConfirm) =>
    set({ passphrase, passphraseConfirm, passphraseGenerated: false, passphraseStored: false }),
  generatePassphrase: () => {
    const passphrase = generatePassphrase();
    set({ passphrase, passphraseConfirm: passphrase, passphraseGenerated: true, passphraseStored: false });
  },
  setPassphraseStored: (passphraseStored) => set({ passphraseStored }),
  markKeyDownloaded: () =>
    set((s) => (s.finish.status === "done" ? { finish: { ...s.finish, keyDownloaded: true } } : {})),
  setKeepPending: (keepPending) => set({ keepPending }),
  showKeptResult: async () => {
    // A renewal asks for a new key for the same plan: the kept request it came from is last time's, not this one.
    if (get().finish.status !== "idle" || get().renewal) return;
    await get().refreshPending();
    const kept = keptRequestForPlan(get());
    // Checked again after the wait: Finish may have run, or the plan changed, meanwhile.
    if (!kept || get().finish.status !== "idle" || !keptRequestForPlan(get())) return;
    const { pkcs10, encryptedKey, spkiSha256, created } = kept;
    set({
      finish: {
        status: "done",
        result: { pkcs10, encryptedKey, spkiSha256 },
        kept: "yes",
        keyDownloaded: false,
        madeOn: created,
      },
    });
  },
  runFinish: async (options = {}) => {
    const state = get();
    if (state.finish.status === "working") return;
    // A new key replaces the one Finish made: always ask first (the key guard asks the harder question while
    // that key is neither downloaded nor kept), so a second click never silently makes a second request.
    if (state.finish.status === "done" && !options.replace) {
      return set({
        exitRequest: { what: "new-key", proceed: () => void get().runFinish({ ...options, replace: true }) },
      });
    }
    // Plan problems, preflight errors (a CA would reject the request) and the passphrase: the page shows the same list.
    if (finishBlockers(state).length > 0) return set({ finish: { status: "refused" } });
    const { plan, passphrase } = state;
    set({ finish: { status: "working" } });
    const started = performance.now();
    try {
      // Why a dynamic import: key generation, PKCS #10 and PBES2 (with @peculiar/x509) are needed at Finish,
      // not to show the first page.
      const { createOfflineRequest } = await import("../pki/offline-request");
      const result = await createOfflineRequest({ plan, passphrase, iterations: options.iterations });
      measureSince("finish", started);
      let kept: "yes" | "no" | { error: string } = "no";
      if (get().keepPending && get().sharedStorageAllowed) {
        try {
          await keepRequest({ plan, result });
          kept = "yes";
        } catch (e) {
          kept = { error: errorText(e) };
        }
      }
      // Why the passphrase is dropped now: it has done its one job, and the page should not hold it longer.
      set({
        finish: { status: "done", result, kept, keyDownloaded: false },
        passphrase: "",
        passphraseConfirm: "",
        passphraseGenerated: false,
        passphraseStored: false,
      });
    } catch (e) {
      set({ finish: { status: "failed", error: errorText(e) } });
    }
  },
});
