/**
 * Complete the request: the CA's certificates, the key they should match (a pending request kept in this
 * browser, or an encrypted key file), the match itself, and the .pfx export. The slice asks src/pki to open
 * the key, match and chain the certificates and write the .pfx; the page only shows what is here. The opened
 * key and every password are secrets: memory only, dropped by reset().
 *
 * One slice made of its jobs, each in its own file: the answer and its match (complete-answer-slice.ts), the
 * key (complete-key-slice.ts, a .pfx through complete-pfx-open.ts), and the exports (complete-export-slice.ts);
 * the state and its types in complete-state.ts, the secrets' one drop in complete-secrets.ts.
 */
import type { StateCreator } from "zustand";
import { createCompleteAnswerSlice } from "./complete-answer-slice";
import { createCompleteExportSlice } from "./complete-export-slice";
import { createCompleteKeySlice } from "./complete-key-slice";
import type { CompleteActions } from "./complete-state";
import type { WizardStore } from "./store";

export {
  initialCompleteState,
  type CompleteActions,
  type CompleteSlice,
  type CompleteState,
  type KeySource,
  type LoadedCertificate,
  type PfxChoices,
} from "./complete-state";
export { keyPem } from "./complete-key-slice";
export { exportStem } from "./complete-export-slice";

/** Complete the request's actions, from its three jobs. */
export const createCompleteSlice: StateCreator<WizardStore, [], [], CompleteActions> = (...a) => ({
  ...createCompleteAnswerSlice(...a),
  ...createCompleteKeySlice(...a),
  ...createCompleteExportSlice(...a),
});
