/** The whole certificate request as data: what every wizard page edits, and what the settings file holds. */
import { checkAltName, checkSubjectPart, effectiveAltNames, type AltName, type SubjectPart } from "./names";
import { safeFileStem } from "./file-names";
import { hasHiddenCharacters, hiddenCharacters } from "./visible-text";
import { CLIENT_AUTH, SERVER_AUTH, validateOid, type KeyUsageName } from "./usages";

/** "(No template) Legacy key" is a CAPI key (RSA only); "(No template) CNG key" allows ECDSA too. */
export type Template = "legacy" | "cng";
export type KeyAlgorithm = "rsa" | "ecdsa-p256" | "ecdsa-p384";
export type RsaKeySize = 1024 | 2048 | 3072 | 4096 | 8192;
export type HashName = "sha256" | "sha384" | "sha512";
/** CAPI key spec: AT_KEYEXCHANGE ("Exchange") or AT_SIGNATURE ("Signature"). */
export type KeySpec = "exchange" | "signature";
export type RequestFormat = "base64" | "binary";

export const TEMPLATES: readonly { value: Template; label: string }[] = [
  { value: "legacy", label: "(No template) Legacy key" },
  { value: "cng", label: "(No template) CNG key" },
];
export const KEY_ALGORITHMS: readonly { value: KeyAlgorithm; label: string; cngOnly: boolean }[] = [
  { value: "rsa", label: "RSA", cngOnly: false },
  { value: "ecdsa-p256", label: "ECDSA P-256", cngOnly: true },
  { value: "ecdsa-p384", label: "ECDSA P-384", cngOnly: true },
];
/** What MMC offers that WebCrypto makes: 1024 only to be warned about, 8192 slow to make (npm run bench). */
export const RSA_KEY_SIZES: readonly RsaKeySize[] = [1024, 2048, 3072, 4096, 8192];
export const HASHES: readonly HashName[] = ["sha256", "sha384", "sha512"];

export interface BasicConstraints {
  enabled: boolean;
  ca: boolean;
  /** Path length constraint; only meaningful when `ca` is true. */
  pathLength: number | null;
  critical: boolean;
}

export interface RequestPlan {
  friendlyName: string;
  description: string;
  template: Template;
  suppressDefaultExtensions: boolean;
  subject: SubjectPart[];
  altNames: AltName[];
  keyUsage: KeyUsageName[];
  keyUsageCritical: boolean;
  /** EKU OIDs, MMC's or custom. */
  extendedKeyUsage: string[];
  extendedKeyUsageCritical: boolean;
  basicConstraints: BasicConstraints;
  key: {
    algorithm: KeyAlgorithm;
    rsaKeySize: RsaKeySize;
    keySpec: KeySpec;
    hash: HashName;
    /** MMC's "Use alternate signature format": an RSA request signed with RSASSA-PSS (RFC 4055) instead of PKCS #1 v1.5. */
    alternateSignature: boolean;
  };
  output: { fileName: string; format: RequestFormat };
}

/** What a blank request starts as: MMC's defaults (Legacy key, RSA 2048, Exchange, sha256, Base 64). */
export function blankPlan(): RequestPlan {
  return {
    friendlyName: "",
    description: "",
    template: "legacy",
    suppressDefaultExtensions: false,
    subject: [],
    altNames: [],
    keyUsage: [],
    keyUsageCritical: true,
    extendedKeyUsage: [],
    extendedKeyUsageCritical: false,
    basicConstraints: { enabled: false, ca: false, pathLength: null, critical: true },
    key: { algorithm: "rsa", rsaKeySize: 2048, keySpec: "exchange", hash: "sha256", alternateSignature: false },
    output: { fileName: "", format: "base64" },
  };
}

/** A TLS server certificate for IIS ARR, Exchange or another web farm: usages set, names left to the admin. */
export function webServerPlan(): RequestPlan {
  return {
    ...blankPlan(),
    keyUsage: ["digitalSignature", "keyEncipherment"],
    extendedKeyUsage: [SERVER_AUTH],
  };
}

/** The article's reverse-proxy example: every value as "Request and Configure a Certificate…" gives it. */
export function reverseProxyPlan(): RequestPlan {
  return {
    ...webServerPlan(),
    friendlyName: "Reverse Proxy Listener for Lync Server",
    subject: [{ type: "CN", value: "webext.contoso.com" }],
    altNames: ["webext.contoso.com", "meet.contoso.com", "dialin.contoso.com", "lyncdiscover.contoso.com"].map(
      (value) => ({ type: "dns" as const, value }),
    ),
    extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH],
  };
}

/**
 * The reverse-proxy start as the admin gets it: the article's usages, key and friendly name, and no names yet.
 * Why no names: the article's contoso.com names go through every page untouched, and a public CA rejects
 * them only after the admin has paid and waited; the names come from Plan names, or from the explicit
 * "article's example" start.
 */
export function reverseProxyStartPlan(): RequestPlan {
  return { ...reverseProxyPlan(), subject: [], altNames: [] };
}

/** The key usage MMC adds by default when the admin picks none and does not suppress default extensions. */
export function defaultKeyUsage(algorithm: KeyAlgorithm, keySpec: KeySpec): KeyUsageName[] {
  if (algorithm !== "rsa") return ["digitalSignature"];
  return keySpec === "exchange" ? ["digitalSignature", "keyEncipherment"] : ["digitalSignature", "nonRepudiation"];
}

/** The key usage the request will carry: the admin's, else MMC's default unless default extensions are suppressed. */
export function effectiveKeyUsage(plan: RequestPlan): KeyUsageName[] {
  return plan.keyUsage.length > 0 || plan.suppressDefaultExtensions
    ? plan.keyUsage
    : defaultKeyUsage(plan.key.algorithm, plan.key.keySpec);
}

/**
 * The request file's name: as typed, else from the friendly name or common name, always ending `.req`. A typed
 * path (`C:\\certs\\webext-2026.req`, as the article writes it) keeps its last part: a browser saves only into
 * its downloads folder, and the page says so beside the field.
 */
export function requestFileName(plan: RequestPlan): string {
  const typed = plan.output.fileName.trim().split(/[\\/]/).pop() ?? "";
  const base = typed || plan.friendlyName.trim() || plan.subject.find((p) => p.type === "CN")?.value || "";
  return `${safeFileStem(base.replace(/\.req$/i, ""), "certificate-request")}.req`;
}

/** The name stem shared by the key, settings and request files. */
export function fileStem(plan: RequestPlan): string {
  return requestFileName(plan).replace(/\.req$/, "");
}

/** Windows keeps a friendly name (CERT_FRIENDLY_NAME_PROP_ID) of at most 256 characters in the MMC dialog. */
export const FRIENDLY_NAME_MAX = 256;

/** What is wrong with a friendly name, or null: the General tab and the plan check ask the same question. */
export function friendlyNameProblem(friendlyName: string): string | null {
  if (friendlyName.length > FRIENDLY_NAME_MAX) return `Friendly name is at most ${FRIENDLY_NAME_MAX} characters.`;
  // Why: Windows shows it beside the certificate, and the INF carries it on one line.
  if (hasHiddenCharacters(friendlyName)) {
    return `Friendly name contains control, direction or invisible characters (${hiddenCharacters(friendlyName).join(", ")}); retype it.`;
  }
  return null;
}

/** A description longer than this is no description: the draft and the settings file stay small. */
export const DESCRIPTION_MAX = 1024;

/** What is wrong with a description, or null: line breaks are fine, other hidden characters are not. */
export function descriptionProblem(description: string): string | null {
  if (description.length > DESCRIPTION_MAX) return `Description is at most ${DESCRIPTION_MAX} characters.`;
  const hidden = hiddenCharacters(description.replace(/\r?\n/g, ""));
  return hidden.length
    ? `Description contains control, direction or invisible characters (${hidden.join(", ")}); retype it.`
    : null;
}

/** What is wrong with a typed File Name, or null: the saved name is cleaned, but hidden characters are refused. */
export function fileNameProblem(fileName: string): string | null {
  if (fileName.length > 255) return "File Name is at most 255 characters.";
  return hasHiddenCharacters(fileName)
    ? `File Name contains control, direction or invisible characters (${hiddenCharacters(fileName).join(", ")}); retype it.`
    : null;
}

/**
 * "(No template) Legacy key" is a CryptoAPI key, which Schannel's CSP makes as RSA only: an ECDSA key needs
 * the CNG key template. Custom Request, the Private Key tab and the plan check all ask this one question.
 */
export function legacyKeyProblem(plan: Pick<RequestPlan, "template" | "key">): string | null {
  return plan.template === "legacy" && plan.key.algorithm !== "rsa"
    ? "The Legacy key template supports RSA only: choose RSA on the Private Key tab, or the CNG key template."
    : null;
}

/** Why bounds: no CA issues more names than this in one certificate, and checks over names must stay quick. */
export const MAX_ALT_NAMES = 1000;
export const MAX_SUBJECT_PARTS = 50;

/** Where on the pages a problem belongs, so it can be shown beside its field. */
export type PlanField =
  | "subject"
  | "altNames"
  | "keyUsage"
  | "extendedKeyUsage"
  | "basicConstraints"
  | "key"
  | "friendlyName"
  | "description"
  | "fileName";

export interface PlanProblem {
  field: PlanField;
  message: string;
}

/**
 * Every value in a plan that the pages would refuse. The pages check each value as it is added; this
 * re-checks them all, because a plan also comes from a settings file or a saved draft.
 */
export function valueProblems(plan: RequestPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  // The counts first: a file with a million names is refused before anything is checked name by name.
  if (plan.altNames.length > MAX_ALT_NAMES) {
    problems.push({
      field: "altNames",
      message: `At most ${MAX_ALT_NAMES} alternative names: no CA issues that many in one certificate (public CAs stop at 100 to 250).`,
    });
    return problems;
  }
  if (plan.subject.length > MAX_SUBJECT_PARTS) {
    problems.push({ field: "subject", message: `At most ${MAX_SUBJECT_PARTS} subject name parts.` });
    return problems;
  }
  for (const part of plan.subject) {
    const checked = checkSubjectPart(part.type, part.value);
    if (!checked.ok) problems.push({ field: "subject", message: checked.error });
  }
  for (const name of plan.altNames) {
    const checked = checkAltName(name.type, name.value);
    if (!checked.ok) problems.push({ field: "altNames", message: checked.error });
  }
  for (const oid of plan.extendedKeyUsage) {
    const error = validateOid(oid);
    if (error) problems.push({ field: "extendedKeyUsage", message: error });
  }
  const { algorithm } = plan.key;
  if (plan.template === "legacy" && algorithm !== "rsa") {
    problems.push({
      field: "key",
      message: "The Legacy key template supports RSA only: choose the CNG key template for ECDSA.",
    });
  }
  const bc = plan.basicConstraints;
  if (bc.enabled && bc.pathLength !== null && (!bc.ca || !Number.isInteger(bc.pathLength) || bc.pathLength < 0)) {
    problems.push({
      field: "basicConstraints",
      message: "A path length applies only to a CA certificate and must be a whole number of 0 or more.",
    });
  }
  const friendlyName = friendlyNameProblem(plan.friendlyName);
  if (friendlyName) problems.push({ field: "friendlyName", message: friendlyName });
  const description = descriptionProblem(plan.description);
  if (description) problems.push({ field: "description", message: description });
  const fileName = fileNameProblem(plan.output.fileName);
  if (fileName) problems.push({ field: "fileName", message: fileName });
  return problems;
}

/** Everything that stops the plan from becoming a request: bad values, and a request that names nothing. */
export function planProblems(plan: RequestPlan): PlanProblem[] {
  const problems = valueProblems(plan);
  if (plan.subject.length === 0 && effectiveAltNames(plan.subject, plan.altNames).length === 0) {
    problems.unshift({
      field: "subject",
      message: "Add a subject name or at least one alternative name: a request must name what it is for.",
    });
  }
  return problems;
}
