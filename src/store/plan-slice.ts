/**
 * The request being planned: the plan itself (what every page edits), where it started from, the names
 * planner's topology, and where the request goes. Persisted as the draft; nothing here is a secret.
 */
import type { StateCreator } from "zustand";
import type { CaTarget, FixId } from "../pki/lint";
import { applyFix } from "../pki/lint";
import type { ProfileId } from "../pki/profiles/framework";
import { articleTopology, emptyTopology } from "../pki/profiles/lync/topology";
import { DEFAULT_PROFILE, loadedProfile, usualCaTarget, type AnyTopology } from "../pki/profiles/registry";
import { fillWhenLoaded, loadSettingsProfile, profileStart } from "./plan-profile";
import { blankPlan, reverseProxyPlan, reverseProxyStartPlan, webServerPlan, type RequestPlan } from "../pki/request";
import { readSettings, validatePlan, writeSettings } from "../pki/settings";
import { hasErrors } from "../pki/finding";
import { CLIENT_AUTH, defaultExtendedKeyUsage, sameUsages, type UsageProfile } from "../pki/usages";
import { readInputFile, type InputFile } from "../pki/input-limits";
import type { WizardStore } from "./store";

/**
 * "article-example": the reverse proxy filled in with the article's contoso.com names, chosen explicitly for
 * learning. "settings": the request came from a settings file without a topology, or from a request or certificate.
 */
export type StartFrom = "reverse-proxy" | "article-example" | "web-server" | "blank" | "settings";

type StartChoice = Exclude<StartFrom, "settings">;

export const START_PLANS: Record<StartChoice, () => RequestPlan> = {
  "reverse-proxy": reverseProxyStartPlan,
  "article-example": reverseProxyPlan,
  "web-server": webServerPlan,
  blank: blankPlan,
};

/** Which default Extended Key Usage each start takes (usages.ts defaultExtendedKeyUsage). */
const START_USAGES: Record<StartChoice, UsageProfile> = {
  "reverse-proxy": "article",
  "article-example": "article",
  "web-server": "web-server",
  blank: "blank",
};

/** A start's plan for where the request goes: its Extended Key Usage is the default for that CA. */
function startPlan(start: StartChoice, target: CaTarget): RequestPlan {
  return {
    ...START_PLANS[start](),
    extendedKeyUsage: defaultExtendedKeyUsage({ profile: START_USAGES[start], target }),
  };
}

/** True for the starts that walk Plan names: the reverse proxy, empty or with the article's example. */
export const plansNames = (startFrom: StartFrom) => startFrom === "reverse-proxy" || startFrom === "article-example";

/** The topology a start opens Plan names with, and whether its names are already in the plan. */
function startTopology(start: StartChoice): Pick<PlanState, "profile" | "topology" | "appliedTopology"> {
  const profile = DEFAULT_PROFILE;
  if (start !== "article-example") return { profile, topology: emptyTopology(), appliedTopology: null };
  return { profile, topology: articleTopology(), appliedTopology: JSON.stringify(articleTopology()) };
}

/** Where a new start's request goes: where the admin chose, else where the profile's certificate usually comes from. */
const startCaTarget = (s: Pick<PlanState, "caTarget" | "caTargetChosen">, profile: ProfileId): CaTarget =>
  s.caTargetChosen ? s.caTarget : usualCaTarget(profile);

/** Which default Extended Key Usage the state follows: a profile other than the reverse proxy is a web server's. */
const usageProfile = (s: Pick<PlanState, "startFrom" | "profile">): UsageProfile =>
  s.startFrom === "settings" ? "blank" : s.profile === DEFAULT_PROFILE ? START_USAGES[s.startFrom] : "web-server";

export interface PlanState {
  plan: RequestPlan;
  startFrom: StartFrom;
  /** The names planner's profile (../pki/profiles/registry): the reverse proxy unless another start chose one. */
  profile: ProfileId;
  /** The profile's input (planner starts only; checked by its read); its output, the names plan, goes into `plan`. */
  topology: AnyTopology;
  /** The topology whose names were last put into the plan, so Next does not undo later edits in Properties. */
  appliedTopology: string | null;
  /** Where the request goes: a public CA (the article asks for a public certificate) or the admin's own CA. */
  caTarget: CaTarget;
  /**
   * True once the admin chose where the request goes ("This request goes to"): until then each start sets it
   * (a public CA, or the profile's usual CA: your own for the Edge internal interface).
   */
  caTargetChosen: boolean;
  /**
   * True once the admin chose the Extended Key Usage (Properties, a fix, a file): from then on a change of
   * where the request goes leaves it alone. Until then it follows the CA's default.
   */
  usagesChosen: boolean;
  settingsError: string | null;
}

export interface PlanActions {
  chooseStart: (start: StartChoice) => void;
  /** A planner profile's start: Plan names with its empty topology (set once the profile has loaded). */
  chooseProfile: (profile: ProfileId) => void;
  updateTopology: (change: (topology: AnyTopology) => AnyTopology) => void;
  /** "Use these names": the names plan's names, usages and key into the plan. False when the plan has errors. */
  applyPlannedNames: () => boolean;
  settingsFile: () => string;
  /** "Use as a starting point": a plan read from a request or certificate, for a renewal; the refusal, or null. */
  startFromPlan: (plan: RequestPlan) => string | null;
  openSettings: (text: string) => boolean;
  /** "Open saved request settings…": the file, once its size is checked, read as openSettings reads text. */
  openSettingsFile: (file: InputFile) => Promise<boolean>;
  updatePlan: (change: (plan: RequestPlan) => RequestPlan) => void;
  fix: (fix: FixId) => void;
  /** Where the request goes; the Extended Key Usage follows the new CA's default while the admin has not chosen it. */
  setCaTarget: (target: CaTarget) => void;
  /** The article's step: Client Authentication added to the Extended Key Usage (the preflight warns for a public CA). */
  addClientAuthentication: () => void;
}

export type PlanSlice = PlanState & PlanActions;

export const initialPlanState = (): PlanState => ({
  plan: startPlan("reverse-proxy", "public"),
  startFrom: "reverse-proxy",
  ...startTopology("reverse-proxy"),
  caTarget: "public",
  caTargetChosen: false,
  usagesChosen: false,
  settingsError: null,
});

/** The state after a change of the plan: the Extended Key Usage counts as chosen once the change touched it. */
export function withPlan(s: Pick<PlanState, "plan" | "usagesChosen">, plan: RequestPlan) {
  return { plan, usagesChosen: s.usagesChosen || !sameUsages(s.plan.extendedKeyUsage, plan.extendedKeyUsage) };
}

/** True when the topology changed since its names were last put into the plan. */
export const topologyChanged = (s: Pick<PlanState, "topology" | "appliedTopology">) =>
  JSON.stringify(s.topology) !== s.appliedTopology;

export const createPlanSlice: StateCreator<WizardStore, [], [], PlanActions> = (set, get) => ({
  chooseStart: (startFrom) => {
    const caTarget = startCaTarget(get(), DEFAULT_PROFILE);
    set({
      startFrom,
      caTarget,
      plan: startPlan(startFrom, caTarget),
      usagesChosen: false,
      ...startTopology(startFrom),
      settingsError: null,
      renewal: null,
      renewalError: null,
      renewalPfx: null,
    });
  },
  chooseProfile: (profile) => {
    if (profile === DEFAULT_PROFILE) return get().chooseStart("reverse-proxy");
    const caTarget = startCaTarget(get(), profile);
    set({ ...profileStart(profile, caTarget), caTarget, renewal: null, renewalError: null, renewalPfx: null });
    fillWhenLoaded(profile, get, set);
  },
  updateTopology: (change) => set((s) => ({ topology: change(s.topology) })),
  applyPlannedNames: () => {
    const { topology, plan, profile: id } = get();
    const profile = loadedProfile(id);
    if (!profile) return false;
    const names = profile.plan(topology);
    if (hasErrors(names.findings)) return false;
    set({ plan: profile.apply(plan, names), appliedTopology: JSON.stringify(topology) });
    return true;
  },
  settingsFile: () => {
    const { plan, profile, topology, startFrom } = get();
    return writeSettings(plansNames(startFrom) ? { plan, profile, topology } : { plan });
  },
  startFromPlan: (plan) => {
    // A plan read from a file meets the same checks as a typed one, and is refused whole if it fails one.
    const checked = validatePlan(plan);
    if (!checked.ok) return `This cannot be used as a starting point: ${checked.error}`;
    set({
      plan: checked.plan,
      startFrom: "settings",
      usagesChosen: true,
      page: "certificate-information",
      settingsError: null,
    });
    return null;
  },
  openSettings: (text) => {
    const read = readSettings(text);
    if (!read.ok) {
      set({ settingsError: read.error });
      return false;
    }
    const names = read.topology
      ? {
          startFrom: "reverse-proxy" as const,
          profile: read.profile ?? DEFAULT_PROFILE,
          topology: read.topology,
          appliedTopology: JSON.stringify(read.topology),
        }
      : { startFrom: "settings" as const };
    set({ plan: read.plan, ...names, usagesChosen: true, settingsError: null });
    return true;
  },
  openSettingsFile: async (file) => {
    const read = await readInputFile(file);
    if (!read.ok) {
      set({ settingsError: `${read.error} Nothing was loaded.` });
      return false;
    }
    const text = new TextDecoder().decode(read.bytes);
    const loaded = await loadSettingsProfile(text);
    if (loaded) {
      set({ settingsError: loaded });
      return false;
    }
    return get().openSettings(text);
  },
  updatePlan: (change) => set((s) => withPlan(s, change(s.plan))),
  fix: (fix) => set((s) => withPlan(s, applyFix(s.plan, fix))),
  setCaTarget: (caTarget) =>
    set((s) => {
      if (s.usagesChosen || s.startFrom === "settings") return { caTarget, caTargetChosen: true };
      const profile = usageProfile(s);
      // Why compare as well: Properties' OK replaces the whole plan, so a usage changed there shows only here.
      if (!sameUsages(s.plan.extendedKeyUsage, defaultExtendedKeyUsage({ profile, target: s.caTarget })))
        return { caTarget, caTargetChosen: true, usagesChosen: true };
      return {
        caTarget,
        caTargetChosen: true,
        plan: { ...s.plan, extendedKeyUsage: defaultExtendedKeyUsage({ profile, target: caTarget }) },
      };
    }),
  addClientAuthentication: () =>
    set((s) =>
      s.plan.extendedKeyUsage.includes(CLIENT_AUTH)
        ? {}
        : withPlan(s, { ...s.plan, extendedKeyUsage: [...s.plan.extendedKeyUsage, CLIENT_AUTH] }),
    ),
});
