/**
 * Plan names: the chosen profile's topology in, the certificate's names out, with reasons and findings. The
 * profile's code is loaded here (../pki/profiles/registry), not with the first page; the page waits for it.
 */
import { use } from "react";
import { loadProfile } from "../pki/profiles/registry";
import { AWAITING_PROFILE } from "../store/plan-profile";
import { useWizard } from "../store/store";
import { PlannerPage } from "./plan-names/planner-page";

export function PlanNamesPage() {
  const id = useWizard((s) => s.profile);
  // The same promise for the same profile: React suspends on it once (the shell's Suspense says "Loading…").
  const profile = use(loadProfile(id));
  const waiting = useWizard((s) => s.topology === AWAITING_PROFILE);
  if (waiting) return <p role="status">Loading…</p>;
  return <PlannerPage key={id} profile={profile} />;
}
