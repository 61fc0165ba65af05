/** The preflight as Certificate Information and the save page show it: where the request goes, and what a CA would say. */
import { preflightOf } from "../store/selectors";
import { useWizard } from "../store/store";
import { Findings } from "../ui/findings";
import { CA_TARGETS } from "./ca-target";

export function Preflight() {
  const caTarget = useWizard((s) => s.caTarget);
  const goTo = useWizard((s) => s.goTo);
  const fix = useWizard((s) => s.fix);
  const findings = useWizard((s) => preflightOf(s.plan, s.caTarget));
  return (
    <section className="preflight" aria-label="Preflight">
      {/* Chosen once, on Certificate Enrollment, so that Plan names, this page and Finish give one verdict. */}
      <p>
        Checked for: <strong>{CA_TARGETS.find((t) => t.value === caTarget)?.label}</strong>.{" "}
        <button type="button" className="link" onClick={() => goTo("enrollment")}>
          Change where the request goes
        </button>
      </p>
      <Findings
        findings={findings}
        onFix={fix}
        label="Preflight findings"
        empty="Preflight: nothing a CA would reject."
      />
    </section>
  );
}
