/**
 * Opening a .pfx from a page (Complete the request, Renew): the same openPfx, its key derivations in a Worker
 * so the page stays responsive and the admin can cancel. Tests run in Node, where there is no Worker: there
 * the reading runs in-thread.
 */
import type { OpenedPfx, PfxProgress } from "../pki/pfx-reader";

/** Opens a .pfx off the page's thread; `signal` cancels it. Throws what openPfx throws, or PfxCancelledError. */
export async function openPfxOffThread(params: {
  der: Uint8Array<ArrayBuffer>;
  password: string;
  signal: AbortSignal;
  onProgress?: PfxProgress;
}): Promise<OpenedPfx> {
  const { openPfx } = await import("../pki/pfx-reader");
  // Why a Worker: the PKCS #12 key derivation is synchronous JavaScript, and a file may ask for up to a million
  // iterations (PFX_LIMITS): seconds the page would be frozen without it.
  const offThread = typeof Worker === "undefined" ? null : await import("../pki/pfx-off-thread");
  return openPfx({
    der: params.der,
    password: params.password,
    onProgress: params.onProgress,
    read: offThread ? (p) => offThread.readPfxOffThread({ ...p, signal: params.signal }) : undefined,
  });
}

/** Starts the .pfx reader's Worker while the admin types the password (nothing happens in Node's tests). */
export function warmPfxOpening(): void {
  if (typeof Worker !== "undefined") void import("../pki/pfx-off-thread").then((m) => m.warmPfxWorker());
}
