/** What a renewal could not carry over from a certificate or request: said on the save page, never dropped silently. */
import type { RequestPlan } from "./request";

/**
 * The choices a certificate (or a request) does not record, as sentences: the friendly name (Windows keeps it
 * beside the certificate, not in it), and for a certificate the template and the key type (the CSP's key spec
 * lives in the request and the key store, not in the certificate). `kept` is true when a request kept in this
 * browser with the same key supplied them.
 */
export function notCarriedOver(params: {
  kind: "request" | "certificate";
  friendlyName: string;
  kept: boolean;
  plan: Pick<RequestPlan, "template" | "key">;
}): string[] {
  const notes: string[] = [];
  if (!params.friendlyName)
    notes.push(
      `The friendly name: a ${params.kind} does not carry it. Type it below: Windows shows it beside the certificate, and the files are named after it.`,
    );
  if (params.kind === "certificate" && !params.kept) {
    const template = params.plan.template === "legacy" ? "(No template) Legacy key" : "(No template) CNG key";
    notes.push(`The template: a certificate does not say which one made its key; ${template} is used.`);
    if (params.plan.template === "legacy")
      notes.push(
        `The key type: a certificate does not say it; ${params.plan.key.keySpec === "signature" ? "Signature" : "Exchange"} is used, which a TLS listener needs.`,
      );
  }
  return notes;
}
