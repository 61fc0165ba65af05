/**
 * Complete the request's key: the requests kept in this browser, the key source chosen (a kept request, an
 * encrypted key file or a .pfx), its passphrase, and opening it. The opened key and the passphrase are secrets:
 * memory only, dropped with dropCompleteSecrets.
 */
import type { StateCreator } from "zustand";
import { pfxFromPlan } from "../pki/export-choices";
import { isPfxFileName } from "../pki/file-names";
import { readInputFile } from "../pki/input-limits";
import type { CompleteActions } from "./complete-state";
import { dropSecrets, opening } from "./complete-secrets";
import { errorText } from "./error-text";
import { openPfxSource } from "./complete-pfx-open";
import { deletePendingRequest, listPendingRequests } from "./pending-requests";
import { warmPfxOpening } from "./pfx-opening";
import { chosenPendingRequest } from "./selectors";
import type { WizardStore } from "./store";

/** The encrypted key PEM of the chosen key source. */
export function keyPem(s: WizardStore): string | null {
  if (!s.keySource || s.keySource.kind === "pfx") return null;
  return s.keySource.kind === "file" ? s.keySource.pem : (chosenPendingRequest(s)?.encryptedKey ?? null);
}

type KeyActions = Pick<
  CompleteActions,
  | "refreshPending"
  | "deletePending"
  | "chooseKey"
  | "chooseKeyFile"
  | "setKeyPassphrase"
  | "cancelOpenKey"
  | "openKey"
  | "dropCompleteSecrets"
>;

/** The key's actions of Complete the request. */
export const createCompleteKeySlice: StateCreator<WizardStore, [], [], KeyActions> = (set, get) => ({
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
  cancelOpenKey: () => opening.cancel?.(),
  openKey: () => {
    const source = get().keySource;
    if (source?.kind === "pfx")
      return (opening.promise = openPfxSource(source, get, set).finally(() => (opening.promise = null)));
    const pem = keyPem(get());
    if (!pem) return Promise.resolve(false);
    opening.promise = (async () => {
      let cancelled = false;
      opening.cancel = () => {
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
        opening.promise = null;
        opening.cancel = null;
      }
    })();
    return opening.promise;
  },
  dropCompleteSecrets: () => {
    const had = get().openedKey !== null;
    dropSecrets(set);
    // A key file's certificate was matched through the opened key: without it, the match waits again.
    if (had) void get().examine();
  },
});
