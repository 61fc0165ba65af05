/** The Certificate Properties dialog: it edits a copy of the plan; OK keeps it, Cancel drops it, as in MMC. */
import type { StateCreator } from "zustand";
import type { RequestPlan } from "../pki/request";
import { withPlan } from "./plan-slice";
import type { WizardStore } from "./store";

export type PropertiesTab = "general" | "subject" | "extensions" | "private-key";

export interface PropertiesState {
  properties: { draft: RequestPlan; tab: PropertiesTab } | null;
}

export interface PropertiesActions {
  openProperties: (tab?: PropertiesTab) => void;
  updateDraft: (change: (draft: RequestPlan) => RequestPlan) => void;
  selectTab: (tab: PropertiesTab) => void;
  closeProperties: (keep: boolean) => void;
}

export type PropertiesSlice = PropertiesState & PropertiesActions;

export const initialPropertiesState = (): PropertiesState => ({ properties: null });

export const createPropertiesSlice: StateCreator<WizardStore, [], [], PropertiesActions> = (set) => ({
  openProperties: (tab = "general") => set((s) => ({ properties: { draft: structuredClone(s.plan), tab } })),
  updateDraft: (change) =>
    set((s) => (s.properties ? { properties: { ...s.properties, draft: change(s.properties.draft) } } : {})),
  selectTab: (tab) => set((s) => (s.properties ? { properties: { ...s.properties, tab } } : {})),
  closeProperties: (keep) =>
    set((s) =>
      keep && s.properties ? { ...withPlan(s, s.properties.draft), properties: null } : { properties: null },
    ),
});
