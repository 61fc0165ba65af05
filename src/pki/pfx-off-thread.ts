/**
 * readPfx in a Worker, for the page: the same bags, with progress and a way to cancel (the Worker is ended,
 * which stops a key derivation mid-way; nothing else could, as node-forge's runs in one synchronous loop).
 * And an export's key derivations, spread over two Workers.
 */
import PfxWorker from "./pfx-worker?worker&inline";
import { UnsupportedPfxError, WrongPfxPasswordError } from "./pfx";
import type { Pkcs12KdfJob } from "./pfx";
import type { PfxBagReader, ReadPfx } from "./pfx-reader";
import type { PfxWorkerMessage, PfxWorkerRequest } from "./pfx-worker";

/** The admin cancelled the opening. */
export class PfxCancelledError extends Error {
  constructor() {
    super("Opening the .pfx was cancelled.");
    this.name = "PfxCancelledError";
  }
}

/**
 * Why a default Trusted Types policy, allowing blob: script URLs and nothing else: the CSP requires Trusted
 * Types for every script URL, and the bundler starts the inline Worker from a blob: URL it makes of the
 * Worker's code, which is part of this build. Scripts still run only as script-src allows (never blob:), and
 * worker-src allows blob: alone, so no other URL can start code through it.
 */
function allowBlobWorkers(): void {
  const types = (
    globalThis as {
      trustedTypes?: {
        defaultPolicy: unknown;
        createPolicy: (name: string, rules: { createScriptURL: (url: string) => string }) => unknown;
      };
    }
  ).trustedTypes;
  if (!types || types.defaultPolicy) return;
  types.createPolicy("default", {
    createScriptURL: (url: string) => {
      if (url.startsWith("blob:")) return url;
      throw new TypeError("Only this page's own Worker may start.");
    },
  });
}

/** A Worker started ahead, while the admin types the password, so its code is compiled by the time it is asked. */
let spare: Worker | null = null;

/** Starts the Worker ahead of the opening; it holds nothing until readPfxOffThread sends it the file. */
export function warmPfxWorker(): void {
  allowBlobWorkers();
  spare ??= new PfxWorker();
}

/** readPfx run in a Worker (used once, then ended: nothing of the file or password outlives it); `signal` cancels it. */
export function readPfxOffThread(params: Parameters<PfxBagReader>[0] & { signal?: AbortSignal }): Promise<ReadPfx> {
  allowBlobWorkers();
  return new Promise<ReadPfx>((resolve, reject) => {
    if (params.signal?.aborted) return reject(new PfxCancelledError());
    const worker = spare ?? new PfxWorker();
    spare = null;
    const end = () => {
      worker.terminate();
      params.signal?.removeEventListener("abort", cancel);
    };
    const cancel = () => {
      end();
      reject(new PfxCancelledError());
    };
    params.signal?.addEventListener("abort", cancel);
    worker.onmessage = (event: MessageEvent<PfxWorkerMessage>) => {
      const message = event.data;
      if (message.type === "progress") return params.onProgress?.(message.done, message.total);
      end();
      if (message.type === "done") return resolve(message.result);
      const name = message.type === "error" ? message.name : "";
      if (name === "WrongPfxPasswordError") return reject(new WrongPfxPasswordError());
      reject(
        new UnsupportedPfxError(
          name === "UnsupportedPfxError" && message.type === "error"
            ? message.message
            : "The .pfx could not be opened: it is damaged.",
        ),
      );
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      reject(new UnsupportedPfxError("The .pfx could not be opened: this browser could not start the reader."));
    };
    const der = params.der instanceof ArrayBuffer ? params.der.slice(0) : copy(params.der);
    worker.postMessage({ type: "read", der, password: params.password } satisfies PfxWorkerRequest, [der]);
  });
}

/**
 * Why two Workers: a TripleDES-SHA1 export asks for five derivations (seven hash chains of 2,048 SHA-1s), and
 * two do them in about half the time of one on a machine with two cores or more.
 */
const KDF_WORKERS = 2;

/** Hash chains a derivation runs (RFC 7292 B.2 step 5: one per output of the hash): its share of the work. */
const chains = (job: Pkcs12KdfJob) => Math.ceil(job.length / (job.hash === "SHA-1" ? 20 : 32));

/**
 * Runs PKCS #12 key derivations in Workers and answers the keys in the jobs' order; each Worker gets a share of
 * about the same number of hash chains. Each Worker is used once and ended, whatever happens: nothing of the
 * password or the keys outlives the answer there. `signal` ends them (the page's secrets are dropped).
 */
export function derivePkcs12KeysOffThread(jobs: Pkcs12KdfJob[], signal?: AbortSignal): Promise<Uint8Array[]> {
  allowBlobWorkers();
  const shares: number[][] = Array.from({ length: Math.min(KDF_WORKERS, jobs.length) }, () => []);
  const load = shares.map(() => 0);
  // Longest first, each to the least loaded Worker.
  for (const at of jobs.map((_, i) => i).sort((a, b) => chains(jobs[b]!) - chains(jobs[a]!))) {
    const least = load.indexOf(Math.min(...load));
    shares[least]!.push(at);
    load[least]! += chains(jobs[at]!);
  }
  const workers = shares.map(() => new PfxWorker());
  // Why the handlers go too: they hold the jobs (the password), and a Worker object may outlive its end.
  const end = (w: Worker) => {
    w.terminate();
    w.onmessage = w.onerror = null;
  };
  const endAll = () => workers.forEach(end);
  return new Promise<Uint8Array[]>((resolve, reject) => {
    if (signal?.aborted) {
      endAll();
      return reject(new PfxCancelledError());
    }
    const keys: Uint8Array[] = [];
    let pending = shares.length;
    const fail = (error: Error) => {
      endAll();
      signal?.removeEventListener("abort", cancel);
      reject(error);
    };
    const cancel = () => fail(new PfxCancelledError());
    signal?.addEventListener("abort", cancel);
    shares.forEach((share, i) => {
      const worker = workers[i]!;
      worker.onmessage = (event: MessageEvent<PfxWorkerMessage>) => {
        const message = event.data;
        end(worker);
        if (message.type !== "derived")
          return fail(new Error(message.type === "error" ? message.message : "The key derivation failed."));
        share.forEach((at, j) => (keys[at] = message.keys[j]!));
        if (--pending > 0) return;
        signal?.removeEventListener("abort", cancel);
        resolve(keys);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        fail(new Error("This browser could not start the key derivation."));
      };
      worker.postMessage({ type: "derive", jobs: share.map((at) => jobs[at]!) } satisfies PfxWorkerRequest);
    });
  });
}

const copy = (view: ArrayBufferView): ArrayBuffer =>
  new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
