/**
 * The .pfx Worker: the PKCS #12 key derivations (node-forge, synchronous, up to PFX_LIMITS' million
 * iterations) run here, so the page stays responsive and the admin can cancel by ending the Worker. It reads
 * one .pfx per message and answers with the bags, progress on the way, or the error's name and sentence; or,
 * for an export, runs the derivations it is given and answers their keys.
 */
import { pkcs12Kdf, type Pkcs12KdfJob } from "./pfx";
import { readPfx } from "./pfx-reader";

/** What the page sends: a .pfx and the password as typed, or an export's derivations. */
export type PfxWorkerRequest =
  { type: "read"; der: ArrayBuffer; password: string } | { type: "derive"; jobs: Pkcs12KdfJob[] };

/** What the Worker answers. */
export type PfxWorkerMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; result: Awaited<ReturnType<typeof readPfx>> }
  | { type: "derived"; keys: Uint8Array[] }
  | { type: "error"; name: string; message: string };

const post = (message: PfxWorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<PfxWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === "derive") {
      const keys = request.jobs.map((job) => pkcs12Kdf(job));
      // Each key has a buffer of its own (pkcs12Kdf copies it out): moved, not copied.
      return post(
        { type: "derived", keys },
        keys.map((k) => k.buffer as ArrayBuffer),
      );
    }
    const result = await readPfx({
      der: request.der,
      password: request.password,
      onProgress: (done, total) => post({ type: "progress", done, total }),
    });
    post({ type: "done", result });
  } catch (e) {
    post({ type: "error", name: e instanceof Error ? e.name : "Error", message: e instanceof Error ? e.message : "" });
  }
};
