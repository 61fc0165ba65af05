/**
 * The one wizard store, built from its slices as zustand's slices pattern does: the plan (persisted as the
 * draft), navigation (persisted), the Properties dialog, Finish and Complete the request (memory only, with
 * every secret). Pages read it through selectors (selectors.ts) and change it through its actions.
 */
import { create } from "zustand";
import { createJSONStorage, persist, type StateStorage } from "zustand/middleware";
import { DEFAULT_PROFILE, loadedProfile, loadProfile, profileEntry, usualCaTarget } from "../pki/profiles/registry";
import { profileOf, validatePlan, validateTopology } from "../pki/settings";
import { createCompleteSlice, initialCompleteState, type CompleteSlice } from "./complete-slice";
import { createRenewalSlice, initialRenewalState, type RenewalSlice } from "./renewal-slice";
import { createFinishSlice, IDLE, initialFinishState, type FinishSlice } from "./finish-slice";
import {
  createNavigationSlice,
  initialNavigationState,
  PAGES,
  type NavigationSlice,
  type PageId,
} from "./navigation-slice";
import { createPlanSlice, initialPlanState, START_PLANS, type PlanSlice, type StartFrom } from "./plan-slice";
import { createPropertiesSlice, initialPropertiesState, type PropertiesSlice } from "./properties-slice";
import { keyAtRisk, sameRequest } from "./selectors";
import { onSharedOrigin } from "./shared-origin";
import { errorText } from "./error-text";

export type WizardStore = PlanSlice &
  NavigationSlice &
  PropertiesSlice &
  FinishSlice &
  CompleteSlice &
  RenewalSlice & {
    /** Why the draft could not be kept in this browser (storage full or refused), or null. */
    draftError: string | null;
    /** Whether this page may keep anything in the browser's storage: always served, only when allowed from file://. */
    sharedStorageAllowed: boolean;
    allowSharedStorage: (allow: boolean) => void;
    /** Drops every secret the page holds: passphrases, .pfx passwords, the opened key. */
    dropSecrets: () => void;
    /** A way out that waits for the admin's answer while the key is at risk (selectors.keyAtRisk). */
    exitRequest: { what: "leave" | "start-over" | "new-key"; proceed: () => void } | null;
    /** The admin's answer: go on (the key is left behind, or was just downloaded), or stay. */
    answerExit: (go: boolean) => void;
    /** Start over: every slice back to its initial state, every secret dropped, the stored draft cleared. */
    reset: () => void;
  };

/** The whole initial state, defined once from each slice's own: what a new page and reset() start from. */
export const initialState = () => ({
  draftError: null as string | null,
  sharedStorageAllowed: !onSharedOrigin,
  exitRequest: null as WizardStore["exitRequest"],
  ...initialPlanState(),
  ...initialNavigationState(),
  ...initialPropertiesState(),
  ...initialFinishState(),
  ...initialCompleteState(),
  ...initialRenewalState(),
});

/** The part of the state kept as the draft. Why only these: the draft must survive a reload, and no secret may reach storage. */
type Draft = Pick<
  WizardStore,
  "plan" | "page" | "startFrom" | "topology" | "appliedTopology" | "keepPending" | "caTarget"
> &
  Partial<Pick<WizardStore, "profile">>;

/**
 * Reads a persisted draft back. persist does not validate what it reads: a damaged or edited draft is
 * dropped whole (the current state stays), never half-loaded.
 */
export function mergeDraft(persisted: unknown, current: WizardStore): WizardStore {
  if (typeof persisted !== "object" || persisted === null) return current;
  const p = persisted as Partial<Record<keyof Draft, unknown>>;
  // Absent in drafts written before there were other profiles, and for the reverse proxy: the default.
  const profile = profileOf(p);
  if (!profile) {
    return {
      ...current,
      draftError: "The draft kept in this browser names a planner this page does not know; it was not loaded.",
    };
  }
  // The topology is checked with its profile's read: load the profile first, then read the draft again, whole.
  if (profile !== DEFAULT_PROFILE && !loadedProfile(profile)) {
    loadProfile(profile).then(
      () => void useWizard.persist.rehydrate(),
      () =>
        useWizard.setState({
          draftError: `The draft kept in this browser was planned with "${profileEntry(profile).start.label}", which could not be loaded; it was not loaded.`,
        }),
    );
    return current;
  }
  const plan = validatePlan(p.plan);
  const topology = validateTopology(p.topology, profile);
  if (!plan.ok || !topology.ok) return current;
  const startFrom =
    p.startFrom === "settings" || Object.hasOwn(START_PLANS, p.startFrom as string)
      ? (p.startFrom as StartFrom)
      : current.startFrom;
  const caTarget = p.caTarget === "internal" ? "internal" : "public";
  return {
    ...current,
    plan: plan.plan,
    profile,
    topology: topology.topology,
    startFrom,
    page: PAGES.some((x) => x.id === p.page) ? (p.page as PageId) : current.page,
    appliedTopology: typeof p.appliedTopology === "string" ? p.appliedTopology : null,
    keepPending: typeof p.keepPending === "boolean" ? p.keepPending : current.keepPending,
    caTarget,
    // Not kept in the draft: a CA other than the start's usual one was chosen by the admin.
    caTargetChosen: caTarget !== usualCaTarget(profile),
  };
}

/** Says, once, whether the last write of the draft worked; the same message twice changes nothing. */
function reportDraft(error: string | null) {
  if (useWizard.getState().draftError !== error) useWizard.setState({ draftError: error });
}

/**
 * localStorage for the draft, with a refused write (storage full, disabled, over its quota) reported on the
 * page instead of thrown: persist writes inside set(), so a throw there would stop whatever action set it,
 * Finish included, half-way.
 */
const inMemory = new Map<string, string>();
const storageAllowed = () => !onSharedOrigin || useWizard.getState().sharedStorageAllowed;
const draftStorage: StateStorage = {
  // Opened from a file and not allowed otherwise: the draft lives in memory, neither read nor written to storage.
  getItem: (name) => (storageAllowed() ? localStorage.getItem(name) : (inMemory.get(name) ?? null)),
  setItem: (name, value) => {
    if (!storageAllowed()) return void inMemory.set(name, value);
    try {
      localStorage.setItem(name, value);
      reportDraft(null);
    } catch (e) {
      reportDraft(`The draft cannot be kept in this browser: ${errorText(e)}`);
    }
  },
  removeItem: (name) => localStorage.removeItem(name),
};

export const useWizard = create<WizardStore>()(
  persist(
    (...a) => {
      const [set, get] = a;
      const navigation = createNavigationSlice(...a);
      /**
       * "No click loses a key": while the key is at risk, leaving the save page and Start over wait for the
       * admin's answer instead of running. Navigation elsewhere, once the save page is left, does not ask again.
       */
      const guard =
        <A extends unknown[]>(what: "leave" | "start-over", action: (...args: A) => void) =>
        (...args: A) => {
          const s = get();
          const leaving = what === "start-over" || s.page === "save-request";
          if (keyAtRisk(s) && leaving) set({ exitRequest: { what, proceed: () => action(...args) } });
          else action(...args);
        };
      const reset = () => {
        useWizard.persist.clearStorage();
        // Why keep the choice: Start over drops the request, not what the admin allowed for this browser tab.
        set({ ...initialState(), sharedStorageAllowed: get().sharedStorageAllowed });
      };
      return {
        ...initialState(),
        ...createPlanSlice(...a),
        ...navigation,
        next: guard("leave", navigation.next),
        back: guard("leave", navigation.back),
        goTo: guard("leave", navigation.goTo),
        ...createPropertiesSlice(...a),
        ...createFinishSlice(...a),
        ...createCompleteSlice(...a),
        ...createRenewalSlice(...a),
        answerExit: (go) => {
          const request = get().exitRequest;
          set({ exitRequest: null });
          if (go) request?.proceed();
        },
        dropSecrets: () => {
          a[0]({ passphrase: "", passphraseConfirm: "" });
          a[1]().dropCompleteSecrets();
        },
        allowSharedStorage: (sharedStorageAllowed) =>
          a[0](sharedStorageAllowed ? { sharedStorageAllowed } : { sharedStorageAllowed, keepPending: false }),
        reset: guard("start-over", reset),
      };
    },
    {
      name: "certificate-request-wizard/draft",
      version: 1,
      storage: createJSONStorage(() => draftStorage),
      partialize: (s): Draft => ({
        plan: s.plan,
        page: s.page,
        startFrom: s.startFrom,
        // The default profile is left out, as drafts written before there were others leave it out.
        ...(s.profile === DEFAULT_PROFILE ? {} : { profile: s.profile }),
        topology: s.topology,
        appliedTopology: s.appliedTopology,
        keepPending: s.keepPending,
        caTarget: s.caTarget,
      }),
      merge: mergeDraft,
    },
  ),
);

useWizard.subscribe((state, previous) => {
  // Finish's output is valid only for the request it was made from: whatever changes the request drops it,
  // here and nowhere else. The File Name and format are not part of the request: changing them keeps the key.
  if (
    state.plan !== previous.plan &&
    state.finish.status !== "idle" &&
    state.finish.status !== "working" &&
    !sameRequest(state.plan, previous.plan)
  ) {
    useWizard.setState({ finish: IDLE });
  }
  // Secrets leave memory with the page they were typed on: Back or Next never brings a passphrase back.
  if (state.page !== previous.page) state.dropSecrets();
});

// A second tab on the same draft follows the first: when the other tab writes the draft, this one reads it.
if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key === useWizard.persist.getOptions().name) void useWizard.persist.rehydrate();
  });
}

export { PAGES, visiblePages, type PageId } from "./navigation-slice";
export type { StartFrom } from "./plan-slice";
export type { PropertiesTab } from "./properties-slice";
