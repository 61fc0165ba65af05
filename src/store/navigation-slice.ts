/** Where the admin is in the wizard: the page, and Back / Next with the same gate the pages show. */
import type { StateCreator } from "zustand";
import { advanceBlockers, type Blocker } from "./selectors";
import { plansNames, topologyChanged, type StartFrom } from "./plan-slice";
import type { WizardStore } from "./store";

/** The wizard's pages in order, named as in wizard.md. */
export const PAGES = [
  { id: "enrollment", title: "Certificate Enrollment" },
  { id: "enrollment-policy", title: "Select Certificate Enrollment Policy" },
  { id: "custom-request", title: "Custom Request" },
  { id: "plan-names", title: "Plan names" },
  { id: "certificate-information", title: "Certificate Information" },
  { id: "save-request", title: "Where do you want to save the offline request?" },
  { id: "complete-request", title: "Complete the request" },
  // Reached from Certificate Enrollment, outside the wizard's order.
  { id: "inspect", title: "Open a request or certificate" },
] as const;

export type PageId = (typeof PAGES)[number]["id"];

/** The pages this start walks: Plan names only for the reverse proxy. */
export function visiblePages(startFrom: StartFrom) {
  return PAGES.filter((p) => p.id !== "inspect" && (p.id !== "plan-names" || plansNames(startFrom)));
}

export interface NavigationState {
  page: PageId;
  /** Why the last Next stayed, shown at the top of the page until the admin moves on: Next never does nothing. */
  nextRefused: readonly Blocker[] | null;
}

export interface NavigationActions {
  goTo: (page: PageId) => void;
  /** Moves on unless advanceBlockers names a reason; on Plan names it first uses the names when they changed. */
  next: () => void;
  back: () => void;
  /** Plan names' "Use these names": Next, with the names put into the plan even when the topology did not change. */
  useNames: () => void;
}

export type NavigationSlice = NavigationState & NavigationActions;

export const initialNavigationState = (): NavigationState => ({ page: "enrollment", nextRefused: null });

export const createNavigationSlice: StateCreator<WizardStore, [], [], NavigationActions> = (set, get) => ({
  goTo: (page) => set({ page, nextRefused: null }),
  next: () => {
    const blockers = advanceBlockers(get());
    // A new array each time, so a second refused Next moves the focus to the summary again.
    if (blockers.length > 0) return set({ nextRefused: [...blockers] });
    const s = get();
    if (s.page === "plan-names" && topologyChanged(s)) s.applyPlannedNames();
    const pages = visiblePages(s.startFrom);
    const next = pages[pages.findIndex((p) => p.id === s.page) + 1];
    if (next) set({ page: next.id, nextRefused: null });
  },
  useNames: () => {
    // Why forget the applied topology: it makes the names "changed", so Next checks and uses them as it would
    // after an edit, and a refusal shows in the one error summary at the top of the page.
    set({ appliedTopology: null });
    get().next();
  },
  back: () => {
    const { page, startFrom } = get();
    if (page === "inspect") return set({ page: "enrollment", nextRefused: null });
    const pages = visiblePages(startFrom);
    const previous = pages[pages.findIndex((p) => p.id === page) - 1];
    if (previous) set({ page: previous.id, nextRefused: null });
  },
});
