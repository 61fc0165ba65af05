/**
 * What the pages show and the actions refuse on, derived from the state in one place: a page never works
 * out on its own whether Next or Finish may run. Each selector returns the same array for the same inputs,
 * so a page subscribed to it re-renders only when the answer changes.
 */
import type { CaTarget } from "../pki/lint";
import { DEFAULT_PROFILE } from "../pki/profiles/registry";
import { planProblems, type RequestPlan } from "../pki/request";
import type { PendingRequest } from "./pending-requests";
import { CLIENT_AUTH, SERVER_AUTH } from "../pki/usages";
import { plansNames, topologyChanged } from "./plan-slice";
import type { WizardStore } from "./store";
import { chosenProfile, plannerErrors, PROFILE_LOADING } from "./planner-selectors";
import { errorsAsBlockers, lastResult, preflightOf, type Blocker } from "./selector-kit";

export { type Blocker, preflightOf } from "./selector-kit";
export {
  chosenProfile,
  namesPlanOf,
  plannedNamesByInputOf,
  plannedNamesPreflightOf,
  topologyAnchor,
  type PlannedNameFinding,
} from "./planner-selectors";

const NONE: readonly Blocker[] = [];

const FINISH_FIRST: readonly Blocker[] = [
  {
    field: "finish",
    message:
      "Click Finish first: the request and its key do not exist yet. (A request made earlier is completed from Certificate Enrollment, with Complete a pending request….)",
  },
];

/** The shortest passphrase Finish accepts for the key file. */
export const PASSPHRASE_MIN = 8;

/** The plan's problems (bad values, a request that names nothing), as Certificate Information lists them. */
export const planProblemsOf = lastResult((plan: RequestPlan) => planProblems(plan));

const requestBlockers = lastResult((plan: RequestPlan, target: CaTarget): readonly Blocker[] => [
  ...planProblemsOf(plan),
  // Preflight errors block Finish: a CA would reject the request, or the certificate would not work.
  ...errorsAsBlockers(preflightOf(plan, target), (f) => f.field ?? "request"),
]);

/** Why Next cannot leave the current page; empty when it can. */
export function advanceBlockers(s: WizardStore): readonly Blocker[] {
  // Plan names: the names are used on Next when the topology changed, so the planner's errors stop it, and so
  // do the preflight's errors about those names (a .local name for a public CA), as they would stop Finish.
  if (s.page === "plan-names") {
    if (!topologyChanged(s)) return NONE;
    const profile = chosenProfile(s);
    return profile ? plannerErrors(s.plan, s.topology, s.caTarget, profile) : PROFILE_LOADING;
  }
  // Certificate Information is where the whole request is checked.
  if (s.page === "certificate-information") return planProblemsOf(s.plan);
  // The save page's Next leads to Complete the request, which needs the request Finish makes.
  if (s.page === "save-request" && s.finish.status !== "done") return FINISH_FIRST;
  return NONE;
}

/** Why the last Next stayed, as things are now: null when Next was not refused here, empty once all is fixed. */
export const refusedBlockers = (s: WizardStore) => (s.nextRefused ? advanceBlockers(s) : null);

/** True when Next may leave the current page. */
export const canAdvance = (s: WizardStore) => advanceBlockers(s).length === 0;

const passphraseBlockers = lastResult((passphrase: string, confirm: string): readonly Blocker[] => {
  if (!passphrase)
    return [{ field: "passphrase", message: "Enter a passphrase: the private key file is encrypted under it." }];
  // Why a minimum: the key file can be guessed at offline, at the attacker's pace, so length is what protects it.
  if ([...passphrase].length < PASSPHRASE_MIN) {
    return [
      {
        field: "passphrase",
        message: `Use at least ${PASSPHRASE_MIN} characters: anyone who gets the key file can try short passphrases offline, quickly.`,
      },
    ];
  }
  if (!confirm) return [{ field: "passphraseConfirm", message: "Type the passphrase again to confirm it." }];
  if (confirm !== passphrase)
    return [
      { field: "passphraseConfirm", message: "The passphrases differ: type the same passphrase in both fields." },
    ];
  return NONE;
});

/** Why: a generated passphrase exists nowhere else; a key file whose passphrase is lost is lost with it. */
const STORE_IT: readonly Blocker[] = [
  {
    field: "passphraseStored",
    message: 'Copy the generated passphrase into your password manager, then tick "I have stored this passphrase".',
  },
];

const join = (a: readonly Blocker[], b: readonly Blocker[]) => (a.length === 0 ? b : b.length === 0 ? a : [...a, ...b]);
// Two memoised joins, one per call site: one cache shared by both would miss on every call.
const joinedPassphrase = lastResult(join);
const joined = lastResult(join);

/** Why Finish cannot run: the request's errors first, then the passphrase. Empty when it can. */
export function finishBlockers(s: WizardStore): readonly Blocker[] {
  const passphrase = passphraseBlockers(s.passphrase, s.passphraseConfirm);
  const stored = s.passphraseGenerated && !s.passphraseStored && passphrase.length === 0 ? STORE_IT : NONE;
  return joined(requestBlockers(s.plan, s.caTarget), joinedPassphrase(passphrase, stored));
}

/** The request's own errors (plan problems and preflight errors), without the passphrase. */
export const requestErrors = (s: WizardStore) => requestBlockers(s.plan, s.caTarget);

/**
 * True when the article's step "add Client Authentication" is one click away: a reverse-proxy request for a
 * public CA that carries Server Authentication without it (the public CA's default; the article adds it).
 */
export const offersClientAuthentication = (s: WizardStore) =>
  plansNames(s.startFrom) &&
  s.profile === DEFAULT_PROFILE &&
  s.caTarget === "public" &&
  s.plan.extendedKeyUsage.includes(SERVER_AUTH) &&
  !s.plan.extendedKeyUsage.includes(CLIENT_AUTH);

/**
 * True while Finish made a key that is neither downloaded nor kept in this browser: the one copy of the key
 * is in this page, so every way out asks first.
 */
export function keyAtRisk(s: WizardStore): boolean {
  return s.finish.status === "done" && s.finish.kept !== "yes" && !s.finish.keyDownloaded;
}

/** JSON with the keys of every object sorted, so that two equal plans compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** True when two plans make the same request: they differ at most in where and how the request is saved. */
export function sameRequest(a: RequestPlan, b: RequestPlan): boolean {
  return canonicalJson({ ...a, output: null }) === canonicalJson({ ...b, output: null });
}

/** The newest request kept in this browser for this very plan: what Finish made before a reload. */
export function keptRequestForPlan(s: WizardStore): PendingRequest | undefined {
  return s.pending.find((p) => sameRequest(p.plan, s.plan));
}

/** The pending request chosen as the key on Complete the request, if one is. */
export function chosenPendingRequest(s: WizardStore): PendingRequest | undefined {
  const source = s.keySource;
  return source?.kind === "pending" ? s.pending.find((p) => p.id === source.id) : undefined;
}

/** The kept request whose key is the chosen one: chosen as such, or the one a key file turned out to belong to. */
export function keptRequestForKey(s: WizardStore): PendingRequest | undefined {
  const fingerprint = s.openedKey?.spkiSha256;
  return chosenPendingRequest(s) ?? (fingerprint ? s.pending.find((p) => p.spkiSha256 === fingerprint) : undefined);
}

/** The chosen key's public key fingerprint: a kept request's is known before its key is opened, a file's only after. */
export function keyFingerprint(s: WizardStore): string | null {
  return s.openedKey?.spkiSha256 ?? chosenPendingRequest(s)?.spkiSha256 ?? null;
}
