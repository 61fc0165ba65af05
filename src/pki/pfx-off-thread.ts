/**
 * readPfx in a Worker, for the page: the same bags, with progress and a way to cancel (the Worker is ended,
 * which stops a key derivation mid-way; nothing else could, as node-forge's runs in one synchronous loop).
 */
import PfxWorker from "./pfx-worker?worker&inline";
import { UnsupportedPfxError, WrongPfxPasswordError } from "./pfx";
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
      if (message.name === "WrongPfxPasswordError") return reject(new WrongPfxPasswordError());
      reject(
        new UnsupportedPfxError(
          message.name === "UnsupportedPfxError" ? message.message : "The .pfx could not be opened: it is damaged.",
        ),
      );
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      reject(new UnsupportedPfxError("The .pfx could not be opened: this browser could not start the reader."));
    };
    const der = params.der instanceof ArrayBuffer ? params.der.slice(0) : copy(params.der);
    worker.postMessage({ der, password: params.password } satisfies PfxWorkerRequest, [der]);
  });
}

const copy = (view: ArrayBufferView): ArrayBuffer =>
  new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
