/**
 * The planner's selectors: the chosen profile's names plan, its findings placed by input, the preflight's
 * verdict on its names, and why Next stays on Plan names. The profile is the loaded one (Plan names loads
 * it before it renders); callers that name none get the default, the Lync reverse proxy.
 */
import { PER_NAME_RULES, preflightNames, type CaTarget, type PreflightFinding } from "../pki/lint";
import { hasErrors } from "../pki/finding";
import type { NamesPlan, PlannerInput } from "../pki/profiles/framework";
import { DEFAULT_PROFILE, loadedProfile, type AnyProfile, type AnyTopology } from "../pki/profiles/registry";
import type { RequestPlan } from "../pki/request";
import { errorsAsBlockers, lastResult, preflightOf, type Blocker } from "./selector-kit";
import type { WizardStore } from "./store";

/**
 * The default profile, loaded: for callers that name no profile (the planner runs only where Plan names is
 * shown, and that page loads its profile before it renders).
 */
function defaultProfile(): AnyProfile {
  const profile = loadedProfile(DEFAULT_PROFILE);
  if (!profile) throw new Error("The reverse-proxy planner is not loaded yet.");
  return profile;
}

/** The chosen profile once loaded (Plan names loads it before it renders); undefined before. */
export const chosenProfile = (s: Pick<WizardStore, "profile">) => loadedProfile(s.profile);

/** The names planner's output for the topology: the names plan the Plan names page shows. */
export const namesPlanOf = lastResult((topology: AnyTopology, profile: AnyProfile = defaultProfile()): NamesPlan =>
  profile.plan(topology),
);

/** The fields of a profile's inputs kept one per item ("each": Lync's meeting URL per SIP domain). */
function eachFields(inputs: readonly PlannerInput<unknown, NamesPlan>[], into = new Set<string>()): Set<string> {
  for (const input of inputs) {
    if (input.kind === "each") into.add(input.field);
    else if ("inside" in input && input.inside) eachFields(input.inside, into);
  }
  return into;
}
const eachFieldsOf = new WeakMap<AnyProfile, Set<string>>();

/**
 * Where a finding of the planner is fixed: its input, and for an input kept per item (a meeting URL per SIP
 * domain) the item's own input, `field:item`.
 */
export function topologyAnchor(f: { field?: string; sipDomain?: string }, profile: AnyProfile = defaultProfile()) {
  let each = eachFieldsOf.get(profile);
  if (!each) eachFieldsOf.set(profile, (each = eachFields(profile.inputs)));
  return f.sipDomain && f.field && each.has(f.field) ? `${f.field}:${f.sipDomain}` : (f.field ?? "topology");
}

/** Name rules are preflight rules whose findings are about the subject or the alternative names. */
const NAME_FIELDS = new Set(["subject", "altNames"]);

/**
 * The preflight's findings about the names Plan names would put into the plan, for where the request goes:
 * the same rule engine as Certificate Information and Finish, so the pages cannot disagree; Plan names lists
 * them as its verdict. None while the planner itself has errors (its own messages say what is missing).
 */
export const plannedNamesPreflightOf = lastResult(
  (
    plan: RequestPlan,
    topology: AnyTopology,
    target: CaTarget,
    profile: AnyProfile = defaultProfile(),
  ): readonly PreflightFinding[] => {
    const names = namesPlanOf(topology, profile);
    if (hasErrors(names.findings)) return [];
    return preflightOf(profile.apply(plan, names), target).filter((f) => f.field && NAME_FIELDS.has(f.field));
  },
);

/** A preflight finding on Plan names, with the anchor of the input it shows beside. */
export type PlannedNameFinding = PreflightFinding & { anchor: string };

/**
 * The per-name preflight rules (an internal or example name: PER_NAME_RULES) run on the names of each input,
 * to be shown beside the input the names were typed in; a name made from a default (meet.<sipdomain>) belongs
 * to the SIP domains. Rules about names together stay in the verdict only.
 */
export const plannedNamesByInputOf = lastResult(
  (topology: AnyTopology, target: CaTarget, profile: AnyProfile = defaultProfile()): readonly PlannedNameFinding[] => {
    const names = namesPlanOf(topology, profile);
    if (hasErrors(names.findings)) return [];
    const byInput = new Map<string, string[]>();
    for (const n of names.names) {
      const anchor = topologyAnchor(n.input, profile);
      byInput.set(anchor, [...(byInput.get(anchor) ?? []), n.name]);
    }
    return [...byInput].flatMap(([anchor, values]) => preflightNames(values, target).map((f) => ({ ...f, anchor })));
  },
);

/** The planner's errors and the preflight's about its names, as blockers of Next on Plan names. */
export const plannerErrors = lastResult(
  (plan: RequestPlan, topology: AnyTopology, target: CaTarget, profile: AnyProfile): readonly Blocker[] => [
    ...errorsAsBlockers(namesPlanOf(topology, profile).findings, (f) => topologyAnchor(f, profile)),
    // Each name's error beside its input; the errors about names together lead to the verdict.
    ...errorsAsBlockers(plannedNamesByInputOf(topology, target, profile), (f) => f.anchor),
    ...errorsAsBlockers(
      plannedNamesPreflightOf(plan, topology, target, profile).filter((f) => !PER_NAME_RULES.has(f.id)),
      () => "planned-names",
    ),
  ],
);

/** Next on Plan names before its profile has loaded (the page shows "Loading…" meanwhile). */
export const PROFILE_LOADING: readonly Blocker[] = [
  { field: "topology", message: "Plan names is still loading its planner: try Next again in a moment." },
];
