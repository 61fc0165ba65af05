/**
 * The request being planned: the plan itself (what every page edits), where it started from, the names
 * planner's topology, and where the request goes. Persisted as the draft; nothing here is a secret.
 */
import type { StateCreator } from "zustand";
import type { CaTarget, FixId } from "../pki/lint";
import { applyFix } from "../pki/lint";
import {
  applyNamesPlan,
  articleTopology,
  emptyTopology,
  planReverseProxyNames,
  type LyncTopology,
} from "../pki/profiles/lync-reverse-proxy";
import { blankPlan, reverseProxyPlan, reverseProxyStartPlan, webServerPlan, type RequestPlan } from "../pki/request";
import { readSettings, validatePlan, writeSettings } from "../pki/settings";
import { hasErrors } from "../pki/finding";
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

/** True for the starts that walk Plan names: the reverse proxy, empty or with the article's example. */
export const plansNames = (startFrom: StartFrom) => startFrom === "reverse-proxy" || startFrom === "article-example";

/** The topology a start opens Plan names with, and whether its names are already in the plan. */
function startTopology(start: StartChoice): Pick<PlanState, "topology" | "appliedTopology"> {
  if (start !== "article-example") return { topology: emptyTopology(), appliedTopology: null };
  return { topology: articleTopology(), appliedTopology: JSON.stringify(articleTopology()) };
}

export interface PlanState {
  plan: RequestPlan;
  startFrom: StartFrom;
  /** The names planner's input (reverse-proxy start only); its output, the names plan, goes into `plan`. */
  topology: LyncTopology;
  /** The topology whose names were last put into the plan, so Next does not undo later edits in Properties. */
  appliedTopology: string | null;
  /** Where the request goes: a public CA (the article asks for a public certificate) or the admin's own CA. */
  caTarget: CaTarget;
  settingsError: string | null;
}

export interface PlanActions {
  chooseStart: (start: StartChoice) => void;
  updateTopology: (change: (topology: LyncTopology) => LyncTopology) => void;
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
  setCaTarget: (target: CaTarget) => void;
}

export type PlanSlice = PlanState & PlanActions;

export const initialPlanState = (): PlanState => ({
  plan: reverseProxyStartPlan(),
  startFrom: "reverse-proxy",
  ...startTopology("reverse-proxy"),
  caTarget: "public",
  settingsError: null,
});

/** True when the topology changed since its names were last put into the plan. */
export const topologyChanged = (s: Pick<PlanState, "topology" | "appliedTopology">) =>
  JSON.stringify(s.topology) !== s.appliedTopology;

export const createPlanSlice: StateCreator<WizardStore, [], [], PlanActions> = (set, get) => ({
  chooseStart: (startFrom) =>
    set({
      startFrom,
      plan: START_PLANS[startFrom](),
      ...startTopology(startFrom),
      settingsError: null,
      renewal: null,
      renewalError: null,
      renewalPfx: null,
    }),
  updateTopology: (change) => set((s) => ({ topology: change(s.topology) })),
  applyPlannedNames: () => {
    const { topology, plan } = get();
    const names = planReverseProxyNames(topology);
    if (hasErrors(names.findings)) return false;
    set({ plan: applyNamesPlan(plan, names), appliedTopology: JSON.stringify(topology) });
    return true;
  },
  settingsFile: () => {
    const { plan, topology, startFrom } = get();
    return writeSettings(plansNames(startFrom) ? { plan, topology } : { plan });
  },
  startFromPlan: (plan) => {
    // A plan read from a file meets the same checks as a typed one, and is refused whole if it fails one.
    const checked = validatePlan(plan);
    if (!checked.ok) return `This cannot be used as a starting point: ${checked.error}`;
    set({ plan: checked.plan, startFrom: "settings", page: "certificate-information", settingsError: null });
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
          topology: read.topology,
          appliedTopology: JSON.stringify(read.topology),
        }
      : { startFrom: "settings" as const };
    set({ plan: read.plan, ...names, settingsError: null });
    return true;
  },
  openSettingsFile: async (file) => {
    const read = await readInputFile(file);
    if (!read.ok) {
      set({ settingsError: `${read.error} Nothing was loaded.` });
      return false;
    }
    return get().openSettings(new TextDecoder().decode(read.bytes));
  },
  updatePlan: (change) => set((s) => ({ plan: change(s.plan) })),
  fix: (fix) => set((s) => ({ plan: applyFix(s.plan, fix) })),
  setCaTarget: (caTarget) => set({ caTarget }),
});
