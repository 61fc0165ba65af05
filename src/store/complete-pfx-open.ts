/**
 * The .pfx reader and converter of Complete the request: a .pfx chosen as the key source is opened in its
 * Worker (pfx-opening.ts), with progress and a way to cancel; what it holds joins the page's state.
 */
import type { KeySource } from "./complete-state";
import { opening } from "./complete-secrets";
import { openPfxOffThread } from "./pfx-opening";
import type { WizardStore } from "./store";
import { measureSince } from "./user-timing";

/**
 * Opens a .pfx to convert it: its key becomes the opened key, its certificates join the loaded ones, and its
 * friendly name and Windows provider attributes become the Export form's, so re-exporting keeps them unless
 * the admin changes them.
 */
export async function openPfxSource(
  source: Extract<KeySource, { kind: "pfx" }>,
  get: () => WizardStore,
  set: (partial: Partial<WizardStore> | ((s: WizardStore) => Partial<WizardStore>)) => void,
): Promise<boolean> {
  const abort = new AbortController();
  opening.cancel = () => abort.abort();
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
    opening.cancel = null;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
