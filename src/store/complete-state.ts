/**
 * Complete the request's state: the CA's certificates, the key they should match (a pending request kept in
 * this browser, an encrypted key file, or a .pfx), the match itself, and the Export form. The opened key and
 * every password are secrets: memory only, dropped by dropCompleteSecrets and reset().
 */
import type { AnswerMatch } from "../pki/certificates";
import type { ExportTarget } from "../pki/export-targets";
import type { PfxChoices, ProtectedBy } from "../pki/export-choices";
import type { InputFile } from "../pki/input-limits";
import type { PfxProfile } from "../pki/pfx";
import type { Bundle } from "../pki/pem-bundles";
import type { OpenedKey } from "../pki/private-key";
import type { PfxContents } from "../pki/pfx-reader";
import type { PendingRequest } from "./pending-requests";

export type { PfxChoices } from "../pki/export-choices";

/** Where the key comes from: a kept request, an encrypted key file, or a .pfx to convert (its certificates come too). */
export type KeySource =
  | { kind: "pending"; id: string }
  | { kind: "file"; name: string; pem: string }
  | { kind: "pfx"; name: string; der: Uint8Array<ArrayBuffer> };

export interface LoadedCertificate {
  /** The file it came from, or "pasted". */
  name: string;
  der: Uint8Array<ArrayBuffer>;
  subject: string;
}

export interface CompleteState {
  pending: PendingRequest[];
  /** Why the kept requests could not be listed (IndexedDB refused), or null. */
  pendingError: string | null;
  certificates: LoadedCertificate[];
  certificateError: string | null;
  keySource: KeySource | null;
  keyError: string | null;
  /** Secret: the key's passphrase as typed. */
  keyPassphrase: string;
  /** Secret: the opened key. */
  openedKey: OpenedKey | null;
  /** True while the key is being opened (PBKDF2 takes a moment): Export waits for it. */
  keyOpening: boolean;
  /** How far a .pfx's opening is (iterations done of those asked so far), while it runs in its Worker. */
  keyProgress: { done: number; total: number } | null;
  /**
   * Counts dropCompleteSecrets: the inputs that held a password are keyed by it, so React unmounts them and
   * lets go of the props that carried the password (a re-render alone leaves it in the previous fiber).
   */
  secretsGeneration: number;
  /** Where the Export form's friendly name came from when a .pfx was opened, or why its name was not used. */
  friendlyNameNote: string | null;
  /** What an opened .pfx holds, listed for the admin (no secret in it). */
  pfxContents: PfxContents | null;
  /** The certificates examined against the chosen key. */
  match: AnswerMatch;
  pfx: PfxChoices;
  exportError: string | null;
  /**
   * Secret, held on purpose: the generated password of the file the last Export wrote, shown beside its
   * confirmation so that the admin can copy it. Gone on "Forget this password", on leaving the page, when idle,
   * and at the next export. Never a typed password or the key's passphrase: those the admin already has.
   */
  exportedPassword: string | null;
  /** The kept request chosen for the admin because it alone holds the loaded certificate's key, said on the page. */
  keyChosenFor: string | null;
  /** What the last Export wrote, for the confirmation; its secrets are already dropped. */
  lastExport: {
    /** Which export of this page it was (never reused): the confirmation takes the focus anew for each. */
    count: number;
    fileName: string;
    /** What protects the file: the password generated here (shown), one the admin typed, or the key's passphrase. */
    protectedBy: ProtectedBy;
    profile: PfxProfile;
    certificates: number;
    keptId?: string;
    /** Which proxy the files are for. */
    target: ExportTarget;
    /** For PEM targets: the files written, the configuration lines and the steps on the server. */
    bundle?: Bundle;
  } | null;
}

export interface CompleteActions {
  refreshPending: () => Promise<void>;
  deletePending: (id: string) => Promise<void>;
  /** Certificates (PEM, DER, .p7b) and, when one is among them, the encrypted key file. */
  addFiles: (files: readonly InputFile[]) => Promise<void>;
  /** True when the pasted text held certificates and they were added. */
  addPasted: (text: string) => Promise<boolean>;
  removeCertificate: (index: number) => void;
  chooseKey: (source: KeySource) => void;
  /** The encrypted key file as the key source, once its size is checked. */
  chooseKeyFile: (file: InputFile) => Promise<void>;
  setKeyPassphrase: (passphrase: string) => void;
  openKey: () => Promise<boolean>;
  /** Stops opening the key: the .pfx's Worker is ended; a key file's result, when it comes, is ignored. */
  cancelOpenKey: () => void;
  /** Examines the certificates against the chosen key again; every action that changes either calls it. */
  examine: () => Promise<void>;
  updatePfx: (change: Partial<PfxChoices>) => void;
  /** A new random .pfx password, shown for the admin to copy. */
  generatePfxPassword: () => void;
  /** Drops the opened key and every password of this page (after export, on leaving it, when idle). */
  dropCompleteSecrets: () => void;
  /** "Forget this password": the shown password of the last export leaves the page. */
  forgetExportedPassword: () => void;
  /**
   * "Another format…" after an export: the admin starts a new export of the same certificate and key source. The key is
   * opened again (the caller focuses its passphrase); a password is generated for this export unless the key's
   * passphrase protects it.
   */
  startAnotherExport: () => void;
  /** Writes the .pfx from the matched certificate, its chain and the opened key; null (with exportError) when it cannot. */
  exportPfx: () => Promise<{ fileName: string; der: Uint8Array<ArrayBuffer> } | null>;
  /** Writes the PEM files of an NGINX, HAProxy or Apache target, the key encrypted under the export password. */
  exportPem: () => Promise<Bundle | null>;
}

export type CompleteSlice = CompleteState & CompleteActions;

export const initialCompleteState = (): CompleteState => ({
  pending: [],
  pendingError: null,
  certificates: [],
  certificateError: null,
  keySource: null,
  keyError: null,
  keyPassphrase: "",
  openedKey: null,
  keyOpening: false,
  keyProgress: null,
  secretsGeneration: 0,
  friendlyNameNote: null,
  pfxContents: null,
  match: { state: "waiting" },
  pfx: {
    target: "windows",
    profile: "TripleDES-SHA1",
    includeRoot: false,
    friendlyName: "",
    provider: "legacy",
    keySpec: "exchange",
    // Why its own password by default: the .pfx protects the key with 2,048 iterations (what Windows imports),
    // 300 times cheaper to guess than the .key file's 600,000, so it should not carry the key's passphrase.
    useKeyPassphrase: false,
    password: "",
    confirm: "",
    generated: false,
    passwordStored: false,
  },
  exportError: null,
  exportedPassword: null,
  keyChosenFor: null,
  lastExport: null,
});
