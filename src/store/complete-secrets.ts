/**
 * The secrets of Complete the request and the one key opening under way: the key slice opens (a key file, or
 * a .pfx in its Worker), the export slice waits for it, and every one of them drops the secrets through here.
 */
import type { WizardStore } from "./store";

/**
 * The key being opened, for Export to wait on (`promise`), and how to stop it (`cancel`): one at a time, for
 * the whole page.
 */
export const opening: { promise: Promise<boolean> | null; cancel: (() => void) | null } = {
  promise: null,
  cancel: null,
};

/**
 * The .pfx export's key derivations started ahead, once the export password is final (complete-export-slice.ts):
 * what they were started for, and how to stop them (their Workers are ended). At most one, used by one Export.
 */
export const pfxAhead: {
  current: { profile: string; password: string; derivations: Promise<unknown>; stop: () => void } | null;
  drop: () => void;
} = {
  current: null,
  drop() {
    pfxAhead.current?.stop();
    pfxAhead.current = null;
  },
};

/**
 * Drops the opened key and every password, the shown one of the last export too; the inputs that held them
 * are remounted (secretsGeneration). The match is left as it is: the caller examines again when it must.
 */
export function dropSecrets(set: (partial: (s: WizardStore) => Partial<WizardStore>) => void): void {
  opening.cancel?.();
  // The derivations hold the password (and keys from it) in their Workers: they go with it.
  pfxAhead.drop();
  set((s) => ({
    keyPassphrase: "",
    openedKey: null,
    exportedPassword: null,
    pfx: { ...s.pfx, password: "", confirm: "", generated: false, passwordStored: false },
    secretsGeneration: s.secretsGeneration + 1,
  }));
}
