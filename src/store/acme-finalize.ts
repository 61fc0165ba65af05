/**
 * The end of an ACME order: once every name is valid, the request is sent (finalize), the certificate chain
 * downloaded, the CA's renewal window asked (ARI), and the chain handed to the wizard's Complete the request.
 */
import { finalizePayload, type AcmeOrder } from "../pki/acme/client";
import { ariCertId, renewalWindow } from "../pki/acme/ari";
import { problemSentence } from "../pki/acme/problem";
import { readPemBlocks } from "../pki/pem";
import { storeResume } from "./acme-resume";
import { requestDer } from "./acme-state";
import { connection, type AcmeSteps } from "./acme-steps";
import { useWizard } from "./store";

/** The order's next steps after an authorization changed, as far as they go without the admin. */
export function finalizeStep(steps: AcmeSteps): () => Promise<void> {
  const { set, get, step, key, postAsGet, poll } = steps;

  /** Once every name is valid: finalize with the request, wait, download the chain, and hand it to Complete. */
  async function advance(): Promise<void> {
    const s = get();
    if (!s.order) return;
    const failed = s.authorizations.find((a) => a.status === "invalid");
    if (s.order.status === "invalid" || failed) {
      // RFC 8555 section 7.1.6: one invalid authorization makes the order invalid; the CA's own status is shown.
      const now = await postAsGet<AcmeOrder>(s.order.url);
      if (now.ok) set((x) => ({ order: x.order && { ...x.order, status: now.value.status } }));
      set({
        error: failed
          ? `The order is invalid: the CA did not accept the answer for ${failed.name}. Correct it, then start a new order.`
          : "The CA marked this order invalid. Start a new order.",
      });
      storeResume(null);
      return;
    }
    if (!s.authorizations.every((a) => a.status === "valid") && s.order.status === "pending") return;
    let order = await poll<AcmeOrder>(s.order.url, ["pending"], "Waiting for the order to be ready…");
    if (!order) return;
    if (order.status === "ready") {
      const der = requestDer(get());
      if (!der) return set({ error: "The request is no longer in this browser: choose it again." });
      const finalized = await step("Sending the request (finalize)…", () =>
        connection.client!.post<AcmeOrder>({ url: s.order!.finalize, payload: finalizePayload(der), key: key() }),
      );
      if (!finalized) return;
      order = await poll<AcmeOrder>(s.order.url, ["ready", "processing"], "The CA is issuing the certificate…");
      if (!order) return;
    }
    set((x) => ({ order: x.order && { ...x.order, status: order.status, certificate: order.certificate ?? null } }));
    if (order.status !== "valid" || !order.certificate) {
      set({ error: order.error ? problemSentence(order.error) : `The order is ${order.status}, with no certificate.` });
      if (order.status === "invalid") storeResume(null);
      return;
    }
    const certificateUrl = order.certificate;
    const chain = await step("Downloading the certificate chain…", () =>
      connection.client!.post<string>({ url: certificateUrl, payload: "", key: key(), as: "pem" }),
    );
    if (!chain) return;
    if (!readPemBlocks(chain).some((b) => b.label === "CERTIFICATE"))
      return set({ error: "The CA's answer holds no certificate." });
    storeResume(null);
    set({ chainPem: chain, resume: null, renewal: null });
    const renewalInfo = get().directory?.renewalInfo;
    const leaf = readPemBlocks(chain).find((b) => b.label === "CERTIFICATE");
    const certId = leaf && ariCertId(leaf.der);
    if (renewalInfo && certId)
      set({ renewal: await renewalWindow({ renewalInfo, certId, directoryUrl: connection.client!.directoryUrl }) });
    // Straight into Complete the request: the chain loaded, and the kept request chosen as the key.
    const wizard = useWizard.getState();
    await wizard.refreshPending();
    const source = get().source;
    if (
      source?.kind === "kept" &&
      wizard.pending.length > 0 &&
      useWizard.getState().pending.some((p) => p.id === source.id)
    )
      useWizard.getState().chooseKey({ kind: "pending", id: source.id });
    await useWizard.getState().addPasted(chain);
  }

  return advance;
}
