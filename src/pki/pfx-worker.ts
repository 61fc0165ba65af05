/**
 * The .pfx reader's Worker: the PKCS #12 key derivations (node-forge, synchronous, up to PFX_LIMITS' million
 * iterations) run here, so the page stays responsive and the admin can cancel by ending the Worker. It reads
 * one .pfx per message and answers with the bags, progress on the way, or the error's name and sentence.
 */
import { readPfx } from "./pfx-reader";

/** What the page sends: the file and the password as typed. */
export interface PfxWorkerRequest {
  der: ArrayBuffer;
  password: string;
}

/** What the Worker answers. */
export type PfxWorkerMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; result: Awaited<ReturnType<typeof readPfx>> }
  | { type: "error"; name: string; message: string };

const post = (message: PfxWorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<PfxWorkerRequest>) => {
  try {
    const result = await readPfx({
      der: event.data.der,
      password: event.data.password,
      onProgress: (done, total) => post({ type: "progress", done, total }),
    });
    post({ type: "done", result });
  } catch (e) {
    post({ type: "error", name: e instanceof Error ? e.name : "Error", message: e instanceof Error ? e.message : "" });
  }
};
