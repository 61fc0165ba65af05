/**
 * An ACME order and its authorizations: placing it, reading it back (refusing what the CA sends for a name
 * not ordered), showing each challenge's answer, and asking the CA to check one.
 */
import type { AcmeAuthorization, AcmeOrder } from "../pki/acme/client";
import { authorizationRefusal, validToken } from "../pki/acme/checks";
import { dns01TxtValue, keyAuthorization } from "../pki/acme/jws";
import { orderIdentifiers } from "../pki/acme/client";
import { problemSentence } from "../pki/acme/problem";
import { toBase64 } from "../pki/pem";
import { storeResume } from "./acme-resume";
import {
  requestDer,
  type AcmeActions,
  type AuthorizationView,
  type ChallengeView,
  type ResumeRecord,
} from "./acme-state";
import { connection, type AcmeSteps } from "./acme-steps";

/** The order's actions, and loadOrder for an account that resumes one; `advance` goes on once names are valid. */
export function orderActions(
  steps: AcmeSteps,
  advance: () => Promise<void>,
): {
  loadOrder: (url: string) => Promise<void>;
  actions: Pick<AcmeActions, "placeOrder" | "check" | "cancel" | "forgetOrder">;
} {
  const { set, get, step, withLocation, key, postAsGet, poll } = steps;

  async function authorizationView(url: string, authz: AcmeAuthorization): Promise<AuthorizationView> {
    const { thumbprint } = key();
    const challenges: ChallengeView[] = [];
    for (const c of authz.challenges) {
      if ((c.type !== "http-01" && c.type !== "dns-01") || !validToken(c.token)) continue;
      const auth = keyAuthorization(c.token, thumbprint);
      challenges.push({
        type: c.type,
        url: c.url,
        token: c.token,
        answer: c.type === "http-01" ? auth : await dns01TxtValue({ keyAuthorization: auth }),
        status: c.status,
        askedAt:
          get()
            .authorizations.find((a) => a.url === url)
            ?.challenges.find((x) => x.url === c.url)?.askedAt ?? null,
      });
    }
    const failed = authz.challenges.find((c) => c.error);
    return {
      url,
      name: authz.identifier.value,
      wildcard: authz.wildcard === true,
      status: authz.status,
      challenges,
      error: authz.status === "invalid" && failed?.error ? problemSentence(failed.error) : null,
      checking: false,
    };
  }

  function putAuthorization(view: AuthorizationView) {
    set((s) => ({ authorizations: s.authorizations.map((a) => (a.url === view.url ? view : a)) }));
  }

  /** Reads the order and every authorization of it; then goes on as far as it can without the admin. */
  async function loadOrder(url: string): Promise<void> {
    const order = await step("Reading the order…", () => postAsGet<AcmeOrder>(url));
    if (!order) return;
    set({ order: { url, status: order.status, finalize: order.finalize, certificate: order.certificate ?? null } });
    const views: AuthorizationView[] = [];
    for (const a of order.authorizations) {
      const authz = await step("Reading the authorizations…", () => postAsGet<AcmeAuthorization>(a));
      if (!authz) return;
      const refusal = authorizationRefusal(authz, get().names);
      if (refusal) return set({ error: refusal });
      views.push(await authorizationView(a, authz));
    }
    set({ authorizations: views });
    await advance();
  }

  const actions: Pick<AcmeActions, "placeOrder" | "check" | "cancel" | "forgetOrder"> = {
    placeOrder: async () => {
      const s = get();
      if (!s.directory || !s.account || !s.source || s.names.length === 0) return;
      const r = await withLocation("Placing the order…", () =>
        connection.client!.post<AcmeOrder>({
          url: s.directory!.newOrder,
          payload: { identifiers: orderIdentifiers(s.names) },
          key: key(),
        }),
      );
      if (!r.ok) return;
      if (!r.location) return set({ error: "The CA did not say the order's URL (no Location header)." });
      const der = requestDer(s)!;
      const resume: ResumeRecord = {
        directoryUrl: connection.client!.directoryUrl,
        orderUrl: r.location,
        kid: s.account.kid,
        request:
          s.source.kind === "kept"
            ? { kind: "kept", id: s.source.id }
            : { kind: "file", name: s.source.name, csr: toBase64(der) },
      };
      storeResume(resume);
      set({ resume });
      await loadOrder(r.location);
    },
    check: async (authorizationUrl, type) => {
      const view = get().authorizations.find((a) => a.url === authorizationUrl);
      const challenge = view?.challenges.find((c) => c.type === type);
      if (!view || !challenge) return;
      const askedAt = new Date().toISOString();
      putAuthorization({
        ...view,
        checking: true,
        error: null,
        challenges: view.challenges.map((c) => (c.type === type ? { ...c, askedAt } : c)),
      });
      // RFC 8555 section 7.5.1: an empty JSON object tells the CA the answer is in place.
      const answered = await step(`Asking the CA to check ${view.name}…`, () =>
        connection.client!.post<{ status: string }>({ url: challenge.url, payload: {}, key: key() }),
      );
      if (!answered)
        return putAuthorization({ ...get().authorizations.find((a) => a.url === authorizationUrl)!, checking: false });
      const authz = await poll<AcmeAuthorization>(authorizationUrl, ["pending"], `The CA is checking ${view.name}…`);
      if (!authz)
        return putAuthorization({ ...get().authorizations.find((a) => a.url === authorizationUrl)!, checking: false });
      const refusal = authorizationRefusal(authz, get().names);
      if (refusal) {
        putAuthorization({ ...get().authorizations.find((a) => a.url === authorizationUrl)!, checking: false });
        return set({ error: refusal });
      }
      putAuthorization(await authorizationView(authorizationUrl, authz));
      await advance();
    },
    cancel: () => connection.polling?.abort(),
    forgetOrder: () => {
      connection.polling?.abort();
      storeResume(null);
      set({ resume: null, order: null, authorizations: [], error: null });
    },
  };
  return { loadOrder, actions };
}
