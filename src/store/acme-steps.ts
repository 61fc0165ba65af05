/**
 * How the ACME page talks to the CA: one client for the chosen directory, each step with its status line and
 * its refusal as the page's one sentence, and polling with Retry-After that can be stopped. The ACME actions
 * (account, order, finalize) are built on these.
 */
import type { StoreApi } from "zustand";
import type { AcmeClient, AcmeResult } from "../pki/acme/client";
import { retryAfterMs, sleep } from "../pki/acme/retry-after";
import type { AcmeActions, AcmeState } from "./acme-state";

/** The ACME page's store: its state and its actions. */
export type AcmeStore = AcmeState & AcmeActions;

/** The client of the chosen directory, and the polling under way: one each, for the page. */
export const connection: { client: AcmeClient | null; polling: AbortController | null } = {
  client: null,
  polling: null,
};
/** Why a limit: after five minutes of "pending" the admin is told to check again, not left with a spinner. */
const POLL_LIMIT_MS = 5 * 60 * 1000;

/** The steps every ACME action is made of, over the page's store. */
export function acmeSteps(set: StoreApi<AcmeStore>["setState"], get: () => AcmeStore) {
  /** Runs a step with its status line; a refusal becomes the page's one sentence. */
  async function step<T>(busy: string, run: () => Promise<AcmeResult<T>>): Promise<T | null> {
    set({ busy, error: null, unreachable: false });
    const r = await run();
    set({ busy: null });
    if (r.ok) return r.value;
    set({ error: r.error, unreachable: r.unreachable === true });
    return null;
  }

  async function withLocation<T>(busy: string, run: () => Promise<AcmeResult<T>>) {
    set({ busy, error: null, unreachable: false });
    const r = await run();
    set({ busy: null });
    if (!r.ok) set({ error: r.error, unreachable: r.unreachable === true });
    return r;
  }

  const key = () => get().account!;
  const postAsGet = <T>(url: string) => connection.client!.post<T>({ url, payload: "", key: key() });

  /** Polls `url` while the status is one of `waiting`, with Retry-After (capped), until the limit or a cancel. */
  async function poll<T extends { status: string }>(url: string, waiting: string[], busy: string): Promise<T | null> {
    connection.polling?.abort();
    const controller = new AbortController();
    connection.polling = controller;
    const started = Date.now();
    set({ waiting: true });
    try {
      for (;;) {
        const r = await withLocation(busy, () => postAsGet<T>(url));
        if (!r.ok) return null;
        if (!waiting.includes(r.value.status)) return r.value;
        if (Date.now() - started > POLL_LIMIT_MS) {
          set({ error: "The CA has not finished yet: click Check again in a while." });
          return null;
        }
        set({ busy });
        await sleep(retryAfterMs(r.retryAfter), controller.signal);
      }
    } catch {
      set({ busy: null, error: "Stopped waiting for the CA. Click Check to ask again." });
      return null;
    } finally {
      if (connection.polling === controller) {
        connection.polling = null;
        set({ waiting: false });
      }
    }
  }

  return { set, get, step, withLocation, key, postAsGet, poll };
}

/** The steps, as acmeSteps makes them. */
export type AcmeSteps = ReturnType<typeof acmeSteps>;
