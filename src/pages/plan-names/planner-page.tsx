/** Plan names for one loaded profile: its inputs, the certificate's names, findings, and what to configure next. */
import type { Finding } from "../../pki/finding";
import type { AnyProfile } from "../../pki/profiles/registry";
import { topologyChanged } from "../../store/plan-slice";
import { namesPlanOf, plannedNamesByInputOf, plannedNamesPreflightOf, topologyAnchor } from "../../store/selectors";
import { useWizard } from "../../store/store";
import { NamesCard } from "./names-card";
import { NextSteps } from "./next-steps";
import { PlannerInputs, type InputContext } from "./planner-inputs";

export function PlannerPage({ profile }: { profile: AnyProfile }) {
  const topology = useWizard((s) => s.topology);
  const request = useWizard((s) => s.plan);
  const update = useWizard((s) => s.updateTopology);
  const useNames = useWizard((s) => s.useNames);
  // An empty required field is said once the admin tried to go on, not while the page is new.
  const tried = useWizard((s) => s.nextRefused !== null);
  const result = useWizard((s) => namesPlanOf(s.topology, profile));
  // The commands describe the request as Next will leave it: with these names applied when they changed (the
  // profile's friendly name, key and file name), else as it is; the request before them has no friendly name yet.
  const changed = useWizard(topologyChanged);
  const preflight = useWizard((s) => plannedNamesPreflightOf(s.plan, s.topology, s.caTarget, profile));
  const byInput = useWizard((s) => plannedNamesByInputOf(s.topology, s.caTarget, profile));
  const findings = tried ? result.findings : result.findings.filter((f) => f.id !== "missing");
  // No verdict before there is something to judge: while a required input is empty, "None" would be a false
  // all-clear just before Next says what is missing.
  const judged = !result.findings.some((f) => f.id === "missing");
  const context: InputContext = {
    topology,
    plan: result,
    update,
    /** The planner's findings for an input, and the preflight's about the names typed in it: one message beside it. */
    at: (anchor): Finding[] => [
      ...findings.filter((f) => topologyAnchor(f, profile) === anchor),
      ...byInput.filter((f) => f.anchor === anchor),
    ],
  };
  return (
    <>
      <p>{profile.intro}</p>
      <PlannerInputs inputs={profile.inputs} context={context} />
      <NamesCard plan={result} services={profile.services} findings={[...findings, ...preflight]} judged={judged} />
      <NextSteps
        steps={profile.nextSteps(result, changed ? profile.apply(request, result) : request)}
        publishing={result.publishing}
      />
      <div className="inline">
        {/*
          Next is the page's one primary action: it uses the names whenever they changed. This button puts them
          in again after names were edited in Properties. A refusal shows in the error summary at the top of the
          page, with the focus there, as Next's does.
        */}
        <button type="button" onClick={useNames} aria-describedby="use-names-hint">
          Use these names
        </button>
        <p className="hint" id="use-names-hint">
          Puts them in again over names changed in Properties; Next uses them too.
        </p>
      </div>
    </>
  );
}
