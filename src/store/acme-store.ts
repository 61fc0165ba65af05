/**
 * The ACME page's own store ("Get it issued"): the request (kept in this browser or a dropped file), the CA's
 * directory, the account (new, or opened from the account file), the order with its challenges, and the issued
 * chain, which goes straight into the wizard store's Complete the request. Secrets (the account key and the
 * account file's passphrase) live here in memory only; what survives a reload is the order's URL (no secret).
 * Nothing is fetched before the admin chooses a directory and clicks Contact the CA.
 *
 * Built by job: the request (acme-request.ts), the directory and the account (acme-account.ts), the order and
 * its authorizations (acme-order.ts), finalize and download (acme-finalize.ts), what survives a reload
 * (acme-resume.ts), on the steps that talk to the CA (acme-steps.ts); the state and its types in acme-state.ts.
 */
import { create } from "zustand";
import { accountActions } from "./acme-account";
import { finalizeStep } from "./acme-finalize";
import { orderActions } from "./acme-order";
import { requestActions } from "./acme-request";
import { initialAcmeState } from "./acme-state";
import { acmeSteps, type AcmeStore } from "./acme-steps";

export {
  accountBlocker,
  chosenDirectoryUrl,
  DIRECTORIES,
  initialAcmeState,
  requestDer,
  type AcmeActions,
  type AcmeState,
  type AuthorizationView,
  type ChallengeView,
  type DirectoryChoice,
  type RequestSource,
  type ResumeRecord,
} from "./acme-state";
export { readResume } from "./acme-resume";
export { authorizationRefusal, validToken } from "../pki/acme/checks";

/** The ACME page's store. */
export const useAcme = create<AcmeStore>()((set, get) => {
  const steps = acmeSteps(set, get);
  const order = orderActions(steps, finalizeStep(steps));
  return {
    ...initialAcmeState(),
    ...requestActions(steps),
    ...accountActions(steps, order.loadOrder),
    ...order.actions,
  };
});
