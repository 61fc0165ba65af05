/**
 * The one wizard store: the request being planned, where the admin is, and what Finish produced.
 * Slices: plan (persisted as a draft), navigation (persisted), secrets and output (memory only).
 */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { OfflineRequest } from "../pki/offline-request";
import {
  applyNamesPlan,
  articleTopology,
  planReverseProxyNames,
  type LyncTopology,
} from "../pki/profiles/lync-reverse-proxy";
import { applyFix, factsFromPlan, preflight, type CaTarget, type FixId } from "../pki/lint";
import { blankPlan, planProblems, reverseProxyPlan, webServerPlan, type RequestPlan } from "../pki/request";
import { readSettings, validatePlan, validateTopology, writeSettings } from "../pki/settings";
import { createCompleteSlice, initialCompleteState, type CompleteSlice } from "./complete-slice";
import { savePendingRequest } from "./pending-requests";

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
/** "settings": the request came from a settings file without a names plan. */
export type StartFrom = "reverse-proxy" | "web-server" | "blank" | "settings";
export type PropertiesTab = "general" | "subject" | "extensions" | "private-key";

export const START_PLANS: Record<Exclude<StartFrom, "settings">, () => RequestPlan> = {
  "reverse-proxy": reverseProxyPlan,
  "web-server": webServerPlan,
  blank: blankPlan,
};

type Finish =
  | { status: "idle" }
  | { status: "working" }
  | { status: "done"; result: OfflineRequest; kept: "yes" | "no" | { error: string } }
  | { status: "failed"; error: string };

interface WizardState {
  plan: RequestPlan;
  startFrom: StartFrom;
  /** The names planner's inputs (reverse-proxy start only). */
  topology: LyncTopology;
  /** The topology whose names were last put into the plan, so Next does not undo later edits in Properties. */
  appliedTopology: string | null;
  page: PageId;
  /** The Certificate Properties dialog edits a copy; OK keeps it, Cancel drops it, as in MMC. */
  properties: { draft: RequestPlan; tab: PropertiesTab } | null;
  /** Secrets: never persisted, dropped by reset() and once Finish has used them. */
  passphrase: string;
  passphraseConfirm: string;
  finish: Finish;
  /** Where the request goes: a public CA (the article asks for a public certificate) or the admin's own CA. */
  caTarget: CaTarget;
  /** Keep the request and its encrypted key in this browser until the certificate comes back (on by default). */
  keepPending: boolean;
  settingsError: string | null;
}

interface WizardActions {
  chooseStart: (start: Exclude<StartFrom, "settings">) => void;
  updateTopology: (change: (topology: LyncTopology) => LyncTopology) => void;
  /** "Use these names": the planner's names, usages and key into the plan. False when the plan has errors. */
  useNames: () => boolean;
  settingsFile: () => string;
  /** "Use as a starting point": a plan read from a request or certificate, for a renewal. */
  startFromPlan: (plan: RequestPlan) => void;
  openSettings: (text: string) => boolean;
  goTo: (page: PageId) => void;
  next: () => void;
  back: () => void;
  updatePlan: (change: (plan: RequestPlan) => RequestPlan) => void;
  openProperties: (tab?: PropertiesTab) => void;
  updateDraft: (change: (draft: RequestPlan) => RequestPlan) => void;
  selectTab: (tab: PropertiesTab) => void;
  closeProperties: (keep: boolean) => void;
  setPassphrase: (passphrase: string, confirm: string) => void;
  setKeepPending: (keep: boolean) => void;
  setCaTarget: (target: CaTarget) => void;
  fix: (fix: FixId) => void;
  runFinish: (options?: { iterations?: number }) => Promise<void>;
  reset: () => void;
}

export type WizardStore = WizardState & WizardActions & CompleteSlice;

const initialState = (): WizardState & ReturnType<typeof initialCompleteState> => ({
  ...initialCompleteState(),
  plan: reverseProxyPlan(),
  startFrom: "reverse-proxy",
  topology: articleTopology(),
  appliedTopology: JSON.stringify(articleTopology()),
  page: "enrollment",
  properties: null,
  passphrase: "",
  passphraseConfirm: "",
  finish: { status: "idle" },
  keepPending: true,
  caTarget: "public",
  settingsError: null,
});

/** The pages this start walks: Plan names only for the reverse proxy. */
export function visiblePages(startFrom: StartFrom) {
  return PAGES.filter((p) => p.id !== "inspect" && (p.id !== "plan-names" || startFrom === "reverse-proxy"));
}

/** Why a plain object and not the result: Finish's output is only valid for the plan it was made from. */
const stale = { finish: { status: "idle" } as Finish };

export const useWizard = create<WizardStore>()(
  persist(
    (set, get, store) => ({
      ...createCompleteSlice(set, get, store),
      ...initialState(),
      chooseStart: (startFrom) =>
        set({
          startFrom,
          plan: START_PLANS[startFrom](),
          topology: articleTopology(),
          appliedTopology: JSON.stringify(articleTopology()),
          settingsError: null,
          ...stale,
        }),
      updateTopology: (change) => set((s) => ({ topology: change(s.topology) })),
      useNames: () => {
        const { topology, plan } = get();
        const names = planReverseProxyNames(topology);
        if (names.findings.some((f) => f.severity === "error")) return false;
        set({ plan: applyNamesPlan(plan, names), appliedTopology: JSON.stringify(topology), ...stale });
        return true;
      },
      settingsFile: () => {
        const { plan, topology, startFrom } = get();
        return writeSettings(startFrom === "reverse-proxy" ? { plan, namesPlan: topology } : { plan });
      },
      startFromPlan: (plan) =>
        set({ plan, startFrom: "settings", page: "certificate-information", settingsError: null, ...stale }),
      openSettings: (text) => {
        const read = readSettings(text);
        if (!read.ok) {
          set({ settingsError: read.error });
          return false;
        }
        const names = read.namesPlan
          ? {
              startFrom: "reverse-proxy" as const,
              topology: read.namesPlan,
              appliedTopology: JSON.stringify(read.namesPlan),
            }
          : { startFrom: "settings" as const };
        set({ plan: read.plan, ...names, settingsError: null, ...stale });
        return true;
      },
      goTo: (page) => set({ page }),
      next: () => {
        const { page, plan, startFrom, topology, appliedTopology } = get();
        // Plan names: Next uses the names when the topology changed since they were last used, and stays on errors.
        if (page === "plan-names" && JSON.stringify(topology) !== appliedTopology && !get().useNames()) return;
        // Certificate Information is where the whole request is checked: Next stays while it has problems.
        if (page === "certificate-information" && planProblems(plan).length > 0) return;
        const pages = visiblePages(startFrom);
        const next = pages[pages.findIndex((p) => p.id === page) + 1];
        if (next) set({ page: next.id });
      },
      back: () => {
        if (get().page === "inspect") return set({ page: "enrollment" });
        const pages = visiblePages(get().startFrom);
        const previous = pages[pages.findIndex((p) => p.id === get().page) - 1];
        if (previous) set({ page: previous.id });
      },
      updatePlan: (change) => set((s) => ({ plan: change(s.plan), ...stale })),
      openProperties: (tab = "general") => set((s) => ({ properties: { draft: structuredClone(s.plan), tab } })),
      updateDraft: (change) =>
        set((s) => (s.properties ? { properties: { ...s.properties, draft: change(s.properties.draft) } } : {})),
      selectTab: (tab) => set((s) => (s.properties ? { properties: { ...s.properties, tab } } : {})),
      closeProperties: (keep) =>
        set((s) =>
          keep && s.properties ? { plan: s.properties.draft, properties: null, ...stale } : { properties: null },
        ),
      setPassphrase: (passphrase, passphraseConfirm) => set({ passphrase, passphraseConfirm }),
      setKeepPending: (keepPending) => set({ keepPending }),
      setCaTarget: (caTarget) => set({ caTarget }),
      fix: (fix) => set((s) => ({ plan: applyFix(s.plan, fix), ...stale })),
      runFinish: async (options = {}) => {
        const { plan, passphrase, passphraseConfirm, finish, caTarget } = get();
        if (finish.status === "working" || planProblems(plan).length > 0) return;
        // Preflight errors block Finish: a CA would reject the request, or the certificate would not work.
        if (preflight(factsFromPlan(plan), caTarget).some((f) => f.severity === "error")) return;
        if (!passphrase || passphrase !== passphraseConfirm) return;
        set({ finish: { status: "working" } });
        const started = performance.now();
        try {
          // Why a dynamic import: key generation, PKCS #10 and PBES2 (with @peculiar/x509) are needed at Finish,
          // not to show the first page.
          const { createOfflineRequest } = await import("../pki/offline-request");
          const result = await createOfflineRequest({ plan, passphrase, iterations: options.iterations });
          // A user-timing entry, so that `npm run bench` reads how long Finish took from the page itself.
          performance.measure("finish", { start: started, end: performance.now() });
          let kept: "yes" | "no" | { error: string } = "no";
          if (get().keepPending) {
            try {
              await savePendingRequest({
                id: crypto.randomUUID(),
                created: new Date().toISOString(),
                friendlyName: plan.friendlyName,
                subject: plan.subject.map((p) => `${p.type}=${p.value}`).join(", "),
                spkiSha256: result.spkiSha256,
                pkcs10: result.pkcs10,
                // The same file the user downloads: encrypted under their passphrase, never the key in the clear.
                encryptedKey: result.encryptedKey,
                plan,
              });
              kept = "yes";
            } catch (e) {
              kept = { error: e instanceof Error ? e.message : String(e) };
            }
          }
          // Why the passphrase is dropped now: it has done its one job, and the page should not hold it longer.
          set({ finish: { status: "done", result, kept }, passphrase: "", passphraseConfirm: "" });
        } catch (e) {
          set({ finish: { status: "failed", error: e instanceof Error ? e.message : String(e) } });
        }
      },
      reset: () => {
        useWizard.persist.clearStorage();
        set(initialState());
      },
    }),
    {
      name: "certificate-request-wizard/draft",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Why only these: the draft must survive a reload, and no secret may reach storage.
      partialize: (s) => ({
        plan: s.plan,
        page: s.page,
        startFrom: s.startFrom,
        topology: s.topology,
        appliedTopology: s.appliedTopology,
        keepPending: s.keepPending,
        caTarget: s.caTarget,
      }),
      // persist does not validate what it reads back: a damaged or edited draft is dropped, not half-loaded.
      merge: (persisted, current) => {
        if (typeof persisted !== "object" || persisted === null) return current;
        const p = persisted as Partial<Record<keyof WizardState, unknown>>;
        const plan = validatePlan(p.plan);
        const topology = validateTopology(p.topology);
        if (!plan.ok || !topology.ok) return current;
        const startFrom = ["reverse-proxy", "web-server", "blank", "settings"].includes(p.startFrom as string)
          ? (p.startFrom as StartFrom)
          : current.startFrom;
        const page = PAGES.some((x) => x.id === p.page) ? (p.page as PageId) : current.page;
        const appliedTopology = typeof p.appliedTopology === "string" ? p.appliedTopology : null;
        const keepPending = typeof p.keepPending === "boolean" ? p.keepPending : current.keepPending;
        const caTarget = p.caTarget === "internal" ? "internal" : "public";
        return {
          ...current,
          plan: plan.plan,
          page,
          startFrom,
          topology: topology.topology,
          appliedTopology,
          keepPending,
          caTarget,
        };
      },
    },
  ),
);
