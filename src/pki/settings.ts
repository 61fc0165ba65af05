/**
 * "Save request settings" / "Open saved request settings": the plan as a JSON file with no secret in it.
 * Reading checks every field, so a damaged or foreign file is reported instead of half-loaded.
 */
import {
  ALT_NAME_TYPES,
  recheckAltName,
  recheckSubjectPart,
  SUBJECT_TYPES,
  type AltName,
  type SubjectPart,
} from "./names";
import { inputTooLarge } from "./input-limits";
import type { ProfileId } from "./profiles/framework";
import { DEFAULT_PROFILE, isProfileId, readTopology, type AnyTopology } from "./profiles/registry";
import { HASHES, KEY_ALGORITHMS, RSA_KEY_SIZES, TEMPLATES, valueProblems, type RequestPlan } from "./request";
import { KEY_USAGE_NAMES, type KeyUsageName } from "./usages";
import { arrayOf, field, isBoolean, isObj, isString, oneOf, ShapeError } from "./shape";

export const SETTINGS_FORMAT = "certificate-request-wizard/request-settings";
export const SETTINGS_VERSION = 1;

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_VERSION;
  plan: RequestPlan;
  /** The names planner's profile; absent in files written before there was more than one (the Lync reverse proxy). */
  profile?: ProfileId;
  /** The names planner's input (the profile's topology), when the request was planned with it. */
  topology?: AnyTopology;
}

/** What a settings file holds, once read and checked. */
export interface Settings {
  plan: RequestPlan;
  /** Absent for the Lync reverse proxy (the default profile). */
  profile?: ProfileId;
  topology?: AnyTopology;
}

/** "Save request settings": the plan (and the profile and its topology) as JSON (RFC 8259), with no secret in it. */
export function writeSettings({ plan, profile, topology }: Settings): string {
  const file: SettingsFile = {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    plan,
    ...(topology === undefined ? {} : { profile: profile ?? DEFAULT_PROFILE, topology }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const isOptionalString = (v: unknown): v is string | undefined => v === undefined || isString(v);
const isSubjectPart = (v: unknown): v is SubjectPart =>
  isObj(v) && oneOf(SUBJECT_TYPES.map((t) => t.type))(v.type) && isString(v.value) && isOptionalString(v.unicode);
const isAltName = (v: unknown): v is AltName =>
  isObj(v) && oneOf(ALT_NAME_TYPES.map((t) => t.type))(v.type) && isString(v.value) && isOptionalString(v.unicode);
/** Only the known fields, so nothing foreign rides along from the file into the plan. */
const withUnicode = <T extends { value: string; unicode?: string }>({ unicode, ...rest }: T) =>
  unicode === undefined ? rest : { ...rest, unicode };
const isPathLength = (v: unknown): v is number | null => v === null || (Number.isInteger(v) && (v as number) >= 0);

/** Rebuilds a RequestPlan from untrusted data, field by field; throws a ShapeError naming the first bad field. */
function planFrom(data: unknown): RequestPlan {
  if (!isObj(data)) throw new ShapeError("the request settings are missing.");
  const key = field(data, "key", isObj);
  const output = field(data, "output", isObj);
  const bc = field(data, "basicConstraints", isObj);
  return {
    friendlyName: field(data, "friendlyName", isString),
    description: field(data, "description", isString),
    template: field(data, "template", oneOf(TEMPLATES.map((t) => t.value))),
    suppressDefaultExtensions: field(data, "suppressDefaultExtensions", isBoolean),
    subject: field(data, "subject", arrayOf(isSubjectPart)).map(({ type, value, unicode }) =>
      withUnicode({ type, value, unicode }),
    ),
    altNames: field(data, "altNames", arrayOf(isAltName)).map(({ type, value, unicode }) =>
      withUnicode({ type, value, unicode }),
    ),
    keyUsage: field(data, "keyUsage", arrayOf(oneOf<KeyUsageName>(KEY_USAGE_NAMES))),
    keyUsageCritical: field(data, "keyUsageCritical", isBoolean),
    extendedKeyUsage: field(data, "extendedKeyUsage", arrayOf(isString)),
    extendedKeyUsageCritical: field(data, "extendedKeyUsageCritical", isBoolean),
    basicConstraints: {
      enabled: field(bc, "enabled", isBoolean),
      ca: field(bc, "ca", isBoolean),
      pathLength: field(bc, "pathLength", isPathLength),
      critical: field(bc, "critical", isBoolean),
    },
    key: {
      algorithm: field(key, "algorithm", oneOf(KEY_ALGORITHMS.map((a) => a.value))),
      rsaKeySize: field(key, "rsaKeySize", oneOf(RSA_KEY_SIZES)),
      keySpec: field(key, "keySpec", oneOf(["exchange", "signature"] as const)),
      hash: field(key, "hash", oneOf(HASHES)),
      // Absent in files written before the option existed: PKCS #1 v1.5, as they were made.
      alternateSignature: key.alternateSignature === undefined ? false : field(key, "alternateSignature", isBoolean),
    },
    output: {
      fileName: field(output, "fileName", isString),
      format: field(output, "format", oneOf(["base64", "binary"] as const)),
    },
  };
}

/** Checks a topology from storage or a file with its profile's read: the right shape, or what is wrong with it. */
export function validateTopology(
  data: unknown,
  profile: ProfileId = DEFAULT_PROFILE,
): { ok: true; topology: AnyTopology } | { ok: false; error: string } {
  try {
    return { ok: true, topology: readTopology(profile, data) };
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The profile a settings file or a draft names: the default when absent, null when it names none this page knows. */
export function profileOf(data: { profile?: unknown }): ProfileId | null {
  if (data.profile === undefined) return DEFAULT_PROFILE;
  return isProfileId(data.profile) ? data.profile : null;
}

/** The profile a settings file's text names, when it names a known one: to be loaded before readSettings. */
export function settingsProfile(text: string): ProfileId | null {
  if (inputTooLarge(text.length, "")) return null;
  try {
    const data: unknown = JSON.parse(text);
    return isObj(data) && isObj(data.plan) ? profileOf(data) : null;
  } catch {
    return null;
  }
}

/**
 * Checks a plan from storage or a file: right shape and no value the pages would refuse. Each name is kept as
 * exactly the value its check returns (recheckSubjectPart), so a value that passed only once trimmed, such as
 * "webext.contoso.com\u00a0", arrives in the request as the checked "webext.contoso.com", never as read.
 */
export function validatePlan(data: unknown): { ok: true; plan: RequestPlan } | { ok: false; error: string } {
  try {
    const read = planFrom(data);
    const problem = valueProblems(read)[0];
    if (problem) return { ok: false, error: problem.message };
    const subject: SubjectPart[] = [];
    for (const part of read.subject) {
      const checked = recheckSubjectPart(part);
      if (!checked.ok) return checked;
      subject.push(checked.kept);
    }
    const altNames: AltName[] = [];
    for (const name of read.altNames) {
      const checked = recheckAltName(name);
      if (!checked.ok) return checked;
      altNames.push(checked.kept);
    }
    // validateOid passed, so the OID is digits and dots once trimmed: keep exactly that.
    const extendedKeyUsage = read.extendedKeyUsage.map((oid) => oid.trim());
    return { ok: true, plan: { ...read, subject, altNames, extendedKeyUsage } };
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Reads a settings file; the error is one sentence for the page. */
export function readSettings(text: string): ({ ok: true } & Settings) | { ok: false; error: string } {
  const tooLarge = inputTooLarge(text.length, "This settings file");
  if (tooLarge) return { ok: false, error: `${tooLarge} Nothing was loaded.` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "This file is damaged: it is not valid JSON. Nothing was loaded." };
  }
  if (!isObj(data) || data.format !== SETTINGS_FORMAT) {
    return { ok: false, error: "This is not a request settings file written by this tool. Nothing was loaded." };
  }
  if (data.version !== SETTINGS_VERSION) {
    return {
      ok: false,
      error: `This settings file is version ${String(data.version)}; this tool reads version ${SETTINGS_VERSION}. Nothing was loaded.`,
    };
  }
  const damaged = (error: string) => ({
    ok: false as const,
    error: `This settings file is damaged: ${error} Nothing was loaded.`,
  });
  const checked = validatePlan(data.plan);
  if (!checked.ok) return damaged(checked.error);
  // Why both keys: files written before the planner's vocabulary was settled call the topology "namesPlan".
  const topology = data.topology ?? data.namesPlan;
  if (topology === undefined) return { ok: true, plan: checked.plan };
  const profile = profileOf(data);
  if (!profile) return damaged(`"profile" names no planner this page knows.`);
  const names = validateTopology(topology, profile);
  if (!names.ok) return damaged(names.error);
  // The default profile is left out, as files written before there were others leave it out.
  return profile === DEFAULT_PROFILE
    ? { ok: true, plan: checked.plan, topology: names.topology }
    : { ok: true, plan: checked.plan, profile, topology: names.topology };
}
