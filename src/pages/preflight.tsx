/** The preflight as Certificate Information and the save page show it: where the request goes, and what a CA would say. */
import { preflightOf } from "../store/selectors";
import { useWizard } from "../store/store";
import { Findings } from "../ui/findings";
import { RadioChoices } from "../ui/radio-choices";

export function Preflight() {
  const caTarget = useWizard((s) => s.caTarget);
  const setCaTarget = useWizard((s) => s.setCaTarget);
  const fix = useWizard((s) => s.fix);
  const findings = useWizard((s) => preflightOf(s.plan, s.caTarget));
  return (
    <section className="preflight" aria-label="Preflight">
      <RadioChoices
        legend="This request goes to"
        options={[
          {
            value: "public",
            label: "A public CA",
            hint: "The article asks for a public certificate: the CA/Browser Forum rules apply.",
          },
          {
            value: "internal",
            label: "My own (internal) CA",
            hint: "Internal names, private addresses and Client Authentication are fine there.",
          },
        ]}
        value={caTarget}
        onChange={setCaTarget}
      />
      <Findings
        findings={findings}
        onFix={fix}
        label="Preflight findings"
        empty="Preflight: nothing a CA would reject."
      />
    </section>
  );
}
