/**
 * The Export form of Complete the request as data: what the admin chose for the .pfx or the PEM files, what
 * a kept request tells it, what protects the file written, and why Export cannot run yet. Pure: the store
 * holds the choices (their passwords are secrets) and asks these functions.
 */
import type { AnswerMatch } from "./certificates";
import { takesPfx, type ExportTarget } from "./export-targets";
import type { PfxProfile } from "./pfx";
import { friendlyNameProblem, type KeySpec, type RequestPlan } from "./request";

/** The Export form's choices: the target, the PKCS #12 profile, the Windows key store and the file's password. */
export interface PfxChoices {
  /** The proxy the files are for: a .pfx for Windows and appliances, PEM files for NGINX, HAProxy, Apache. */
  target: ExportTarget;
  profile: PfxProfile;
  includeRoot: boolean;
  friendlyName: string;
  provider: "legacy" | "cng";
  keySpec: KeySpec;
  useKeyPassphrase: boolean;
  /** Secrets: a new password for the .pfx, typed twice (or generated, when `generated`). */
  password: string;
  confirm: string;
  /** The password was generated here: Export waits until the admin says it is stored. */
  generated: boolean;
  passwordStored: boolean;
}

/** What protects an exported file: the password generated here (shown), one the admin typed, or the key's passphrase. */
export type ProtectedBy = "generated" | "typed" | "key-passphrase";

/** What protects an exported file, from the choices it was written with. */
export const protectedBy = (pfx: PfxChoices): ProtectedBy =>
  pfx.useKeyPassphrase ? "key-passphrase" : pfx.generated ? "generated" : "typed";

/** The password shown after an export: only one generated here, which the admin may not have yet. */
export const shownPassword = (pfx: PfxChoices): string | null =>
  !pfx.useKeyPassphrase && pfx.generated ? pfx.password : null;

/** What a kept request tells the .pfx: its friendly name and, by its template, the Windows key store. */
export const pfxFromPlan = (pfx: PfxChoices, plan: RequestPlan): PfxChoices => ({
  ...pfx,
  friendlyName: plan.friendlyName,
  // The template decides the Windows key store: Legacy key means the SChannel CSP (CAPI), CNG key none.
  provider: plan.template === "legacy" && plan.key.algorithm === "rsa" ? "legacy" : "cng",
  keySpec: plan.key.keySpec,
});

/**
 * Why Export cannot write the files, as the sentence the page shows, or null: the matched certificate, the
 * opened key and a stored, confirmed password (or the key's passphrase) are needed, and a valid friendly name.
 */
export function exportRefusal(params: { match: AnswerMatch; keyOpened: boolean; pfx: PfxChoices }): string | null {
  const { match, keyOpened, pfx } = params;
  const what = takesPfx(pfx.target) ? "the .pfx" : "the key file";
  if (match.state !== "matched") return "Load the certificate the CA issued for this key first.";
  if (!keyOpened) return "Open the private key with its passphrase first.";
  const nameProblem = friendlyNameProblem(pfx.friendlyName);
  if (nameProblem) return nameProblem;
  if (!pfx.useKeyPassphrase && pfx.generated && !pfx.passwordStored)
    return `Copy the export password or write it down, then tick "I have stored this password": without it ${what} cannot be opened.`;
  if (!pfx.useKeyPassphrase && (!pfx.password || pfx.password !== pfx.confirm))
    return pfx.password
      ? `The ${takesPfx(pfx.target) ? ".pfx" : "export"} passwords differ: type the same password in both fields.`
      : `Enter ${takesPfx(pfx.target) ? "a password for the .pfx" : "an export password"}.`;
  return null;
}
